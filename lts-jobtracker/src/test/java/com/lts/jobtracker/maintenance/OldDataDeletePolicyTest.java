package com.lts.jobtracker.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import com.lts.core.domain.Action;
import com.lts.core.domain.Job;
import com.lts.core.domain.JobResult;
import com.lts.core.store.JdbcFixture;
import com.lts.core.store.MutableClock;
import com.lts.core.store.Store;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OldDataDeletePolicyTest {

  private static final long DAY = Duration.ofDays(1).toMillis();

  private final JdbcFixture database = JdbcFixture.h2();

  @AfterEach
  void drop() throws Exception {
    database.drop();
  }

  private static JobResult result(String taskId) {
    Job job = new Job();
    job.setTaskId(taskId);
    job.setTaskTrackerNodeGroup("trade");
    return new JobResult(job, Action.EXECUTE_SUCCESS, null, 0);
  }

  @Test
  void deletesFeedbackOlderThanItsAgeInEveryGroupAndKeepsTheRest() {
    MutableClock clock = new MutableClock(100 * DAY);
    try (Store store = database.open(clock)) {
      store.feedback().add("web", List.of(result("old-web-1"), result("old-web-2")));
      store.feedback().add("app", List.of(result("old-app")));
      clock.set(125 * DAY);
      store.feedback().add("web", List.of(result("recent-web")));
      clock.set(131 * DAY);

      new OldDataDeletePolicy().handle(store, clock.millis());

      Map<String, Long> left = store.feedback().countByGroup();
      assertThat(left).containsExactly(Map.entry("web", 1L));
      assertThat(store.feedback().fetch("web", null, 10).items())
          .extracting(f -> f.result().getJob().getTaskId())
          .containsExactly("recent-web");
    }
  }

  @Test
  void theKeepingTimeCanBeChosen() {
    MutableClock clock = new MutableClock(10 * DAY);
    try (Store store = database.open(clock)) {
      store.feedback().add("web", List.of(result("two-days-old")));
      clock.set(12 * DAY);
      new OldDataDeletePolicy(Duration.ofDays(3)).handle(store, clock.millis());
      assertThat(store.feedback().countByGroup()).containsEntry("web", 1L);
      new OldDataDeletePolicy(Duration.ofDays(1)).handle(store, clock.millis());
      assertThat(store.feedback().countByGroup()).isEmpty();
    }
  }
}
