package com.lts.tasktracker.internal;

import com.lts.core.domain.BizLog;
import com.lts.core.domain.JobMeta;
import com.lts.tasktracker.logger.BizLogger;
import java.time.Clock;
import java.util.function.Consumer;

/**
 * The {@link BizLogger} of one run: stamps each line with the run's job id, attempt, task and
 * group, and hands lines at or above the minimum level to a sink (the TaskTracker's sender, or a
 * list in tests).
 */
public final class JobBizLogger implements BizLogger {

  private final JobMeta meta;
  private final String taskTrackerIdentity;
  private final BizLog.Level minimumLevel;
  private final Clock clock;
  private final Consumer<BizLog> sink;

  public JobBizLogger(
      JobMeta meta,
      String taskTrackerIdentity,
      BizLog.Level minimumLevel,
      Clock clock,
      Consumer<BizLog> sink) {
    this.meta = meta;
    this.taskTrackerIdentity = taskTrackerIdentity;
    this.minimumLevel = minimumLevel;
    this.clock = clock;
    this.sink = sink;
  }

  @Override
  public void debug(String msg) {
    log(BizLog.Level.DEBUG, msg);
  }

  @Override
  public void info(String msg) {
    log(BizLog.Level.INFO, msg);
  }

  @Override
  public void error(String msg) {
    log(BizLog.Level.ERROR, msg);
  }

  private void log(BizLog.Level level, String msg) {
    if (level.compareTo(minimumLevel) < 0) {
      return;
    }
    BizLog line = new BizLog();
    line.setJobId(meta.getJobId());
    line.setAttempt(meta.getAttempt());
    line.setTaskId(meta.getJob().getTaskId());
    line.setTaskTrackerNodeGroup(meta.getJob().getTaskTrackerNodeGroup());
    line.setTaskTrackerIdentity(taskTrackerIdentity);
    line.setLevel(level);
    line.setMsg(msg);
    line.setLogTime(clock.millis());
    sink.accept(line);
  }
}
