package com.lts.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CpuMeterTest {

  @Test
  void workInThisJvmCountsAndAnEmbeddedStoreHasNoServer() {
    CpuMeter meter = CpuMeter.forStore("h2");
    CpuMeter.Reading before = meter.read();
    long sum = 0;
    for (long i = 0; i < 300_000_000L; i++) {
      sum += i ^ (sum >>> 3);
    }
    Map<String, Double> figures = new LinkedHashMap<>();
    before.perJob(meter.read(), 10, figures);

    assertThat(sum).isNotZero();
    assertThat(figures.get(CpuMeter.CPU_PER_JOB)).isPositive();
    assertThat(figures.get(CpuMeter.DATABASE_CPU_PER_JOB)).isZero();
  }

  @Test
  void aQueryCountsOnThePostgreSqlServersSide() throws Exception {
    String unreachable = BenchDatabase.unreachable("postgresql");
    if ("1".equals(System.getenv("LTS_REQUIRE_SERVICES"))) {
      assertThat(unreachable).as("LTS_REQUIRE_SERVICES=1 but %s", unreachable).isNull();
    }
    assumeThat(unreachable).as("%s", unreachable).isNull();
    CpuMeter meter = CpuMeter.forStore("postgresql");
    Map<String, Double> figures = new LinkedHashMap<>();
    try (Connection c =
            DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", "postgres", null);
        Statement s = c.createStatement()) {
      CpuMeter.Reading before = meter.read();
      try (ResultSet rs =
          s.executeQuery("SELECT sum(i % 7) FROM generate_series(1, 5000000) AS i")) {
        assertThat(rs.next()).isTrue();
      }
      // Read while the backend still runs: once its connection closes, its time moves to the
      // postmaster's only when the postmaster reaps it, which a read right after may miss.
      before.perJob(meter.read(), 1, figures);
    }

    // The server's backend spent clearly more than a tick (10 ms) on five million rows.
    assertThat(figures.get(CpuMeter.DATABASE_CPU_PER_JOB)).isGreaterThan(50.0);
  }
}
