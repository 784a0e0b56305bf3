package com.lts.example.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.lts.core.domain.Job;
import com.lts.core.domain.JobType;
import com.lts.core.store.JdbcFixture;
import com.lts.core.store.Store;
import com.lts.core.store.StoredJob;
import com.lts.core.testing.Services;
import com.lts.example.upgrade.LegacyJobImport;
import com.lts.jobclient.JobClient;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * LegacyJobImport (docs/upgrading.md) against queue tables laid out as LTS 1.7 laid them out in
 * MySQL, in a private MariaDB database: the waiting, cron and repeat jobs arrive in the new store
 * as jobs of their kind; instances, suspended and used-up jobs are left behind; a second run keeps
 * what is there.
 */
class LegacyJobImportTest {

  private static final String COLUMNS =
      "id INT AUTO_INCREMENT PRIMARY KEY, job_id VARCHAR(32), job_type VARCHAR(32),"
          + " priority INT, retry_times INT DEFAULT 0, max_retry_times INT DEFAULT 0,"
          + " rely_on_prev_cycle TINYINT(4), task_id VARCHAR(64), real_task_id VARCHAR(64),"
          + " gmt_created BIGINT, gmt_modified BIGINT, submit_node_group VARCHAR(64),"
          + " task_tracker_node_group VARCHAR(64), ext_params TEXT, internal_ext_params TEXT,"
          + " is_running TINYINT(4), task_tracker_identity VARCHAR(64), need_feedback TINYINT(4),"
          + " cron_expression VARCHAR(128), trigger_time BIGINT, repeat_count INT DEFAULT 0,"
          + " repeated_count INT DEFAULT 0, repeat_interval BIGINT,"
          + " last_generate_trigger_time BIGINT";

  private static final String INSERT =
      " (job_id, job_type, priority, max_retry_times, rely_on_prev_cycle, task_id, real_task_id,"
          + " submit_node_group, task_tracker_node_group, ext_params, need_feedback,"
          + " cron_expression, trigger_time, repeat_count, repeated_count, repeat_interval)"
          + " VALUES ";

  @TempDir Path dir;

  @Test
  void movesWaitingCronAndRepeatJobs() throws Exception {
    Services.assumeReachable("MariaDB", "127.0.0.1", 3306);
    JdbcFixture old = JdbcFixture.mariaDb();
    JdbcFixture store = JdbcFixture.h2();
    long future = System.currentTimeMillis() + 3_600_000;
    try (Connection db = DriverManager.getConnection(old.url(), "root", null)) {
      try (Statement s = db.createStatement()) {
        for (String table :
            new String[] {
              "lts_cron_job_queue",
              "lts_repeat_job_queue",
              "lts_wjq_shop_tt",
              "lts_executing_job_queue",
              "lts_suspend_job_queue"
            }) {
          s.execute("CREATE TABLE " + table + " (" + COLUMNS + ")");
        }
        s.execute(
            "INSERT INTO lts_cron_job_queue"
                + INSERT
                + "('c1', 'CRON', 50, 2, 1, 'report', 'report', 'web', 'shop_tt',"
                + " '{\"day\":\"today\",\"n\":3}', 1, '0 0 3 * * ?', 0, 0, 0, NULL)");
        s.execute(
            "INSERT INTO lts_repeat_job_queue"
                + INSERT
                + "('r1', 'REPEAT', 100, 0, 0, 'sync', 'sync', 'web', 'shop_tt', NULL, 0,"
                + " NULL, 0, 10, 4, 60000),"
                + "('r2', 'REPEAT', 100, 0, 1, 'forever', 'forever', 'web', 'shop_tt', NULL, 0,"
                + " NULL, 0, -1, 7, 30000),"
                + "('r3', 'REPEAT', 100, 0, 1, 'used-up', 'used-up', 'web', 'shop_tt', NULL, 0,"
                + " NULL, 0, 3, 3, 30000)");
        s.execute(
            "INSERT INTO lts_wjq_shop_tt"
                + INSERT
                + "('w1', 'REAL_TIME', 100, 1, 1, 'now', 'now', 'web', 'shop_tt',"
                + " '{\"shopId\":\"7\"}', 0, NULL, 1, 0, 0, NULL),"
                + "('w2', 'TRIGGER_TIME', 100, 0, 1, 'later', 'later', 'web', 'shop_tt', NULL,"
                + " 0, NULL, "
                + future
                + ", 0, 0, NULL),"
                + "('w3', 'CRON', 100, 0, 1, 'report_1', 'report', 'web', 'shop_tt', NULL, 0,"
                + " '0 0 3 * * ?', 1, 0, 0, NULL)");
        s.execute(
            "INSERT INTO lts_executing_job_queue"
                + INSERT
                + "('e1', 'REAL_TIME', 100, 0, 1, 'running', 'running', 'web', 'shop_tt', NULL,"
                + " 0, NULL, 1, 0, 0, NULL)");
        s.execute(
            "INSERT INTO lts_suspend_job_queue"
                + INSERT
                + "('s1', 'CRON', 100, 0, 1, 'paused', 'paused', 'web', 'shop_tt', NULL, 0,"
                + " '0 0 4 * * ?', 0, 0, 0, NULL)");
      }

      try (LocalCluster cluster = LocalCluster.start(dir)) {
        cluster.jobTracker(store.config());
        JobClient client = cluster.jobClient("lts_legacy_import", results -> {});
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        LegacyJobImport.Summary first =
            LegacyJobImport.importJobs(
                db, client, new PrintStream(printed, true, StandardCharsets.UTF_8));
        String output = printed.toString(StandardCharsets.UTF_8);
        assertThat(first).as(output).isEqualTo(new LegacyJobImport.Summary(6, 0, 3, 0));
        assertThat(output)
            .contains("left behind: used-up (a repeat job with no runs left)")
            .contains("left behind: report (an instance of a CRON job")
            .contains("left behind: paused (suspended CRON job");

        LegacyJobImport.Summary again =
            LegacyJobImport.importJobs(db, client, new PrintStream(new ByteArrayOutputStream()));
        assertThat(again.submitted()).isZero();
        assertThat(again.kept()).isEqualTo(6);
      }
    } finally {
      old.drop();
    }

    try (Store jobs = store.open(Clock.systemUTC())) {
      Job report = find(jobs, "report").job();
      assertThat(report.getCronExpression()).isEqualTo("0 0 3 * * ?");
      assertThat(report.getPriority()).isEqualTo(50);
      assertThat(report.getMaxRetryTimes()).isEqualTo(2);
      assertThat(report.isNeedFeedback()).isTrue();
      assertThat(report.getSubmitNodeGroup()).isEqualTo("web");
      assertThat(report.getParam("day")).isEqualTo("today");
      assertThat(report.getParam("n")).isEqualTo("3");
      Job sync = find(jobs, "sync").job();
      assertThat(sync.getRepeatCount()).isEqualTo(6);
      assertThat(sync.getRepeatInterval()).isEqualTo(60_000L);
      assertThat(sync.isRelyOnPrevCycle()).isFalse();
      assertThat(find(jobs, "forever").job().getRepeatCount()).isEqualTo(-1);
      assertThat(find(jobs, "later").jobType()).isEqualTo(JobType.TRIGGER_TIME);
      assertThat(find(jobs, "later").triggerTime()).isEqualTo(future);
      assertThat(find(jobs, "now").job().getParam("shopId")).isEqualTo("7");
      assertThat(find(jobs, "running").jobType()).isEqualTo(JobType.REAL_TIME);
      assertThat(jobs.jobs().find("shop_tt", "used-up")).isEmpty();
      assertThat(jobs.jobs().find("shop_tt", "paused")).isEmpty();
    } finally {
      store.drop();
    }
  }

  private static StoredJob find(Store store, String taskId) {
    return store.jobs().find("shop_tt", taskId).orElseThrow(() -> new AssertionError(taskId));
  }
}
