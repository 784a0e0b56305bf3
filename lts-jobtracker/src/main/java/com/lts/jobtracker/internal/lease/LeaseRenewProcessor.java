package com.lts.jobtracker.internal.lease;

import com.lts.core.store.AttemptOutcome;
import com.lts.core.store.AttemptRef;
import com.lts.core.store.JobStore;
import com.lts.remoting.internal.RemotingChannel;
import com.lts.remoting.internal.RequestProcessor;
import com.lts.remoting.internal.command.LeaseRenewRequest;
import com.lts.remoting.internal.command.LeaseRenewResponse;
import com.lts.remoting.internal.command.LeasedJob;
import java.time.Duration;
import java.util.List;

/**
 * LEASE_RENEW: one batch per TaskTracker extends the leases of all its running jobs. The answer
 * names the jobs whose lease it no longer holds (expired and handed to another attempt, or gone).
 */
public final class LeaseRenewProcessor
    implements RequestProcessor<LeaseRenewRequest, LeaseRenewResponse> {

  private final JobStore jobs;
  private final Duration lease;

  public LeaseRenewProcessor(JobStore jobs, Duration lease) {
    this.jobs = jobs;
    this.lease = lease;
  }

  @Override
  public LeaseRenewResponse process(RemotingChannel channel, LeaseRenewRequest request) {
    List<LeasedJob> leased = request.getJobs() == null ? List.of() : request.getJobs();
    if (leased.isEmpty()) {
      return new LeaseRenewResponse(List.of());
    }
    List<AttemptRef> refs =
        leased.stream().map(j -> new AttemptRef(j.getJobId(), j.getAttempt())).toList();
    AttemptOutcome outcome = jobs.renewLeases(refs, lease);
    return new LeaseRenewResponse(outcome.refused().stream().map(AttemptRef::jobId).toList());
  }
}
