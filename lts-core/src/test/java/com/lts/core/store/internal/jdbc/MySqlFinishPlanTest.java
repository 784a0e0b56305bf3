package com.lts.core.store.internal.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.lts.core.domain.Job;
import com.lts.core.store.JdbcFixture;
import com.lts.core.store.MutableClock;
import com.lts.core.store.Store;
import com.lts.core.store.SubmitResult;
import com.lts.core.testing.Services;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * On a small job table MariaDB reads {@code job_id IN (...)} of many ids by scanning the table, and
 * a completion's locking read and DELETE that scan lock, or wait for, rows of other runs (two
 * completions of disjoint runs deadlocked). The statements the MySQL dialect uses for completions
 * find each row through the primary key, as MariaDB's own plan shows.
 */
class MySqlFinishPlanTest {

  @Test
  void completionsOnASmallTableReadOnlyTheirRowsThroughThePrimaryKey() throws Exception {
    Services.assumeReachable("MariaDB", "127.0.0.1", 3306);
    JdbcFixture fixture = JdbcFixture.mariaDb();
    try (Store store = fixture.open(new MutableClock(1_700_000_000_000L))) {
      List<Job> jobs = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        Job job = new Job();
        job.setTaskId("small-" + i);
        job.setTaskTrackerNodeGroup("plan");
        jobs.add(job);
      }
      List<String> ids =
          store.jobs().submit(jobs).stream().map(SubmitResult::jobId).sorted().toList();
      List<String> finishing = ids.subList(0, 17);
      MySqlDialect dialect = new MySqlDialect();
      try (Connection c = DriverManager.getConnection(fixture.url(), "root", null)) {
        assertThat(accessTypes(c, dialect.lockForFinish(finishing.size()), finishing))
            .contains("eq_ref")
            .doesNotContain("ALL", "index");
        assertThat(accessTypes(c, dialect.deleteByIds(finishing.size()), finishing))
            .contains("eq_ref")
            .doesNotContain("ALL", "index");
      }
    } finally {
      fixture.drop();
    }
  }

  /** The access type MariaDB's plan gives the job table for {@code sql} with {@code ids} bound. */
  private static List<String> accessTypes(Connection c, String sql, List<String> ids)
      throws Exception {
    List<String> types = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("EXPLAIN " + sql)) {
      for (int i = 0; i < ids.size(); i++) {
        ps.setString(i + 1, ids.get(i));
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String table = rs.getString("table");
          if (table != null && (table.equals("t") || table.equals(JobSql.TABLE))) {
            types.add(rs.getString("type"));
          }
        }
      }
    }
    return types;
  }
}
