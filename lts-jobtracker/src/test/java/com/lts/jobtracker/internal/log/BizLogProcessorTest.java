package com.lts.jobtracker.internal.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lts.core.domain.BizLog;
import com.lts.core.domain.Job;
import com.lts.core.store.JdbcFixture;
import com.lts.core.store.JobLogEntry;
import com.lts.core.store.MutableClock;
import com.lts.core.store.Store;
import com.lts.core.store.StoredJob;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BizLogProcessorTest {

  private final JdbcFixture database = JdbcFixture.h2();

  @AfterEach
  void drop() throws Exception {
    database.drop();
  }

  private static BizLog line(String jobId, long attempt, String msg) {
    BizLog line = new BizLog();
    line.setJobId(jobId);
    line.setAttempt(attempt);
    line.setTaskId("t");
    line.setTaskTrackerNodeGroup("g");
    line.setLevel(BizLog.Level.INFO);
    line.setMsg(msg);
    return line;
  }

  @Test
  void linesOfAStaleAttemptAreRefusedAndLinesOfFinishedJobsKept() {
    MutableClock clock = new MutableClock(1_000_000);
    List<JobLogEntry> written = new CopyOnWriteArrayList<>();
    try (Store store = database.open(clock);
        JobEventLog eventLog = new JobEventLog(written::addAll, 100, 1_000, clock)) {
      Job job = new Job();
      job.setTaskId("t");
      job.setTaskTrackerNodeGroup("g");
      store.jobs().submit(List.of(job));
      StoredJob first = store.jobs().claim("g", "TT_a", 1, Duration.ofSeconds(1)).get(0);
      clock.advance(2_000);
      store.jobs().expireLeases(10); // attempt 1 is stale now; the job waits as attempt 2
      BizLogProcessor processor =
          new BizLogProcessor(eventLog, store.jobs(), BizLogLimits.none(clock));

      int refused =
          processor.accept(
              List.of(
                  line(first.jobId(), 1, "from the stale run"),
                  line(first.jobId(), 2, "from the current run"),
                  line("0123456789abcdef0123456789abcdef", 7, "from a finished job")),
              "TT_a");

      assertThat(refused).isEqualTo(1);
      await().atMost(Duration.ofSeconds(5)).until(() -> written.size() == 2);
      assertThat(written)
          .extracting(JobLogEntry::msg)
          .containsExactlyInAnyOrder("from the current run", "from a finished job");
      assertThat(written).allSatisfy(e -> assertThat(e.taskTrackerIdentity()).isEqualTo("TT_a"));
    }
  }

  @Test
  void longLinesAreCutAndLinesOverTheRatePerJobAndSecondAreDroppedWithANote() {
    MutableClock clock = new MutableClock(1_000_000);
    List<JobLogEntry> written = new CopyOnWriteArrayList<>();
    try (Store store = database.open(clock);
        JobEventLog eventLog = new JobEventLog(written::addAll, 100, 1_000, clock)) {
      BizLogProcessor processor =
          new BizLogProcessor(eventLog, store.jobs(), new BizLogLimits(100, 3, clock));
      String chatty = "0123456789abcdef0123456789abcdef";
      String quiet = "fedcba9876543210fedcba9876543210";

      processor.accept(
          List.of(
              line(chatty, 1, "x".repeat(150)),
              line(chatty, 1, "two"),
              line(chatty, 1, "three"),
              line(chatty, 1, "four"),
              line(chatty, 1, "five"),
              line(quiet, 1, "one of another job")),
          "TT_a");
      clock.advance(1_000); // a new second: the chatty job may log again
      processor.accept(List.of(line(chatty, 1, "next second")), "TT_a");

      await().atMost(Duration.ofSeconds(5)).until(() -> written.size() == 6);
      assertThat(written)
          .extracting(JobLogEntry::msg)
          .containsExactlyInAnyOrder(
              "x".repeat(100)
                  + " ... [50 more characters cut: jobtracker.bizlog.line.max.length=100]",
              "two",
              "three",
              "one of another job",
              "2 business log lines of this job dropped: more than 3 in one second"
                  + " (jobtracker.bizlog.lines.per.second.max)",
              "next second");
    }
  }
}
