package com.lts.tasktracker.internal;

import com.lts.core.domain.JobMeta;
import com.lts.core.domain.JobRunResult;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The runs that finished here and whose results no JobTracker has answered yet (queued, on their
 * way, or kept in the FailStore during an outage). Their leases are renewed like those of running
 * jobs, so a job that finished is not run again while its result waits to be reported.
 */
final class UnreportedResults {

  private final Map<String, JobMeta> pending = new ConcurrentHashMap<>();

  void add(JobMeta meta) {
    pending.put(key(meta), meta);
  }

  /** The results were answered (accepted or refused): their leases are no longer this node's. */
  void reported(Collection<JobRunResult> results) {
    results.forEach(r -> pending.remove(key(r.getJobMeta())));
  }

  /** Their leases were lost: the jobs were handed to another attempt; stop renewing them. */
  void forget(Collection<JobMeta> metas) {
    metas.forEach(m -> pending.remove(key(m)));
  }

  List<JobMeta> all() {
    return List.copyOf(pending.values());
  }

  int size() {
    return pending.size();
  }

  private static String key(JobMeta meta) {
    return meta.getJobId() + "#" + meta.getAttempt();
  }
}
