package com.lts.example.api;

import com.lts.core.config.NodeConfig;
import com.lts.core.domain.Job;
import com.lts.core.domain.JobRef;
import com.lts.core.domain.OperationResult;
import com.lts.core.domain.OperationStatus;
import com.lts.core.store.JobLogEntry;
import com.lts.core.store.JobLogQuery;
import com.lts.core.store.JobQueue;
import com.lts.core.store.Page;
import com.lts.core.store.QueueQuery;
import com.lts.core.store.Store;
import com.lts.core.store.StoredJob;
import com.lts.jobclient.JobClient;
import com.lts.jobclient.operations.JobOperations;

/** The snippets of docs/jobs.md "Operations on jobs" and docs/storage.md "Read API". */
public final class JobOperationsExample {

  private JobOperationsExample() {}

  /** Suspend, resume, trigger now, update and delete a job through a started JobClient. */
  public static void operate(JobClient jobClient) {
    JobOperations operations = jobClient.jobOperations();
    JobRef nightly = JobRef.of("nightly-report", "report_TaskTracker");

    OperationResult suspended = operations.suspend(nightly);
    if (suspended.status() == OperationStatus.NOT_FOUND) {
      System.out.println("No such job: " + suspended.message());
    }
    operations.resume(nightly);
    operations.triggerNow(nightly); // one extra run now; the cron instants stay as they were

    Job fields = new Job();
    fields.setTaskId("nightly-report");
    fields.setTaskTrackerNodeGroup("report_TaskTracker");
    fields.setCronExpression("0 30 2 * * ?");
    fields.setParam("format", "pdf");
    OperationResult updated = operations.update(nightly, fields);
    if (!updated.isDone()) {
      // INVALID names each bad field ("cronExpression: ..."); REFUSED says why (e.g. it runs now)
      System.out.println(updated.status() + ": " + updated.message());
    }

    operations.delete(nightly); // or JobRef.ofJobId(jobId), as Admin and the job log show it
  }

  /** What LTS Admin reads: a queue page by page, and a job's log after the last line shown. */
  public static void browse(NodeConfig adminConfig, String jobId) {
    try (Store store = Store.open(adminConfig)) {
      QueueQuery query =
          QueueQuery.of(JobQueue.CRON, 100).group("report_TaskTracker").submitGroup("web");
      Page<StoredJob> page = store.jobs().browse(query);
      while (true) {
        page.items().forEach(job -> System.out.println(job.taskId() + " v" + job.version()));
        if (!page.hasNext()) {
          break;
        }
        page = store.jobs().browse(query.after(page.nextCursor()));
      }

      String lastSeen = null; // the id of the last line already shown
      JobLogQuery lines = JobLogQuery.forJob(jobId, 500);
      for (JobLogEntry line : store.jobLogs().query(lines.after(lastSeen)).items()) {
        System.out.println(line.logTime() + " " + line.type() + " " + line.msg());
        lastSeen = line.id();
      }
    }
  }
}
