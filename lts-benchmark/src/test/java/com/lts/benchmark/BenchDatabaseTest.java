package com.lts.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.lts.core.store.Store;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each store's fresh database opens, describes its durability settings and is dropped. */
class BenchDatabaseTest {

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql", "mysql"})
  void aFreshDatabaseOpensDescribesItselfAndIsDropped(String store) throws Exception {
    String unreachable = BenchDatabase.unreachable(store);
    if ("1".equals(System.getenv("LTS_REQUIRE_SERVICES"))) {
      assertThat(unreachable).as("LTS_REQUIRE_SERVICES=1 but %s", unreachable).isNull();
    }
    assumeThat(unreachable).as("%s", unreachable).isNull();
    Map<String, String> facts;
    try (BenchDatabase database = BenchDatabase.create(store, dir)) {
      try (Store opened = Store.open(database.config(), dir, Clock.systemUTC())) {
        assertThat(Scenario.unfinished(opened)).isZero();
      }
      facts = database.describe();
    }
    assertThat(facts.get("version")).isNotBlank();
    switch (store) {
      case "mysql" -> assertThat(facts).containsKey("innodb_flush_log_at_trx_commit");
      case "postgresql" -> assertThat(facts).containsKey("synchronous_commit");
      default -> assertThat(facts).containsKey("url");
    }
  }
}
