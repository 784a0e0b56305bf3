package com.lts.core.store.internal.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.lts.core.domain.Job;
import com.lts.core.domain.MisfirePolicy;
import com.lts.core.store.JdbcFixture;
import com.lts.core.store.JobKind;
import com.lts.core.store.JobState;
import com.lts.core.store.MutableClock;
import com.lts.core.store.Store;
import com.lts.core.store.StoredJob;
import com.lts.core.testing.Services;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A database that an older LTS created (schema version 1, with jobs in it) is brought to the newest
 * version at start, and its jobs read back with the new columns' defaults. Running a migration
 * again (as after a start that crashed before recording it) does no harm.
 */
class SchemaMigrationTest {

  private static final long T0 = 1_700_000_000_000L;
  private static final String OLD_JOB_ID = "0000000000000000000000000000old1";

  @Test
  void anH2DatabaseAtVersion1Migrates() throws Exception {
    migratesFromVersion1(JdbcFixture.h2(), new H2Dialect(), null);
  }

  @Test
  void aMariaDbDatabaseAtVersion1Migrates() throws Exception {
    Services.assumeReachable("MariaDB", "127.0.0.1", 3306);
    migratesFromVersion1(JdbcFixture.mariaDb(), new MySqlDialect(), "root");
  }

  @Test
  void aPostgreSqlSchemaAtVersion1Migrates() throws Exception {
    Services.assumeReachable("PostgreSQL", "127.0.0.1", 5432);
    migratesFromVersion1(JdbcFixture.postgreSql(), new PostgreSqlDialect(), "postgres");
  }

  private static void migratesFromVersion1(JdbcFixture fixture, Dialect dialect, String user)
      throws Exception {
    MutableClock clock = new MutableClock(T0);
    try {
      try (Connection c = DriverManager.getConnection(fixture.url(), user, null)) {
        installVersion1(c, dialect);
        insertOldSchedule(c);
        try (Statement s = c.createStatement()) {
          s.executeUpdate(
              "INSERT INTO lts_feedback (job_client_node_group, job_result, created) VALUES"
                  + " ('old-clients', '{\"job\":{\"taskId\":\"old-fb\"},"
                  + "\"action\":\"EXECUTE_SUCCESS\"}', 1)");
        }
      }

      try (Store store = fixture.open(clock)) {
        StoredJob old = store.jobs().find(OLD_JOB_ID).orElseThrow();
        assertThat(old.kind()).isEqualTo(JobKind.SCHEDULE);
        assertThat(old.state()).isEqualTo(JobState.SCHEDULED);
        assertThat(old.job().getMisfirePolicy()).isEqualTo(MisfirePolicy.FIRE_ONCE_NOW);
        String instance = store.jobs().createInstance(OLD_JOB_ID, T0).jobId();
        assertThat(store.jobs().find(instance).orElseThrow().job().getMisfirePolicy())
            .isEqualTo(MisfirePolicy.FIRE_ONCE_NOW);
        assertThat(store.jobs().dueBetween(T0, T0 + 1, 10)).hasSize(1);
        // V3: a feedback row from before it is still read (it names no job) and pruned by age.
        assertThat(store.feedback().fetch("old-clients", null, 10).items())
            .extracting(f -> f.result().getJob().getTaskId())
            .containsExactly("old-fb");
        assertThat(store.feedback().pruneOlderThan(2, 10)).isEqualTo(1);
        // V4: dead letters and settings.
        assertThat(store.deadJobs().countByGroup()).isEmpty();
        store.settings().put("lts.alert.job.failed", "3", "ops");
      }
      try (Connection c = DriverManager.getConnection(fixture.url(), user, null)) {
        assertThat(versions(c)).containsExactly(1, 2, 3, 4);
        // As if the starts that ran V2 to V4 had crashed before recording them.
        try (Statement s = c.createStatement()) {
          s.executeUpdate("DELETE FROM lts_schema_version WHERE version >= 2");
        }
      }

      try (Store store = fixture.open(clock)) {
        Job skipping = new Job();
        skipping.setTaskId("new");
        skipping.setTaskTrackerNodeGroup("old-group");
        skipping.setCronExpression("0 0/1 * * * ?");
        skipping.setMisfirePolicy(MisfirePolicy.SKIP);
        String id = store.jobs().submit(List.of(skipping)).get(0).jobId();
        assertThat(store.jobs().find(id).orElseThrow().job().getMisfirePolicy())
            .isEqualTo(MisfirePolicy.SKIP);
      }
      try (Store store = fixture.open(clock)) {
        assertThat(store.settings().all()).containsKey("lts.alert.job.failed");
      }
      try (Connection c = DriverManager.getConnection(fixture.url(), user, null)) {
        assertThat(versions(c)).containsExactly(1, 2, 3, 4);
      }
    } finally {
      fixture.drop();
    }
  }

  /** What LTS before V2 did: V1's statements, recorded as version 1. */
  private static void installVersion1(Connection c, Dialect dialect) throws Exception {
    String resource = "META-INF/lts/schema/" + dialect.name() + "/" + SchemaMigrator.SCRIPTS.get(0);
    String script;
    try (var in = SchemaMigrationTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      script = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    try (Statement s = c.createStatement()) {
      for (String statement : SchemaMigrator.statements(script)) {
        s.execute(statement);
      }
      s.execute(
          "CREATE TABLE lts_schema_version (version INT NOT NULL PRIMARY KEY,"
              + " script VARCHAR(200) NOT NULL, installed BIGINT NOT NULL)");
      s.executeUpdate(
          "INSERT INTO lts_schema_version (version, script, installed) VALUES (1, 'V1__init.sql', 0)");
    }
  }

  /** A cron schedule as version 1 stored it: no misfire_policy column. */
  private static void insertOldSchedule(Connection c) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO lts_job (job_id, kind, state, job_type, task_id, task_tracker_node_group,"
                + " schedule_time, schedule_job_id, submit_node_group, priority, trigger_time,"
                + " cron_expression, repeat_count, repeat_interval, repeated_count,"
                + " max_retry_times, retry_times, need_feedback, rely_on_prev_cycle, params,"
                + " attempt, version, task_tracker_identity, lease_deadline, created, modified)"
                + " VALUES (?, 'SCHEDULE', 'SCHEDULED', 'CRON', 'old', 'old-group', -1, NULL,"
                + " NULL, 100, ?, '0 0/1 * * * ?', 0, NULL, 0, 0, 0, FALSE, TRUE, NULL, 0, 0,"
                + " NULL, NULL, ?, ?)")) {
      ps.setString(1, OLD_JOB_ID);
      ps.setLong(2, T0 - 60_000);
      ps.setLong(3, T0 - 60_000);
      ps.setLong(4, T0 - 60_000);
      ps.executeUpdate();
    }
  }

  private static List<Integer> versions(Connection c) throws SQLException {
    List<Integer> versions = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT version FROM lts_schema_version ORDER BY version")) {
      while (rs.next()) {
        versions.add(rs.getInt(1));
      }
    }
    return versions;
  }
}
