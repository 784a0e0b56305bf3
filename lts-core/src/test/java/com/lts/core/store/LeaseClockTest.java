package com.lts.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.lts.core.config.LtsConfig;
import com.lts.core.domain.Job;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Leases follow the database's clock, not the JobTracker's: a JobTracker whose clock is an hour off
 * sets leases as long as everyone else's and does not end live ones.
 */
class LeaseClockTest {

  private static final Duration LEASE = Duration.ofSeconds(10);
  private static final Duration SKEW = Duration.ofHours(1);

  static Stream<Arguments> databases() {
    return Stream.of(
        Arguments.of("h2", jdbc(JdbcFixture::h2)),
        Arguments.of("mariadb", jdbc(JdbcFixture::mariaDb)),
        Arguments.of("postgresql", jdbc(JdbcFixture::postgreSql)),
        Arguments.of(
            "mongo (mongo-java-server)",
            (Fixture)
                () -> {
                  MongoFixture mongo = new MongoFixture();
                  return new Database(mongo.config(), mongo::drop);
                }));
  }

  record Database(LtsConfig config, Dropper drop) {}

  interface Dropper {
    void drop() throws Exception;
  }

  interface Fixture {
    Database create() throws Exception;
  }

  interface JdbcFactory {
    JdbcFixture create() throws Exception;
  }

  private static Fixture jdbc(JdbcFactory factory) {
    return () -> {
      JdbcFixture jdbc = factory.create();
      return new Database(jdbc.config(), jdbc::drop);
    };
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void aJobTrackerWithASkewedClockNeitherShortensNorEndsLeases(String name, Fixture fixture)
      throws Exception {
    Database database = fixture.create();
    LtsConfig config = database.config();
    Clock behind = Clock.offset(Clock.systemUTC(), SKEW.negated());
    Clock ahead = Clock.offset(Clock.systemUTC(), SKEW);
    try (Store slow = Store.open(config, Path.of("target"), behind);
        Store fast = Store.open(config, Path.of("target"), ahead)) {
      Job job = new Job();
      job.setTaskId("skew-" + name + "-" + System.nanoTime());
      job.setTaskTrackerNodeGroup("skew");
      slow.jobs().submit(List.of(job));

      long before = System.currentTimeMillis();
      StoredJob claimed = slow.jobs().claim("skew", "TT_1", 1, LEASE).get(0);
      assertThat(claimed.leaseDeadline())
          .as("the lease ends %s after the database's now, not the node's", LEASE)
          .isBetween(before + LEASE.toMillis() - 2_000, before + LEASE.toMillis() + 2_000);
      assertThat(fast.jobs().expireLeases(100))
          .as("a master an hour ahead ends no live lease")
          .isEmpty();
      assertThat(fast.jobs().renewLeases(List.of(claimed.attemptRef()), LEASE).allAccepted())
          .isTrue();
      assertThat(fast.jobs().find(claimed.jobId()).orElseThrow().leaseDeadline())
          .isLessThan(Instant.now(Clock.systemUTC()).plus(LEASE).plusSeconds(2).toEpochMilli());
      assertThat(fast.jobs().complete(List.of(claimed.attemptRef())).allAccepted()).isTrue();
    } finally {
      database.drop().drop();
    }
  }
}
