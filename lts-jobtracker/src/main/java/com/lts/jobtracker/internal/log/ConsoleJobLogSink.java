package com.lts.jobtracker.internal.log;

import com.lts.core.store.JobLogEntry;
import com.lts.core.store.Store;
import com.lts.jobtracker.log.JobLogSink;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Job log lines into the JobTracker's own log (logger {@code lts.joblog}). */
public final class ConsoleJobLogSink implements JobLogSink {

  private static final Logger log = LoggerFactory.getLogger("lts.joblog");

  @Override
  public void write(List<JobLogEntry> entries) {
    for (JobLogEntry e : entries) {
      log.info(
          "{} job={} task={}/{} attempt={} tt={} {}",
          e.type(),
          e.jobId(),
          e.taskTrackerNodeGroup(),
          e.taskId(),
          e.attempt(),
          e.taskTrackerIdentity(),
          e.msg());
    }
  }

  /** {@code job.logger=console}. */
  public static final class Factory implements JobLogSink.Factory {
    @Override
    public String name() {
      return "console";
    }

    @Override
    public JobLogSink create(Store store) {
      return new ConsoleJobLogSink();
    }
  }
}
