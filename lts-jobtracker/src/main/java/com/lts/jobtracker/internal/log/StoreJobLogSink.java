package com.lts.jobtracker.internal.log;

import com.lts.core.store.JobLogEntry;
import com.lts.core.store.Store;
import com.lts.jobtracker.log.JobLogSink;
import java.util.List;

/** Job log lines into the job store, in one batch write per call. */
public final class StoreJobLogSink implements JobLogSink {

  private final Store store;

  StoreJobLogSink(Store store) {
    this.store = store;
  }

  @Override
  public void write(List<JobLogEntry> entries) {
    store.jobLogs().append(entries);
  }

  /** {@code job.logger=store}. */
  public static final class Factory implements JobLogSink.Factory {
    @Override
    public String name() {
      return "store";
    }

    @Override
    public JobLogSink create(Store store) {
      return new StoreJobLogSink(store);
    }
  }
}
