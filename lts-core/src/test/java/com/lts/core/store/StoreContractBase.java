package com.lts.core.store;

import com.lts.core.domain.Job;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;

/**
 * What every contract suite shares: the backend's fixture, one store on it (emptied before each
 * test) and a hand-driven clock.
 */
public abstract class StoreContractBase {

  static final long T0 = 1_700_000_000_000L;
  static final Duration LEASE = Duration.ofSeconds(10);
  static final String GROUP = "tt-group";
  static final String WORKER = "TT_worker_1";

  /** The backend; each concrete test class keeps one for all its tests. */
  protected abstract Backend backend();

  StoreFixture fixture() {
    return backend().fixture();
  }

  Store store() {
    return backend().store();
  }

  MutableClock clock() {
    return backend().clock();
  }

  JobStore jobs() {
    return store().jobs();
  }

  @BeforeEach
  void emptyTheStore() throws Exception {
    fixture().clear();
    clock().set(T0);
    // Claims read on from where the group's last claims ended for up to a second; one that finds
    // the group empty forgets that place, which belonged to the rows just deleted.
    jobs().claim(GROUP, WORKER, 1, LEASE);
  }

  static Job job(String taskId) {
    Job job = new Job();
    job.setTaskId(taskId);
    job.setTaskTrackerNodeGroup(GROUP);
    return job;
  }

  static List<Job> jobs(String prefix, int count) {
    List<Job> jobs = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      jobs.add(job(prefix + i));
    }
    return jobs;
  }

  static Job cron(String taskId) {
    Job job = job(taskId);
    job.setCronExpression("0 0/1 * * * ?");
    return job;
  }

  static Job repeat(String taskId) {
    Job job = job(taskId);
    job.setRepeatCount(3);
    job.setRepeatInterval(1_000L);
    return job;
  }

  String submitOne(Job job) {
    return jobs().submit(List.of(job)).get(0).jobId();
  }

  StoredJob claimOne() {
    List<StoredJob> claimed = jobs().claim(GROUP, WORKER, 1, LEASE);
    if (claimed.size() != 1) {
      throw new AssertionError("expected to claim one job, got " + claimed);
    }
    return claimed.get(0);
  }
}
