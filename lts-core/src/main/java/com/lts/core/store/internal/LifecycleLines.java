package com.lts.core.store.internal;

import com.lts.core.config.ConfigKeys;
import com.lts.core.domain.BizLog;
import com.lts.core.domain.Job;
import com.lts.core.store.ExpiredLease;
import com.lts.core.store.JobLogEntry;
import com.lts.core.store.JobLogType;
import com.lts.core.store.StoreContext;
import com.lts.core.store.StoredJob;
import com.lts.core.store.SubmitResult;
import com.lts.core.store.SubmitStatus;
import java.util.ArrayList;
import java.util.List;

/** The lifecycle lines a store writes itself, in the transaction of the change they record. */
public final class LifecycleLines {

  private LifecycleLines() {}

  /** Whether a store opened in {@code context} keeps the job log ({@code job.logger=store}). */
  public static boolean keptBy(StoreContext context) {
    return "store".equals(context.config().get(ConfigKeys.JOB_LOGGER));
  }

  /** RECEIVED lines of the submitted jobs that were stored (added or replaced). */
  public static List<JobLogEntry> received(List<Job> jobs, List<SubmitResult> results, long now) {
    List<JobLogEntry> lines = new ArrayList<>();
    for (int i = 0; i < results.size(); i++) {
      SubmitResult r = results.get(i);
      if (r.status() == SubmitStatus.ADDED || r.status() == SubmitStatus.REPLACED) {
        String msg =
            r.status() == SubmitStatus.REPLACED
                ? "replaced the existing job"
                : jobs.get(i).getJobType().name();
        lines.add(
            line(
                now,
                r.jobId(),
                r.taskTrackerNodeGroup(),
                r.taskId(),
                0,
                JobLogType.RECEIVED,
                null,
                msg));
      }
    }
    return lines;
  }

  public static List<JobLogEntry> dispatched(List<StoredJob> claimed, String identity, long now) {
    List<JobLogEntry> lines = new ArrayList<>(claimed.size());
    for (StoredJob job : claimed) {
      lines.add(
          line(
              now,
              job.jobId(),
              job.taskTrackerNodeGroup(),
              job.taskId(),
              job.attempt(),
              JobLogType.DISPATCHED,
              identity,
              "attempt " + job.attempt()));
    }
    return lines;
  }

  public static List<JobLogEntry> expired(List<ExpiredLease> expired, long now) {
    List<JobLogEntry> lines = new ArrayList<>(expired.size());
    for (ExpiredLease lease : expired) {
      lines.add(
          line(
              now,
              lease.jobId(),
              lease.taskTrackerNodeGroup(),
              lease.taskId(),
              lease.expiredAttempt(),
              JobLogType.LEASE_EXPIRED,
              lease.taskTrackerIdentity(),
              "lease of attempt " + lease.expiredAttempt() + " ended; the job runs again"));
    }
    return lines;
  }

  private static JobLogEntry line(
      long now,
      String jobId,
      String group,
      String taskId,
      long attempt,
      JobLogType type,
      String identity,
      String msg) {
    return JobLogEntry.of(
        now, jobId, group, taskId, attempt, type, BizLog.Level.INFO, identity, msg);
  }
}
