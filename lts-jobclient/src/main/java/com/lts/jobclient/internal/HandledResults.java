package com.lts.jobclient.internal;

import com.lts.core.domain.JobResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The job ids of the results this JobClient's handler took (the most recent {@link #REMEMBERED}),
 * and those it is handling now. Results without a job id (from an older JobTracker) are always
 * fresh.
 */
final class HandledResults {

  static final int REMEMBERED = 100_000;

  /**
   * @param fresh results to hand to the handler
   * @param busyTaskIds task ids of results another delivery is handling now: answered as not taken,
   *     so the JobTracker keeps them until that delivery's outcome is known
   */
  record Claim(List<JobResult> fresh, List<String> busyTaskIds) {}

  private final Map<String, Boolean> done =
      new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
          return size() > REMEMBERED;
        }
      };

  private final Set<String> inFlight = new HashSet<>();

  synchronized Claim claim(List<JobResult> results) {
    List<JobResult> fresh = new ArrayList<>();
    List<String> busy = new ArrayList<>();
    for (JobResult result : results) {
      String jobId = result.getJobId();
      if (jobId == null) {
        fresh.add(result);
      } else if (done.containsKey(jobId)) {
        continue; // handled before: acknowledged again, not handled again
      } else if (!inFlight.add(jobId)) {
        busy.add(result.getJob().getTaskId());
      } else {
        fresh.add(result);
      }
    }
    return new Claim(fresh, busy);
  }

  synchronized void done(List<JobResult> results) {
    for (JobResult result : results) {
      if (result.getJobId() != null) {
        inFlight.remove(result.getJobId());
        done.put(result.getJobId(), Boolean.TRUE);
      }
    }
  }

  synchronized void failed(List<JobResult> results) {
    for (JobResult result : results) {
      if (result.getJobId() != null) {
        inFlight.remove(result.getJobId());
      }
    }
  }
}
