package com.lts.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lts.core.cluster.NodeType;
import java.time.Duration;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LtsConfigTest {

  /** Every key LTS users write, a value for it, and the typed value it must become. */
  static Stream<Arguments> ltsKeys() {
    return Stream.of(
        Arguments.of(
            "reconnect.period", "4000", ConfigKeys.RECONNECT_PERIOD, Duration.ofSeconds(4)),
        Arguments.of("retry.period", "6000", ConfigKeys.RETRY_PERIOD, Duration.ofSeconds(6)),
        Arguments.of(
            "redis.session.timeout",
            "30000",
            ConfigKeys.REDIS_SESSION_TIMEOUT,
            Duration.ofSeconds(30)),
        Arguments.of("netty.frame.length.max", "2048", ConfigKeys.FRAME_LENGTH_MAX, 2048),
        Arguments.of("lts.job.processor.thread", "12", ConfigKeys.PROCESSOR_THREADS, 12),
        Arguments.of("job.queue", "MySQL", ConfigKeys.JOB_QUEUE, "mysql"),
        Arguments.of("job.logger", "console", ConfigKeys.JOB_LOGGER, "console"),
        Arguments.of(
            "jdbc.url",
            "jdbc:mysql://127.0.0.1:3306/lts",
            ConfigKeys.JDBC_URL,
            "jdbc:mysql://127.0.0.1:3306/lts"),
        Arguments.of("jdbc.username", "root", ConfigKeys.JDBC_USERNAME, "root"),
        Arguments.of("jdbc.password", "s3cret", ConfigKeys.JDBC_PASSWORD, "s3cret"),
        Arguments.of("jdbc.create.db.table", "false", ConfigKeys.JDBC_CREATE_DB_TABLE, false),
        Arguments.of(
            "mongo.addresses", "127.0.0.1:27017", ConfigKeys.MONGO_ADDRESSES, "127.0.0.1:27017"),
        Arguments.of("mongo.database", "lts", ConfigKeys.MONGO_DATABASE, "lts"),
        Arguments.of("mongo.username", "u", ConfigKeys.MONGO_USERNAME, "u"),
        Arguments.of("mongo.password", "p", ConfigKeys.MONGO_PASSWORD, "p"),
        Arguments.of(
            "lazy.job.logger.batch.flush.size",
            "50",
            ConfigKeys.LAZY_JOB_LOGGER_BATCH_FLUSH_SIZE,
            50),
        Arguments.of(
            "lazy.job.logger.overflow.size", "9", ConfigKeys.LAZY_JOB_LOGGER_OVERFLOW_SIZE, 9),
        Arguments.of("lts.job.tracker.pusher.thread.num", "8", ConfigKeys.PUSHER_THREADS, 8),
        Arguments.of("lts.job.tracker.push.batch.size", "20", ConfigKeys.PUSH_BATCH_SIZE, 20),
        Arguments.of(
            "jobtracker.job.retry.interval.millis",
            "1000",
            ConfigKeys.JOB_RETRY_INTERVAL,
            Duration.ofSeconds(1)),
        Arguments.of("job.max.retry.times", "3", ConfigKeys.JOB_MAX_RETRY_TIMES, 3),
        Arguments.of(
            "jobtracker.nonRelyOnPrevCycleJob.schedule.interval.minute",
            "5",
            ConfigKeys.NON_RELY_ON_PREV_CYCLE_SCHEDULE_INTERVAL_MINUTE,
            5),
        Arguments.of(
            "jobclient.select.loadbalance",
            "ConsistentHash",
            ConfigKeys.JOBCLIENT_SELECT_LOADBALANCE,
            "consistenthash"),
        Arguments.of("job.pull.frequency", "3", ConfigKeys.JOB_PULL_FREQUENCY, 3),
        Arguments.of(
            "tasktracker.stop.working.enable", "true", ConfigKeys.STOP_WORKING_ENABLE, true),
        Arguments.of(
            "lts.task.tracker.job.result.failstore.close",
            "true",
            ConfigKeys.JOB_RESULT_FAILSTORE_CLOSE,
            true),
        Arguments.of(
            "jobtracker.select.loadbalance",
            "roundrobin",
            ConfigKeys.JOBTRACKER_SELECT_LOADBALANCE,
            "roundrobin"),
        Arguments.of("job.fail.store", "mvstore", ConfigKeys.FAIL_STORE, "mvstore"),
        Arguments.of("job.submit.maxQPS", "1000", ConfigKeys.SUBMIT_MAX_QPS, 1000),
        Arguments.of(
            "job.submit.lock.acquire.timeout",
            "200",
            ConfigKeys.SUBMIT_LOCK_ACQUIRE_TIMEOUT,
            Duration.ofMillis(200)),
        Arguments.of("lts.cluster.token", "k3y", ConfigKeys.CLUSTER_TOKEN, "k3y"),
        Arguments.of(
            "lts.cron.timezone", "Europe/Berlin", ConfigKeys.CRON_TIME_ZONE, "Europe/Berlin"),
        Arguments.of(
            "jobtracker.misfire.threshold.millis",
            "2000",
            ConfigKeys.MISFIRE_THRESHOLD,
            Duration.ofSeconds(2)),
        Arguments.of(
            "jobtracker.job.retry.backoff", "FIXED", ConfigKeys.JOB_RETRY_BACKOFF, "fixed"),
        Arguments.of(
            "jobtracker.job.retry.max.interval.millis",
            "60000",
            ConfigKeys.JOB_RETRY_MAX_INTERVAL,
            Duration.ofMinutes(1)),
        Arguments.of("lts.job.lease.millis", "5000", ConfigKeys.JOB_LEASE, Duration.ofSeconds(5)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ltsKeys")
  void everyLtsKeyMapsToItsTypedField(String name, String raw, ConfigKey<?> key, Object expected) {
    assertThat(ConfigKeys.byName(name)).isSameAs(key);
    LtsConfig config = LtsConfig.builder().set(name, raw).build();
    assertThat(config.get(key)).isEqualTo(expected);
    assertThat(config.get(key)).isInstanceOf(key.type());
    assertThat(config.isSet(key)).isTrue();
  }

  @Test
  void unsetKeysFallBackToTheirDefaults() {
    LtsConfig config = LtsConfig.empty();
    assertThat(config.get(ConfigKeys.JOB_QUEUE)).isEqualTo("h2");
    assertThat(config.get(ConfigKeys.FRAME_LENGTH_MAX)).isEqualTo(16 * 1024 * 1024);
    assertThat(config.get(ConfigKeys.JOB_PULL_FREQUENCY)).isEqualTo(1);
    assertThat(config.get(ConfigKeys.CLUSTER_TOKEN)).isNull();
    assertThat(config.isSet(ConfigKeys.JOB_QUEUE)).isFalse();
  }

  @Test
  void unknownKeyNamesTheValueAndTheNearestKnownKey() {
    assertThatThrownBy(() -> LtsConfig.builder().set("job.queu", "mysql"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("Unknown config key 'job.queu'")
        .hasMessageContaining("value 'mysql'")
        .hasMessageContaining("Did you mean 'job.queue'?");
    assertThatThrownBy(() -> LtsConfig.builder().set("jdbc.passwrd", "hunter2"))
        .hasMessageContaining("Did you mean 'jdbc.password'?")
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void farFetchedKeysGetNoSuggestion() {
    assertThatThrownBy(() -> LtsConfig.builder().set("completely.unrelated.setting.name", "1"))
        .isInstanceOf(ConfigException.class)
        .hasMessageNotContaining("Did you mean");
  }

  @Test
  void badValuesNameTheKeyTheValueAndWhatIsExpected() {
    assertThatThrownBy(() -> LtsConfig.builder().set("job.pull.frequency", "soon"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'job.pull.frequency' has a bad value 'soon'")
        .hasMessageContaining("expected a whole number from 1 to 3600");
    assertThatThrownBy(() -> LtsConfig.builder().set("jdbc.create.db.table", "yes"))
        .hasMessageContaining("expected true or false");
    assertThatThrownBy(() -> LtsConfig.builder().set("jdbc.pool.max.size", "0"))
        .hasMessageContaining("expected a whole number from 1 to 1000");
    assertThatThrownBy(() -> LtsConfig.builder().set("lts.cron.timezone", "Mars/Olympus"))
        .hasMessageContaining("expected a time zone id such as UTC or Europe/Berlin");
    assertThatThrownBy(() -> LtsConfig.builder().set("jobtracker.job.retry.backoff", "linear"))
        .hasMessageContaining("expected one of exponential, fixed");
    assertThatThrownBy(() -> LtsConfig.builder().set("job.queue", " "))
        .hasMessageContaining("'job.queue' has a bad value");
  }

  @Test
  void secretsAreMaskedInMessagesAndToString() {
    assertThatThrownBy(() -> LtsConfig.builder().set("lts.cluster.token", "  "))
        .hasMessageContaining("'****'");
    // An empty value is shown as it is: masking it would hide what is wrong.
    assertThatThrownBy(() -> LtsConfig.builder().set("lts.cluster.token", ""))
        .hasMessageContaining("bad value ''")
        .hasMessageNotContaining("****");
    assertThatThrownBy(() -> LtsConfig.builder().set("jdbc.pasword", ""))
        .hasMessageContaining("(value '')");
    LtsConfig config =
        LtsConfig.builder().set("lts.cluster.token", "k3y").set("jdbc.username", "root").build();
    assertThat(config.toString()).contains("lts.cluster.token=****").doesNotContain("k3y");
  }

  @Test
  void anEmptyPasswordIsAccepted() {
    LtsConfig config =
        LtsConfig.builder().set("jdbc.password", "").set("mongo.password", "").build();
    assertThat(config.get(ConfigKeys.JDBC_PASSWORD)).isEmpty();
    assertThat(config.get(ConfigKeys.MONGO_PASSWORD)).isEmpty();
    assertThatThrownBy(() -> LtsConfig.builder().set("jdbc.url", ""))
        .hasMessageContaining("'jdbc.url' has a bad value ''");
  }

  @Test
  void retiredLtsKeysAreAcceptedAndIgnored() {
    LtsConfig config =
        LtsConfig.builder().set("zk.client", "zkclient").set("druid.maxActive", "20").build();
    assertThat(config.values()).isEmpty();
    assertThat(config.retiredKeysGiven()).containsOnlyKeys("zk.client", "druid.maxActive");
  }

  @Test
  @SuppressWarnings("deprecation")
  void retiredKeysWarnAtStartWithWhyWhateverTheirValue() {
    LtsConfig config =
        LtsConfig.builder()
            .set("job.preloader.size", "not even a number")
            .set(ConfigKeys.REQ_LIMIT_ENABLE, true)
            .set("zk.client", "zkclient")
            .build();
    assertThat(config.values()).isEmpty();
    assertThat(config.get(ConfigKeys.PRELOADER_SIZE)).isEqualTo(300);
    assertThat(config.startWarnings(NodeType.JOB_TRACKER))
        .containsExactly(
            "Config key 'job.preloader.size' is retired and has no effect: "
                + ConfigKeys.PRELOADER_SIZE.retiredReason(),
            "Config key 'remoting.req.limit.enable' is retired and has no effect: "
                + ConfigKeys.REQ_LIMIT_ENABLE.retiredReason(),
            "Config key 'zk.client' is retired and has no effect: "
                + "ZooKeeper is always reached through Curator");
  }

  @Test
  void keysOfAnotherRoleWarnNamingTheRolesThatReadThem() {
    LtsConfig config =
        LtsConfig.builder()
            .set("jdbc.url", "jdbc:h2:mem:x")
            .set("job.fail.store", "mvstore")
            .set("lts.job.lease.millis", "5s")
            .set("lts.cluster.token", "k3y")
            .build();
    assertThat(config.startWarnings(NodeType.TASK_TRACKER))
        .containsExactly(
            "Config key 'jdbc.url' has no effect on a TaskTracker: only JobTracker and LTS Admin read it");
    assertThat(config.startWarnings(NodeType.JOB_CLIENT))
        .containsExactly(
            "Config key 'jdbc.url' has no effect on a JobClient: only JobTracker and LTS Admin read it",
            "Config key 'lts.job.lease.millis' has no effect on a JobClient: only JobTracker and"
                + " TaskTracker read it");
    assertThat(config.startWarnings(NodeType.JOB_TRACKER))
        .containsExactly(
            "Config key 'job.fail.store' has no effect on a JobTracker: only JobClient and"
                + " TaskTracker read it");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("durations")
  void durationsTakeMillisecondsOrAUnit(String raw, Duration expected) {
    assertThat(
            LtsConfig.builder().set("lts.job.lease.millis", raw).build().get(ConfigKeys.JOB_LEASE))
        .isEqualTo(expected);
  }

  static Stream<Arguments> durations() {
    return Stream.of(
        Arguments.of("5000", Duration.ofSeconds(5)),
        Arguments.of("1500ms", Duration.ofMillis(1500)),
        Arguments.of("3s", Duration.ofSeconds(3)),
        Arguments.of(" 5m ", Duration.ofMinutes(5)),
        Arguments.of("1h", Duration.ofHours(1)),
        Arguments.of("PT3S", Duration.ofSeconds(3)),
        Arguments.of("pt1m30s", Duration.ofSeconds(90)));
  }

  @Test
  void badDurationsNameTheKeyTheBoundsAndTheAcceptedForms() {
    for (String raw : new String[] {"soon", "-5", "3 sec", "500", "2h", ""}) {
      assertThatThrownBy(() -> LtsConfig.builder().set("lts.job.lease.millis", raw))
          .as(raw)
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("'lts.job.lease.millis' has a bad value '" + raw + "'")
          .hasMessageContaining(
              "expected a duration from 1s to 1h: milliseconds as a bare number (3000), or 500ms,"
                  + " 3s, 5m, 1h, 2d, or ISO-8601 such as PT3S");
    }
  }

  @Test
  void durationsAreFormattedInTheirShortestForm() {
    assertThat(ConfigKey.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
    assertThat(ConfigKey.format(Duration.ofSeconds(90))).isEqualTo("90s");
    assertThat(ConfigKey.format(Duration.ofHours(24))).isEqualTo("1d");
    assertThat(ConfigKey.format(Duration.ZERO)).isEqualTo("0ms");
  }

  @Test
  void propertiesAreParsedWhole() {
    Properties properties = new Properties();
    properties.setProperty("job.queue", "postgresql");
    properties.setProperty("jdbc.url", "jdbc:postgresql://127.0.0.1:5432/lts");
    LtsConfig config = LtsConfig.of(properties);
    assertThat(config.get(ConfigKeys.JOB_QUEUE)).isEqualTo("postgresql");
    assertThat(config.toBuilder().set("job.queue", "h2").build().get(ConfigKeys.JOB_QUEUE))
        .isEqualTo("h2");
  }
}
