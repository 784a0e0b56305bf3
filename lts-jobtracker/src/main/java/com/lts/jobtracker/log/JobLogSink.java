package com.lts.jobtracker.log;

import com.lts.core.spi.NamedPlugin;
import com.lts.core.store.JobLogEntry;
import com.lts.core.store.Store;
import java.util.List;

/**
 * Where job log lines go, chosen by {@code job.logger}: {@code store} (the job store's log table,
 * what LTS Admin shows) or {@code console} (the JobTracker's own log).
 */
public interface JobLogSink {

  /** Writes a batch; called from one thread at a time. */
  void write(List<JobLogEntry> entries);

  /** Makes the sink named in configuration. */
  interface Factory extends NamedPlugin {
    JobLogSink create(Store store);
  }
}
