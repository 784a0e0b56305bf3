package com.lts.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
        Arguments.of("reconnect.period", "4000", ConfigKeys.RECONNECT_PERIOD, 4000L),
        Arguments.of("retry.period", "6000", ConfigKeys.RETRY_PERIOD, 6000L),
        Arguments.of("redis.session.timeout", "30000", ConfigKeys.REDIS_SESSION_TIMEOUT, 30000L),
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
        Arguments.of("lazy.job.logger", "TRUE", ConfigKeys.LAZY_JOB_LOGGER, true),
        Arguments.of("lazy.job.logger.mem.size", "500", ConfigKeys.LAZY_JOB_LOGGER_MEM_SIZE, 500),
        Arguments.of(
            "lazy.job.logger.check.period", "5", ConfigKeys.LAZY_JOB_LOGGER_CHECK_PERIOD, 5L),
        Arguments.of(
            "lazy.job.logger.batch.flush.size",
            "50",
            ConfigKeys.LAZY_JOB_LOGGER_BATCH_FLUSH_SIZE,
            50),
        Arguments.of(
            "lazy.job.logger.overflow.size", "9", ConfigKeys.LAZY_JOB_LOGGER_OVERFLOW_SIZE, 9),
        Arguments.of("job.preloader.size", "100", ConfigKeys.PRELOADER_SIZE, 100),
        Arguments.of("job.preloader.factor", "0.5", ConfigKeys.PRELOADER_FACTOR, 0.5),
        Arguments.of(
            "job.preloader.signal.check.interval",
            "50",
            ConfigKeys.PRELOADER_SIGNAL_CHECK_INTERVAL,
            50L),
        Arguments.of("lts.job.tracker.pusher.thread.num", "8", ConfigKeys.PUSHER_THREADS, 8),
        Arguments.of("lts.job.tracker.push.batch.size", "20", ConfigKeys.PUSH_BATCH_SIZE, 20),
        Arguments.of(
            "jobtracker.job.retry.interval.millis",
            "1000",
            ConfigKeys.JOB_RETRY_INTERVAL_MILLIS,
            1000L),
        Arguments.of("job.max.retry.times", "3", ConfigKeys.JOB_MAX_RETRY_TIMES, 3),
        Arguments.of(
            "jobtracker.executing.job.fix.check.interval.seconds",
            "10",
            ConfigKeys.EXECUTING_JOB_FIX_CHECK_INTERVAL_SECONDS,
            10),
        Arguments.of(
            "jobtracker.executing.job.fix.deadline.seconds",
            "15",
            ConfigKeys.EXECUTING_JOB_FIX_DEADLINE_SECONDS,
            15),
        Arguments.of(
            "jobtracker.fix.executing.job.waiting.mills",
            "500",
            ConfigKeys.FIX_EXECUTING_JOB_WAITING_MILLIS,
            500L),
        Arguments.of(
            "jobtracker.nonRelyOnPrevCycleJob.schedule.interval.minute",
            "5",
            ConfigKeys.NON_RELY_ON_PREV_CYCLE_SCHEDULE_INTERVAL_MINUTE,
            5),
        Arguments.of("remoting.req.limit.enable", "true", ConfigKeys.REQ_LIMIT_ENABLE, true),
        Arguments.of("remoting.req.limit.maxQPS", "100", ConfigKeys.REQ_LIMIT_MAX_QPS, 100),
        Arguments.of(
            "remoting.req.limit.acquire.timeout", "10", ConfigKeys.REQ_LIMIT_ACQUIRE_TIMEOUT, 10L),
        Arguments.of(
            "jobclient.select.loadbalance",
            "ConsistentHash",
            ConfigKeys.JOBCLIENT_SELECT_LOADBALANCE,
            "consistenthash"),
        Arguments.of("job.pull.frequency", "3", ConfigKeys.JOB_PULL_FREQUENCY, 3),
        Arguments.of(
            "lb.machine.res.check.enable", "true", ConfigKeys.MACHINE_RES_CHECK_ENABLE, true),
        Arguments.of("lb.cpuUsedRate.max", "75", ConfigKeys.CPU_USED_RATE_MAX, 75.0),
        Arguments.of("lb.memoryUsedRate.max", "80.5", ConfigKeys.MEMORY_USED_RATE_MAX, 80.5),
        Arguments.of(
            "tasktracker.stop.working.enable", "true", ConfigKeys.STOP_WORKING_ENABLE, true),
        Arguments.of(
            "lts.task.tracker.biz.logger.failstore.close",
            "true",
            ConfigKeys.BIZ_LOGGER_FAILSTORE_CLOSE,
            true),
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
            "job.submit.lock.acquire.timeout", "200", ConfigKeys.SUBMIT_LOCK_ACQUIRE_TIMEOUT, 200L),
        Arguments.of("lts.monitor.report.interval", "2", ConfigKeys.MONITOR_REPORT_INTERVAL, 2),
        Arguments.of("mStatReporterClosed", "true", ConfigKeys.STAT_REPORTER_CLOSED, true),
        Arguments.of("lts.cluster.token", "k3y", ConfigKeys.CLUSTER_TOKEN, "k3y"),
        Arguments.of(
            "lts.cron.timezone", "Europe/Berlin", ConfigKeys.CRON_TIME_ZONE, "Europe/Berlin"),
        Arguments.of(
            "jobtracker.misfire.threshold.millis",
            "2000",
            ConfigKeys.MISFIRE_THRESHOLD_MILLIS,
            2000L),
        Arguments.of(
            "jobtracker.job.retry.backoff", "FIXED", ConfigKeys.JOB_RETRY_BACKOFF, "fixed"),
        Arguments.of(
            "jobtracker.job.retry.max.interval.millis",
            "60000",
            ConfigKeys.JOB_RETRY_MAX_INTERVAL_MILLIS,
            60000L),
        Arguments.of("lts.job.lease.millis", "5000", ConfigKeys.JOB_LEASE_MILLIS, 5000L));
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
    assertThatThrownBy(() -> LtsConfig.builder().set("job.preloader.factor", "1.5"))
        .hasMessageContaining("expected a number from 0.0 to 1.0");
    assertThatThrownBy(
            () -> LtsConfig.builder().set("jobtracker.executing.job.fix.deadline.seconds", "5"))
        .hasMessageContaining("from 10 to 300");
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
    LtsConfig config =
        LtsConfig.builder().set("lts.cluster.token", "k3y").set("jdbc.username", "root").build();
    assertThat(config.toString()).contains("lts.cluster.token=****").doesNotContain("k3y");
  }

  @Test
  void retiredLtsKeysAreAcceptedAndIgnored() {
    LtsConfig config =
        LtsConfig.builder().set("zk.client", "zkclient").set("druid.maxActive", "20").build();
    assertThat(config.values()).isEmpty();
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
