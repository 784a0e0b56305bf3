package com.lts.core.config;

import static com.lts.core.cluster.NodeType.BACKEND;
import static com.lts.core.cluster.NodeType.JOB_CLIENT;
import static com.lts.core.cluster.NodeType.JOB_TRACKER;
import static com.lts.core.cluster.NodeType.TASK_TRACKER;
import static com.lts.core.config.ConfigKey.booleanKey;
import static com.lts.core.config.ConfigKey.choiceKey;
import static com.lts.core.config.ConfigKey.doubleKey;
import static com.lts.core.config.ConfigKey.durationKey;
import static com.lts.core.config.ConfigKey.intKey;
import static com.lts.core.config.ConfigKey.longKey;
import static com.lts.core.config.ConfigKey.pluginKey;
import static com.lts.core.config.ConfigKey.secretKey;
import static com.lts.core.config.ConfigKey.stringKey;
import static com.lts.core.config.ConfigKey.zoneKey;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every key {@code addConfig(key, value)} accepts, with LTS's names and the roles that read it.
 * Retired keys ({@link ConfigKey#isRetired()}) are accepted for old configuration files and have no
 * effect. docs/configuration.md lists them all; tests keep the docs, the roles and the main code
 * that reads each working key in step.
 */
public final class ConfigKeys {

  private static final int CPUS = Runtime.getRuntime().availableProcessors();

  // ---- cluster and security
  public static final ConfigKey<String> CLUSTER_TOKEN =
      secretKey(
              "lts.cluster.token",
              "Shared secret every node of the cluster proves in the connection handshake (HMAC over a"
                  + " server nonce). Without it a JobTracker accepts loopback peers only.")
          .readBy(JOB_CLIENT, JOB_TRACKER, TASK_TRACKER, BACKEND);
  public static final ConfigKey<String> CLUSTER_TOKEN_PREVIOUS =
      secretKey(
              "lts.cluster.token.previous",
              "The cluster token being replaced: during a rotation a JobTracker accepts peers that"
                  + " prove it as well as lts.cluster.token, for lts.cluster.token.previous.ttl after"
                  + " its start.")
          .readBy(JOB_TRACKER);
  public static final ConfigKey<Duration> CLUSTER_TOKEN_PREVIOUS_TTL =
      durationKey(
              "lts.cluster.token.previous.ttl",
              Duration.ofDays(1),
              Duration.ofSeconds(1),
              Duration.ofDays(90),
              "How long after its start a JobTracker still accepts lts.cluster.token.previous.")
          .readBy(JOB_TRACKER);

  // ---- registry
  public static final ConfigKey<Duration> RECONNECT_PERIOD =
      durationKey(
          "reconnect.period",
          Duration.ofSeconds(3),
          Duration.ofMillis(100),
          Duration.ofMinutes(10),
          "Time between attempts to reconnect to the registry.");
  public static final ConfigKey<Duration> RETRY_PERIOD =
      durationKey(
          "retry.period",
          Duration.ofSeconds(5),
          Duration.ofMillis(100),
          Duration.ofMinutes(10),
          "Time between retries of a failed registration or subscription.");
  public static final ConfigKey<Duration> REDIS_SESSION_TIMEOUT =
      durationKey(
          "redis.session.timeout",
          Duration.ofMinutes(1),
          Duration.ofSeconds(1),
          Duration.ofHours(1),
          "How long a Redis node entry lives without renewal; renewed every third of it.");
  public static final ConfigKey<Duration> ZK_SESSION_TIMEOUT =
      durationKey(
          "zk.session.timeout",
          Duration.ofSeconds(30),
          Duration.ofSeconds(1),
          Duration.ofMinutes(10),
          "ZooKeeper session timeout: how long a dead node stays registered.");
  public static final ConfigKey<Duration> ZK_CONNECTION_TIMEOUT =
      durationKey(
          "zk.connection.timeout",
          Duration.ofSeconds(15),
          Duration.ofSeconds(1),
          Duration.ofMinutes(10),
          "How long to wait for the first ZooKeeper connection at start.");

  public static final ConfigKey<String> REGISTRY_USERNAME =
      stringKey(
          "registry.auth.username",
          null,
          "User the registry knows this node as: a Redis ACL user (AUTH user password), or the"
              + " ZooKeeper digest user; then every ZooKeeper node LTS creates is readable and"
              + " writable by that user only.");
  public static final ConfigKey<String> REGISTRY_PASSWORD =
      secretKey(
          "registry.auth.password",
          "Password of registry.auth.username; for Redis also alone, as the requirepass password.");
  public static final ConfigKey<Boolean> REDIS_SSL =
      booleanKey(
          "redis.ssl",
          false,
          "Connect to a Redis registry over TLS; its certificate is checked against the JVM's trust"
              + " store (javax.net.ssl.trustStore).");

  // ---- remoting
  public static final ConfigKey<Integer> FRAME_LENGTH_MAX =
      intKey(
          "netty.frame.length.max",
          16 * 1024 * 1024,
          1024,
          Integer.MAX_VALUE,
          "Largest frame in bytes a node accepts; a bigger one closes that connection.");
  public static final ConfigKey<Integer> PROCESSOR_THREADS =
      intKey(
          "lts.job.processor.thread",
          32 + 5 * CPUS,
          1,
          10_000,
          "Threads that handle incoming requests on every node (never the network threads).");
  public static final ConfigKey<Duration> HEARTBEAT_INTERVAL =
      durationKey(
          "lts.remoting.heartbeat.interval",
          Duration.ofSeconds(5),
          Duration.ofMillis(100),
          Duration.ofMinutes(10),
          "Write silence after which a client sends a heartbeat; a server closes a connection"
              + " silent for three of these.");
  public static final ConfigKey<Duration> CONNECT_TIMEOUT =
      durationKey(
          "lts.remoting.connect.timeout",
          Duration.ofSeconds(3),
          Duration.ofMillis(100),
          Duration.ofMinutes(10),
          "How long to connect and finish the handshake with a JobTracker.");
  public static final ConfigKey<String> SERVER_ALIASES =
      stringKey(
              "lts.remoting.server.aliases",
              null,
              "Other addresses clients reach this JobTracker by (host or host:port, comma-separated:"
                  + " a DNS name, a NAT or proxy address). With a cluster token, the handshake refuses"
                  + " a client that dialled an address that is not this server's.")
          .readBy(JOB_TRACKER);
  public static final ConfigKey<Boolean> TLS_ENABLED =
      booleanKey(
              "lts.remoting.tls.enabled",
              false,
              "Encrypt the RPC connections with TLS (1.3 or 1.2). Every node of the cluster must set"
                  + " it; a JobTracker with TLS refuses plain connections.")
          .readBy(JOB_CLIENT, JOB_TRACKER, TASK_TRACKER, BACKEND);
  public static final ConfigKey<String> TLS_CERT =
      stringKey(
              "lts.remoting.tls.cert",
              null,
              "PEM file with this node's certificate chain: a JobTracker's server certificate, or"
                  + " another node's client certificate for mutual TLS.")
          .readBy(JOB_CLIENT, JOB_TRACKER, TASK_TRACKER, BACKEND);
  public static final ConfigKey<String> TLS_KEY =
      stringKey(
              "lts.remoting.tls.key",
              null,
              "PEM file with the PKCS#8 private key of lts.remoting.tls.cert.")
          .readBy(JOB_CLIENT, JOB_TRACKER, TASK_TRACKER, BACKEND);
  public static final ConfigKey<String> TLS_KEY_PASSWORD =
      secretKey(
              "lts.remoting.tls.key.password",
              "Password of lts.remoting.tls.key when the key is encrypted.")
          .readBy(JOB_CLIENT, JOB_TRACKER, TASK_TRACKER, BACKEND);
  public static final ConfigKey<String> TLS_TRUST =
      stringKey(
              "lts.remoting.tls.trust",
              null,
              "PEM file with the CA certificates to trust. On other nodes: the CAs of the JobTrackers'"
                  + " certificates (default: the JVM's trust store). On a JobTracker: setting it"
                  + " requires a client certificate from one of these CAs of every peer (mutual"
                  + " TLS).")
          .readBy(JOB_CLIENT, JOB_TRACKER, TASK_TRACKER, BACKEND);
  public static final ConfigKey<Boolean> TLS_VERIFY_HOSTNAME =
      booleanKey(
              "lts.remoting.tls.verify.hostname",
              true,
              "Check that a JobTracker's certificate names the address it is reached by (a DNS or IP"
                  + " subject alternative name).")
          .readBy(JOB_CLIENT, JOB_TRACKER, TASK_TRACKER, BACKEND);
  public static final ConfigKey<Integer> CONNECTIONS_MAX =
      intKey(
              "lts.remoting.connections.max",
              4_096,
              1,
              1_000_000,
              "Connections a JobTracker keeps open at once, authenticated or not; one more is"
                  + " refused with an error frame and closed.")
          .readBy(JOB_TRACKER);
  public static final ConfigKey<Integer> CONNECTIONS_PER_ADDRESS_MAX =
      intKey(
              "lts.remoting.connections.per.address.max",
              128,
              1,
              1_000_000,
              "Connections a JobTracker keeps open at once from one remote IP address; one more is"
                  + " refused with an error frame and closed.")
          .readBy(JOB_TRACKER);
  public static final ConfigKey<Integer> WRITE_BUFFER_HIGH =
      intKey(
          "lts.remoting.write.buffer.high",
          1024 * 1024,
          64 * 1024,
          Integer.MAX_VALUE,
          "Bytes waiting to be sent on one connection above which a node stops reading from that"
              + " peer until it drops to half (Netty's write-buffer water marks).");
  public static final ConfigKey<Duration> WRITE_STALL_TIMEOUT =
      durationKey(
          "lts.remoting.write.stall.timeout",
          Duration.ofSeconds(15),
          Duration.ofMillis(100),
          Duration.ofMinutes(10),
          "How long a peer may leave more than lts.remoting.write.buffer.high bytes unread before"
              + " its connection is closed.");

  // ---- storage
  public static final ConfigKey<String> JOB_QUEUE =
      pluginKey("job.queue", "h2", "h2", "mysql", "postgresql", "mongo")
          .readBy(JOB_TRACKER, BACKEND);
  public static final ConfigKey<String> JOB_LOGGER =
      pluginKey("job.logger", "store", "store", "console").readBy(JOB_TRACKER);
  public static final ConfigKey<String> JDBC_URL =
      stringKey(
              "jdbc.url",
              null,
              "JDBC URL of the job store; without it the JobTracker uses an H2 file under its data"
                  + " path.")
          .readBy(JOB_TRACKER, BACKEND);
  public static final ConfigKey<String> JDBC_USERNAME =
      stringKey("jdbc.username", null, "Database user.").readBy(JOB_TRACKER, BACKEND);
  public static final ConfigKey<String> JDBC_PASSWORD =
      secretKey("jdbc.password", "Database password; may be empty.")
          .emptyAllowed()
          .readBy(JOB_TRACKER, BACKEND);
  public static final ConfigKey<Boolean> JDBC_CREATE_DB_TABLE =
      booleanKey(
              "jdbc.create.db.table",
              true,
              "Create and migrate the schema at start; false expects it to exist already.")
          .readBy(JOB_TRACKER, BACKEND);
  public static final ConfigKey<Integer> JDBC_POOL_MAX_SIZE =
      intKey("jdbc.pool.max.size", 10, 1, 1_000, "Most connections the job store's pool opens.")
          .readBy(JOB_TRACKER, BACKEND);
  public static final ConfigKey<Duration> JDBC_QUERY_TIMEOUT =
      durationKey(
              "jdbc.query.timeout",
              Duration.ofSeconds(30),
              Duration.ofSeconds(1),
              Duration.ofHours(1),
              "Longest a job store statement may run before the driver cancels it (whole seconds).")
          .readBy(JOB_TRACKER, BACKEND);
  public static final ConfigKey<Duration> JDBC_SOCKET_TIMEOUT =
      durationKey(
              "jdbc.socket.timeout",
              Duration.ofMinutes(1),
              Duration.ofSeconds(1),
              Duration.ofHours(1),
              "Longest a job store connection may wait for the database to answer before it is"
                  + " dropped (a silent network cut); longer than jdbc.query.timeout. MySQL,"
                  + " MariaDB and PostgreSQL.")
          .readBy(JOB_TRACKER, BACKEND);
  public static final ConfigKey<Duration> JDBC_CONNECT_TIMEOUT =
      durationKey(
              "jdbc.connect.timeout",
              Duration.ofSeconds(10),
              Duration.ofMillis(250),
              Duration.ofMinutes(10),
              "Longest to wait for a connection to the job store, from the pool or a new one.")
          .readBy(JOB_TRACKER, BACKEND);
  public static final ConfigKey<String> MONGO_ADDRESSES =
      stringKey("mongo.addresses", "127.0.0.1:27017", "Comma-separated host:port list.")
          .readBy(JOB_TRACKER, BACKEND);
  public static final ConfigKey<String> MONGO_DATABASE =
      stringKey("mongo.database", "lts", "Mongo database that holds the job collections.")
          .readBy(JOB_TRACKER, BACKEND);
  public static final ConfigKey<String> MONGO_USERNAME =
      stringKey("mongo.username", null, "Mongo user.").readBy(JOB_TRACKER, BACKEND);
  public static final ConfigKey<String> MONGO_PASSWORD =
      secretKey("mongo.password", "Mongo password; may be empty.")
          .emptyAllowed()
          .readBy(JOB_TRACKER, BACKEND);

  // ---- job logger
  /** Retired: accepted for old configuration files, without effect. */
  @Deprecated
  public static final ConfigKey<Boolean> LAZY_JOB_LOGGER =
      booleanKey(
              "lazy.job.logger",
              true,
              "Write job log lines in batches from memory (LTS defaulted to false; batching keeps"
                  + " logging from capping throughput).")
          .readBy(JOB_TRACKER)
          .retired(
              "job log lines are always buffered and written in batches as soon as"
                  + " the writer is free (lazy.job.logger.batch.flush.size,"
                  + " lazy.job.logger.overflow.size)");

  /** Retired: accepted for old configuration files, without effect. */
  @Deprecated
  public static final ConfigKey<Integer> LAZY_JOB_LOGGER_MEM_SIZE =
      intKey(
              "lazy.job.logger.mem.size",
              1_000,
              1,
              10_000_000,
              "Log lines held in memory before a write is forced.")
          .readBy(JOB_TRACKER)
          .retired(
              "job log lines are always buffered and written in batches as soon as"
                  + " the writer is free (lazy.job.logger.batch.flush.size,"
                  + " lazy.job.logger.overflow.size)");

  /** Retired: accepted for old configuration files, without effect. */
  @Deprecated
  public static final ConfigKey<Long> LAZY_JOB_LOGGER_CHECK_PERIOD =
      longKey(
              "lazy.job.logger.check.period",
              3L,
              1,
              3_600,
              "Seconds between flushes of buffered log lines.")
          .readBy(JOB_TRACKER)
          .retired(
              "job log lines are always buffered and written in batches as soon as"
                  + " the writer is free (lazy.job.logger.batch.flush.size,"
                  + " lazy.job.logger.overflow.size)");

  public static final ConfigKey<Integer> LAZY_JOB_LOGGER_BATCH_FLUSH_SIZE =
      intKey(
              "lazy.job.logger.batch.flush.size",
              100,
              1,
              100_000,
              "Business log lines (and, unless job.logger=store, lifecycle lines) written per"
                  + " batch.")
          .readBy(JOB_TRACKER);
  public static final ConfigKey<Integer> LAZY_JOB_LOGGER_OVERFLOW_SIZE =
      intKey(
              "lazy.job.logger.overflow.size",
              10_000,
              1,
              100_000_000,
              "Buffered job log lines at which the JobTracker refuses new batches of business log"
                  + " lines (answered busy: the TaskTracker keeps and re-sends them). Unless"
                  + " job.logger=store, lifecycle lines are buffered too and the thread recording"
                  + " one waits for room past it (none is dropped); with store they are written"
                  + " with their state change.")
          .readBy(JOB_TRACKER);
  public static final ConfigKey<Integer> JOB_LOG_RETENTION_DAYS =
      intKey(
              "job.log.retention.days",
              30,
              1,
              3_650,
              "Days job log rows are kept; older rows are pruned by the JobTracker master.")
          .readBy(JOB_TRACKER);
  public static final ConfigKey<Duration> MASTER_DUTY_DEADLINE =
      durationKey(
              "jobtracker.master.duty.deadline",
              Duration.ofMinutes(1),
              Duration.ofMillis(100),
              Duration.ofHours(1),
              "Longest one run of a master duty (lease expiry, schedules, feedback re-send, old"
                  + " data) may take: a run past it is logged and interrupted; each duty runs on its"
                  + " own thread, so a slow one never holds up the others.")
          .readBy(JOB_TRACKER);
  public static final ConfigKey<Duration> MASTER_STORE_OUTAGE =
      durationKey(
              "jobtracker.master.store.outage",
              Duration.ofSeconds(30),
              Duration.ofMillis(100),
              Duration.ofHours(1),
              "How long the master may fail to reach the job store before it gives up mastership,"
                  + " so that a JobTracker that can reach it runs the master duties; it rejoins the"
                  + " election when the store answers again.")
          .readBy(JOB_TRACKER);

  public static final ConfigKey<Duration> FEEDBACK_RETENTION =
      durationKey(
              "lts.feedback.retention",
              Duration.ofDays(7),
              Duration.ofMinutes(1),
              Duration.ofDays(3_650),
              "How long a job's result waits in the feedback queue for a JobClient of its group to"
                  + " acknowledge it; older results are dropped by the JobTracker master, with a"
                  + " warning that counts them.")
          .readBy(JOB_TRACKER);
  public static final ConfigKey<Duration> SUBMIT_ID_RETENTION =
      durationKey(
              "lts.submit.id.retention",
              Duration.ofHours(24),
              Duration.ofMinutes(1),
              Duration.ofDays(3_650),
              "How long after a submit its submit id is remembered once its job is gone: a re-send"
                  + " of it (a RetryJobClient whose submit timed out but was stored) within this"
                  + " time is recognised and not stored again. Keep it longer than any outage a"
                  + " RetryJobClient's FailStore may bridge.")
          .readBy(JOB_TRACKER);

  public static final ConfigKey<Duration> DEAD_JOB_RETENTION =
      durationKey(
              "lts.dead.job.retention",
              Duration.ofDays(7),
              Duration.ofMinutes(1),
              Duration.ofDays(3_650),
              "How long a dead letter (a job whose retries were used up) is kept for an operator to"
                  + " retry or delete; older ones are pruned by the JobTracker master in bounded"
                  + " batches.")
          .readBy(JOB_TRACKER);

  // ---- JobTracker scheduling
  /** Retired: accepted for old configuration files, without effect. */
  @Deprecated
  public static final ConfigKey<Integer> PRELOADER_SIZE =
      intKey(
              "job.preloader.size",
              300,
              1,
              1_000_000,
              "Due jobs held in memory per TaskTracker group, ready to push.")
          .readBy(JOB_TRACKER)
          .retired(
              "there is no preloading: each push claims due jobs straight from the" + " store");

  /** Retired: accepted for old configuration files, without effect. */
  @Deprecated
  public static final ConfigKey<Double> PRELOADER_FACTOR =
      doubleKey(
              "job.preloader.factor",
              0.2,
              0.0,
              1.0,
              "Refill the preloaded jobs of a group when fewer than this share remain.")
          .readBy(JOB_TRACKER)
          .retired(
              "there is no preloading: each push claims due jobs straight from the" + " store");

  /** Retired: accepted for old configuration files, without effect. */
  @Deprecated
  public static final ConfigKey<Long> PRELOADER_SIGNAL_CHECK_INTERVAL =
      longKey(
              "job.preloader.signal.check.interval",
              100L,
              1,
              60_000,
              "Milliseconds between checks for groups whose preloaded jobs need a refill.")
          .readBy(JOB_TRACKER)
          .retired(
              "there is no preloading: each push claims due jobs straight from the" + " store");

  public static final ConfigKey<Integer> PUSHER_THREADS =
      intKey(
              "lts.job.tracker.pusher.thread.num",
              32 + 5 * CPUS,
              1,
              10_000,
              "Threads that claim and push jobs to TaskTrackers.")
          .readBy(JOB_TRACKER);
  public static final ConfigKey<Integer> SUBMIT_BATCH_MAX_JOBS =
      intKey(
              "jobtracker.submit.batch.max.jobs",
              10_000,
              1,
              1_000_000,
              "Most jobs one submit may carry; a bigger submit is refused whole with"
                  + " REQUEST_FIELD_CHECK_ERROR (a JobClient sends batches of 1,000). Its bytes are"
                  + " bounded by netty.frame.length.max.")
          .readBy(JOB_TRACKER);
  public static final ConfigKey<Integer> SUBMIT_MAX_QPS_PER_CLIENT =
      intKey(
              "jobtracker.submit.maxQPS.per.client",
              20_000,
              1,
              10_000_000,
              "Submit calls per second a JobTracker takes from one connected node; more in the same"
                  + " second are refused with SUBMIT_TOO_BUSY (a RetryJobClient keeps them and sends"
                  + " them later). The JobTracker's side of job.submit.maxQPS.")
          .readBy(JOB_TRACKER);
  public static final ConfigKey<Integer> BIZ_LOG_LINE_MAX =
      intKey(
              "jobtracker.bizlog.line.max.length",
              8_192,
              64,
              1_048_576,
              "Longest business log line (BizLogger) a JobTracker stores, in characters; a longer"
                  + " one is cut and says by how much.")
          .readBy(JOB_TRACKER);
  public static final ConfigKey<Integer> BIZ_LOG_LINES_PER_SECOND_MAX =
      intKey(
              "jobtracker.bizlog.lines.per.second.max",
              200,
              1,
              1_000_000,
              "Business log lines a JobTracker stores per job and second; the rest of that second"
                  + " are dropped, and one line says how many.")
          .readBy(JOB_TRACKER);
  public static final ConfigKey<Integer> PUSH_BATCH_SIZE =
      intKey(
              "lts.job.tracker.push.batch.size",
              100,
              1,
              10_000,
              "Most jobs claimed and pushed to one TaskTracker in one round trip (LTS used 10).")
          .readBy(JOB_TRACKER);
  public static final ConfigKey<Duration> JOB_RETRY_INTERVAL =
      durationKey(
              "jobtracker.job.retry.interval.millis",
              Duration.ofSeconds(30),
              Duration.ofMillis(1),
              Duration.ofDays(1),
              "Base delay before retrying a job that asked for EXECUTE_LATER or threw.")
          .readBy(JOB_TRACKER);
  public static final ConfigKey<Duration> JOB_LEASE =
      durationKey(
              "lts.job.lease.millis",
              Duration.ofSeconds(10),
              Duration.ofSeconds(1),
              Duration.ofHours(1),
              "How long a running job's lease lasts; its TaskTracker renews it every third. A job"
                  + " whose lease ends (TaskTracker dead or cut off) runs again elsewhere.")
          .readBy(JOB_TRACKER, TASK_TRACKER);
  public static final ConfigKey<Duration> JOB_LEASE_GRACE =
      durationKey(
              "lts.job.lease.grace.millis",
              null,
              Duration.ZERO,
              Duration.ofHours(1),
              "How long a JobTracker that just became master waits before it ends leases, so"
                  + " TaskTrackers reconnect and renew or report what ran during an outage."
                  + " Default: one lease (lts.job.lease.millis).")
          .readBy(JOB_TRACKER);
  public static final ConfigKey<String> JOB_LEASE_CLOCK =
      choiceKey(
              "lts.job.lease.clock",
              "database",
              List.of("database", "node"),
              "Whose clock sets and ends leases: the store's database (every JobTracker agrees,"
                  + " whatever its own clock says), or each JobTracker's own (for tests with a"
                  + " fake clock; the JobTrackers' clocks must then agree within a lease).")
          .readBy(JOB_TRACKER);
  public static final ConfigKey<Duration> JOB_RETRY_MAX_INTERVAL =
      durationKey(
              "jobtracker.job.retry.max.interval.millis",
              Duration.ofHours(1),
              Duration.ofMillis(1),
              Duration.ofDays(7),
              "Longest delay before a retry, however many retries came before.")
          .readBy(JOB_TRACKER);
  public static final ConfigKey<String> JOB_RETRY_BACKOFF =
      choiceKey(
              "jobtracker.job.retry.backoff",
              "exponential",
              List.of("exponential", "fixed"),
              "exponential: the base delay doubles with each retry up to the longest delay; fixed: every"
                  + " retry waits the base delay (LTS 1.6's behaviour).")
          .readBy(JOB_TRACKER);
  public static final ConfigKey<String> CRON_TIME_ZONE =
      zoneKey(
              "lts.cron.timezone",
              "Time zone cron expressions are read in; default: the JobTracker's JVM time zone.")
          .readBy(JOB_TRACKER);
  public static final ConfigKey<Duration> MISFIRE_THRESHOLD =
      durationKey(
              "jobtracker.misfire.threshold.millis",
              Duration.ofSeconds(5),
              Duration.ZERO,
              Duration.ofDays(1),
              "How late a cron or repeat instant may be and still fire normally; instants missed by more"
                  + " follow the job's misfire policy.")
          .readBy(JOB_TRACKER);
  public static final ConfigKey<Integer> JOB_MAX_RETRY_TIMES =
      intKey(
              "job.max.retry.times",
              10,
              0,
              10_000,
              "Cluster-wide cap on retries; a job's own maxRetryTimes applies below it.")
          .readBy(JOB_TRACKER);

  /** Retired: accepted for old configuration files, without effect. */
  @Deprecated
  public static final ConfigKey<Integer> EXECUTING_JOB_FIX_CHECK_INTERVAL_SECONDS =
      intKey(
              "jobtracker.executing.job.fix.check.interval.seconds",
              30,
              5,
              300,
              "Seconds between scans for running jobs whose TaskTracker is gone.")
          .readBy(JOB_TRACKER)
          .retired(
              "running jobs whose TaskTracker is gone run again when their lease ends"
                  + " (lts.job.lease.millis)");

  /** Retired: accepted for old configuration files, without effect. */
  @Deprecated
  public static final ConfigKey<Integer> EXECUTING_JOB_FIX_DEADLINE_SECONDS =
      intKey(
              "jobtracker.executing.job.fix.deadline.seconds",
              20,
              10,
              300,
              "Seconds a running job may go unconfirmed before it is checked.")
          .readBy(JOB_TRACKER)
          .retired(
              "running jobs whose TaskTracker is gone run again when their lease ends"
                  + " (lts.job.lease.millis)");

  /** Retired: accepted for old configuration files, without effect. */
  @Deprecated
  public static final ConfigKey<Long> FIX_EXECUTING_JOB_WAITING_MILLIS =
      longKey(
              "jobtracker.fix.executing.job.waiting.mills",
              1_000L,
              0,
              60_000,
              "Milliseconds to wait for results in flight before re-queuing a dead job.")
          .readBy(JOB_TRACKER)
          .retired(
              "running jobs whose TaskTracker is gone run again when their lease ends"
                  + " (lts.job.lease.millis)");

  public static final ConfigKey<Integer> NON_RELY_ON_PREV_CYCLE_SCHEDULE_INTERVAL_MINUTE =
      intKey(
              "jobtracker.nonRelyOnPrevCycleJob.schedule.interval.minute",
              10,
              1,
              1_440,
              "Minutes of instances created ahead for schedules with relyOnPrevCycle=false.")
          .readBy(JOB_TRACKER);

  /** Retired: accepted for old configuration files, without effect. */
  @Deprecated
  public static final ConfigKey<Boolean> REQ_LIMIT_ENABLE =
      booleanKey("remoting.req.limit.enable", false, "Limit the requests a JobTracker accepts.")
          .readBy(JOB_TRACKER)
          .retired(
              "a JobTracker handles requests on lts.job.processor.thread threads;"
                  + " limit submits at the JobClient with job.submit.maxQPS");

  /** Retired: accepted for old configuration files, without effect. */
  @Deprecated
  public static final ConfigKey<Integer> REQ_LIMIT_MAX_QPS =
      intKey(
              "remoting.req.limit.maxQPS",
              5_000,
              1,
              10_000_000,
              "Requests per second a JobTracker accepts when limiting is on.")
          .readBy(JOB_TRACKER)
          .retired(
              "a JobTracker handles requests on lts.job.processor.thread threads;"
                  + " limit submits at the JobClient with job.submit.maxQPS");

  /** Retired: accepted for old configuration files, without effect. */
  @Deprecated
  public static final ConfigKey<Long> REQ_LIMIT_ACQUIRE_TIMEOUT =
      longKey(
              "remoting.req.limit.acquire.timeout",
              50L,
              0,
              60_000,
              "Milliseconds a request waits for a permit before it is refused as busy.")
          .readBy(JOB_TRACKER)
          .retired(
              "a JobTracker handles requests on lts.job.processor.thread threads;"
                  + " limit submits at the JobClient with job.submit.maxQPS");

  public static final ConfigKey<String> JOBCLIENT_SELECT_LOADBALANCE =
      pluginKey("jobclient.select.loadbalance", "random", "random", "roundrobin", "consistenthash")
          .readBy(JOB_CLIENT);

  // ---- TaskTracker
  public static final ConfigKey<Integer> JOB_PULL_FREQUENCY =
      intKey(
              "job.pull.frequency",
              1,
              1,
              3_600,
              "Seconds between pulls when a TaskTracker has free threads and nothing arrived.")
          .readBy(TASK_TRACKER);

  /** Retired: accepted for old configuration files, without effect. */
  @Deprecated
  public static final ConfigKey<Boolean> MACHINE_RES_CHECK_ENABLE =
      booleanKey(
              "lb.machine.res.check.enable",
              false,
              "Skip pulls while CPU or heap use is above the limits below.")
          .readBy(TASK_TRACKER)
          .retired(
              "a TaskTracker asks only for as many jobs as it has free worker"
                  + " threads; size setWorkThreads for the machine");

  /** Retired: accepted for old configuration files, without effect. */
  @Deprecated
  public static final ConfigKey<Double> CPU_USED_RATE_MAX =
      doubleKey("lb.cpuUsedRate.max", 90.0, 0, 100, "Percent of CPU above which pulls pause.")
          .readBy(TASK_TRACKER)
          .retired(
              "a TaskTracker asks only for as many jobs as it has free worker"
                  + " threads; size setWorkThreads for the machine");

  /** Retired: accepted for old configuration files, without effect. */
  @Deprecated
  public static final ConfigKey<Double> MEMORY_USED_RATE_MAX =
      doubleKey(
              "lb.memoryUsedRate.max", 90.0, 0, 100, "Percent of max heap above which pulls pause.")
          .readBy(TASK_TRACKER)
          .retired(
              "a TaskTracker asks only for as many jobs as it has free worker"
                  + " threads; size setWorkThreads for the machine");

  public static final ConfigKey<Boolean> STOP_WORKING_ENABLE =
      booleanKey(
              "tasktracker.stop.working.enable",
              false,
              "Interrupt a running job whose lease was lost, and every job after being cut off from"
                  + " every JobTracker for longer than a lease: they run again elsewhere.")
          .readBy(TASK_TRACKER);

  /** Retired: accepted for old configuration files, without effect. */
  @Deprecated
  public static final ConfigKey<Boolean> BIZ_LOGGER_FAILSTORE_CLOSE =
      booleanKey(
              "lts.task.tracker.biz.logger.failstore.close",
              false,
              "Drop business log lines that cannot be sent instead of keeping them in the FailStore.")
          .readBy(TASK_TRACKER)
          .retired(
              "business log lines a JobTracker does not take are kept in memory (100,000) and"
                  + " sent again; while that memory is full the runner writing a line waits, so"
                  + " none is dropped");

  public static final ConfigKey<Boolean> JOB_RESULT_FAILSTORE_CLOSE =
      booleanKey(
              "lts.task.tracker.job.result.failstore.close",
              false,
              "Do not keep unsent job results in the FailStore (they are then lost if no JobTracker"
                  + " is reachable).")
          .readBy(TASK_TRACKER);
  public static final ConfigKey<String> JOBTRACKER_SELECT_LOADBALANCE =
      pluginKey("jobtracker.select.loadbalance", "random", "random", "roundrobin", "consistenthash")
          .readBy(TASK_TRACKER);

  // ---- JobClient
  public static final ConfigKey<String> FAIL_STORE =
      pluginKey("job.fail.store", "leveldb", "leveldb", "mvstore").readBy(JOB_CLIENT, TASK_TRACKER);
  public static final ConfigKey<Integer> SUBMIT_MAX_QPS =
      intKey(
              "job.submit.maxQPS",
              500,
              10,
              10_000_000,
              "Submit calls per second a JobClient sends; over it, a submit is refused with"
                  + " SUBMIT_TOO_BUSY (a RetryJobClient keeps it and sends it later).")
          .readBy(JOB_CLIENT);
  public static final ConfigKey<Duration> SUBMIT_LOCK_ACQUIRE_TIMEOUT =
      durationKey(
              "job.submit.lock.acquire.timeout",
              Duration.ofMillis(100),
              Duration.ZERO,
              Duration.ofMinutes(1),
              "How long a submit waits for the rate limit (job.submit.maxQPS) before it is refused as"
                  + " too busy.")
          .readBy(JOB_CLIENT);

  // ---- monitoring
  /** Retired: accepted for old configuration files, without effect. */
  @Deprecated
  public static final ConfigKey<Integer> MONITOR_REPORT_INTERVAL =
      intKey(
              "lts.monitor.report.interval",
              1,
              1,
              60,
              "Minutes between a node's statistics reports.")
          .readBy(JOB_CLIENT, JOB_TRACKER, TASK_TRACKER)
          .retired("statistics are taken every lts.stats.interval (one minute)");

  public static final ConfigKey<Boolean> STAT_REPORTER_CLOSED =
      booleanKey(
              "mStatReporterClosed",
              false,
              "Turns off the node's per-minute statistics (lts_node_stats); its Micrometer meters"
                  + " stay.")
          .readBy(JOB_CLIENT, JOB_TRACKER, TASK_TRACKER);

  public static final ConfigKey<Duration> STATS_INTERVAL =
      durationKey(
              "lts.stats.interval",
              Duration.ofMinutes(1),
              Duration.ofMillis(100),
              Duration.ofHours(1),
              "How often a node takes its statistics and sends them to a JobTracker; each row is"
                  + " stamped with the start of its interval. Keep the default (one minute) except"
                  + " in tests.")
          .readBy(JOB_CLIENT, JOB_TRACKER, TASK_TRACKER);

  public static final ConfigKey<Duration> STATS_RETENTION =
      durationKey(
              "lts.stats.retention",
              Duration.ofDays(7),
              Duration.ofMinutes(1),
              Duration.ofDays(3_650),
              "How long node statistics are kept; older rows are pruned by the JobTracker master in"
                  + " bounded batches.")
          .readBy(JOB_TRACKER);

  // ---- alerts (evaluated by the master JobTracker)
  public static final ConfigKey<Duration> ALERT_INTERVAL =
      durationKey(
              "lts.alert.interval",
              Duration.ofMinutes(1),
              Duration.ofMillis(100),
              Duration.ofHours(1),
              "How often the master JobTracker checks the alert rules.")
          .readBy(JOB_TRACKER);

  public static final ConfigKey<Duration> ALERT_WINDOW =
      durationKey(
              "lts.alert.window",
              Duration.ofMinutes(5),
              Duration.ofMillis(100),
              Duration.ofDays(1),
              "The recent time the counting rules (failures, dead letters, background errors) add"
                  + " up, from the node statistics.")
          .readBy(JOB_TRACKER);

  public static final ConfigKey<Integer> ALERT_JOB_FAILED =
      intKey(
              "lts.alert.job.failed.threshold",
              0,
              0,
              Integer.MAX_VALUE,
              "Alert when this many jobs of one group ended without success (failed, or retries"
                  + " used up) within lts.alert.window; 0 turns the rule off.")
          .readBy(JOB_TRACKER);

  public static final ConfigKey<Integer> ALERT_DEAD_LETTERED =
      intKey(
              "lts.alert.job.dead.lettered.threshold",
              0,
              0,
              Integer.MAX_VALUE,
              "Alert when this many jobs of one group used up their retries within"
                  + " lts.alert.window; 0 turns the rule off.")
          .readBy(JOB_TRACKER);

  public static final ConfigKey<Duration> ALERT_JOB_LATE =
      durationKey(
              "lts.alert.job.late",
              Duration.ZERO,
              Duration.ZERO,
              Duration.ofDays(30),
              "Alert when jobs of a group are still waiting this long after their trigger time;"
                  + " 0 turns the rule off.")
          .readBy(JOB_TRACKER);

  public static final ConfigKey<Long> ALERT_QUEUE_DEPTH =
      longKey(
              "lts.alert.queue.depth.threshold",
              0L,
              0L,
              Long.MAX_VALUE,
              "Alert when this many jobs of one group wait to run; 0 turns the rule off.")
          .readBy(JOB_TRACKER);

  public static final ConfigKey<Long> ALERT_FAILSTORE_BACKLOG =
      longKey(
              "lts.alert.failstore.backlog.threshold",
              0L,
              0L,
              Long.MAX_VALUE,
              "Alert when a JobClient or TaskTracker keeps this many entries in its FailStore (its"
                  + " latest statistics); 0 turns the rule off.")
          .readBy(JOB_TRACKER);

  public static final ConfigKey<Long> ALERT_FEEDBACK_BACKLOG =
      longKey(
              "lts.alert.feedback.backlog.threshold",
              0L,
              0L,
              Long.MAX_VALUE,
              "Alert when this many job results wait in the feedback queue for a JobClient; 0"
                  + " turns the rule off.")
          .readBy(JOB_TRACKER);

  public static final ConfigKey<Integer> ALERT_BACKGROUND_ERRORS =
      intKey(
              "lts.alert.background.errors.threshold",
              0,
              0,
              Integer.MAX_VALUE,
              "Alert when one node's background work failed this many times within"
                  + " lts.alert.window; 0 turns the rule off.")
          .readBy(JOB_TRACKER);

  public static final ConfigKey<Boolean> ALERT_NODE_LOST =
      booleanKey(
              "lts.alert.node.lost",
              false,
              "Alert when a node leaves the registry (stopped, died or cut off); resolved when a"
                  + " node with its identity is back.")
          .readBy(JOB_TRACKER);

  public static final ConfigKey<Duration> ALERT_QUIET_PERIOD =
      durationKey(
              "lts.alert.quiet.period",
              Duration.ofMinutes(10),
              Duration.ZERO,
              Duration.ofDays(1),
              "After an alert fired, the same alert (rule and group or node) is not sent again"
                  + " within this time, even if it resolved and came back meanwhile.")
          .readBy(JOB_TRACKER);

  /**
   * The alert rules' keys an operator may change at run time (LTS Admin's alert page stores them in
   * the job store's settings, where the master JobTracker reads them at each check, in place of its
   * own configuration). Where alerts go (webhook, mail) is not among them: that stays in the
   * JobTrackers' configuration.
   */
  public static final List<ConfigKey<?>> ALERT_RULE_KEYS =
      List.of(
          ALERT_WINDOW,
          ALERT_JOB_FAILED,
          ALERT_DEAD_LETTERED,
          ALERT_JOB_LATE,
          ALERT_QUEUE_DEPTH,
          ALERT_FAILSTORE_BACKLOG,
          ALERT_FEEDBACK_BACKLOG,
          ALERT_BACKGROUND_ERRORS,
          ALERT_NODE_LOST,
          ALERT_QUIET_PERIOD);

  public static final ConfigKey<String> ALERT_WEBHOOK_URL =
      stringKey(
              "lts.alert.webhook.url",
              null,
              "Where alerts are POSTed as JSON (http or https), e.g. a DingTalk, Feishu/Lark, WeCom"
                  + " or Slack robot's webhook.")
          .readBy(JOB_TRACKER);

  public static final ConfigKey<String> ALERT_WEBHOOK_TEMPLATE =
      choiceKey(
              "lts.alert.webhook.template",
              "generic",
              List.of("generic", "slack", "dingtalk", "feishu", "wecom"),
              "The JSON body the webhook gets: generic (every field), or the text message of"
                  + " Slack, DingTalk, Feishu/Lark or WeCom.")
          .readBy(JOB_TRACKER);

  public static final ConfigKey<String> ALERT_MAIL_HOST =
      stringKey(
              "lts.alert.mail.smtp.host",
              null,
              "SMTP server alerts are mailed through; no mail without it.")
          .readBy(JOB_TRACKER);

  public static final ConfigKey<Integer> ALERT_MAIL_PORT =
      intKey("lts.alert.mail.smtp.port", 25, 1, 65_535, "SMTP server port.").readBy(JOB_TRACKER);

  public static final ConfigKey<Boolean> ALERT_MAIL_STARTTLS =
      booleanKey("lts.alert.mail.smtp.starttls", false, "Require STARTTLS on the SMTP connection.")
          .readBy(JOB_TRACKER);

  public static final ConfigKey<String> ALERT_MAIL_USERNAME =
      stringKey("lts.alert.mail.smtp.username", null, "SMTP login, if the server asks for one.")
          .readBy(JOB_TRACKER);

  public static final ConfigKey<String> ALERT_MAIL_PASSWORD =
      secretKey("lts.alert.mail.smtp.password", "SMTP password.").readBy(JOB_TRACKER);

  public static final ConfigKey<String> ALERT_MAIL_FROM =
      stringKey("lts.alert.mail.from", "lts@localhost", "Sender address of alert mails.")
          .readBy(JOB_TRACKER);

  public static final ConfigKey<String> ALERT_MAIL_TO =
      stringKey("lts.alert.mail.to", null, "Recipients of alert mails, separated by commas.")
          .readBy(JOB_TRACKER);

  public static final ConfigKey<Integer> ALERT_DELIVERY_RETRIES =
      intKey(
              "lts.alert.delivery.retries",
              3,
              0,
              20,
              "How often an alert a receiver did not take (error, timeout) is sent again, with"
                  + " back-off from one second; delivery runs on its own thread and never holds up"
                  + " scheduling.")
          .readBy(JOB_TRACKER);

  // ---- LTS Admin
  public static final ConfigKey<Integer> ADMIN_HTTP_PORT =
      intKey(
              "lts.admin.http.port",
              8080,
              0,
              65_535,
              "Port LTS Admin's web pages and REST API listen on; 0 takes a free port.")
          .readBy(BACKEND);
  public static final ConfigKey<String> ADMIN_HTTP_HOST =
      stringKey(
              "lts.admin.http.host",
              "0.0.0.0",
              "Address LTS Admin listens on; 127.0.0.1 keeps it to this machine.")
          .readBy(BACKEND);
  public static final ConfigKey<String> ADMIN_USERS =
      secretKey(
              "lts.admin.users",
              "Who may log in to LTS Admin: name:role:bcrypt-hash entries separated by commas, role"
                  + " admin or viewer (make a hash with java -jar lts-admin.jar --hash-password)."
                  + " Without it, a user admin with a generated password is created at first start"
                  + " (printed once, kept hashed under the data path).")
          .readBy(BACKEND);
  public static final ConfigKey<Duration> ADMIN_SESSION_TIMEOUT =
      durationKey(
              "lts.admin.session.timeout",
              Duration.ofMinutes(30),
              Duration.ofMinutes(1),
              Duration.ofDays(1),
              "How long an LTS Admin login lasts without a request.")
          .readBy(BACKEND);
  public static final ConfigKey<Boolean> ADMIN_COOKIE_SECURE =
      booleanKey(
              "lts.admin.cookie.secure",
              false,
              "Mark LTS Admin's session cookie Secure (sent over HTTPS only); set it when a TLS"
                  + " proxy serves Admin.")
          .readBy(BACKEND);
  public static final ConfigKey<String> ADMIN_TLS_KEYSTORE =
      stringKey(
              "lts.admin.tls.keystore",
              null,
              "PKCS12 (or JKS) key store file with LTS Admin's private key and certificate chain;"
                  + " when set, Admin serves HTTPS only on lts.admin.http.port and its cookie is"
                  + " Secure.")
          .readBy(BACKEND);
  public static final ConfigKey<String> ADMIN_TLS_KEYSTORE_PASSWORD =
      secretKey(
              "lts.admin.tls.keystore.password",
              "Password of lts.admin.tls.keystore (also used for its key).")
          .readBy(BACKEND);
  public static final ConfigKey<String> ADMIN_METRICS_TOKEN =
      secretKey(
              "lts.admin.metrics.token",
              "Bearer token a Prometheus server sends to scrape LTS Admin's /metrics (Authorization:"
                  + " Bearer ...); without it, /metrics needs a login like every other page.")
          .readBy(BACKEND);
  public static final ConfigKey<Integer> ADMIN_AUDIT_CAPACITY =
      intKey(
              "lts.admin.audit.capacity",
              1_000,
              0,
              100_000,
              "How many recent audit entries (changes made through LTS Admin) GET /api/audit"
                  + " keeps in memory; every entry is also logged to the lts.admin.audit logger.")
          .readBy(BACKEND);

  /** LTS keys that no longer apply; accepted with a warning that says why. */
  static final Map<String, String> RETIRED =
      Map.ofEntries(
          Map.entry("zk.client", "ZooKeeper is always reached through Curator"),
          Map.entry("lts.remoting", "Netty is the only transport"),
          Map.entry(
              "lts.remoting.serializable.default",
              "the wire format is always JSON of one known class per command"),
          Map.entry("lts.json", "JSON is always fastjson2"),
          Map.entry("lts.logger", "logging always goes through SLF4J"),
          Map.entry("java.compiler", "no code is generated at run time"),
          Map.entry("event.center", "there is no pluggable event bus"),
          Map.entry("jdbc.datasource.provider", "the pool is always HikariCP"),
          Map.entry("cluster", "Redis registries use one server"),
          Map.entry(
              "lts.http.cmd.port", "nodes take commands over their authenticated RPC connection"),
          Map.entry(
              "monitor.select.loadbalance", "statistics go to the JobTrackers, not a monitor"),
          Map.entry(
              "jobtracker.retry.time.generator",
              "back-off is set with jobtracker.job.retry.interval.millis"));

  /** Key prefixes that no longer apply (Druid pool settings); accepted with a warning. */
  static final Map<String, String> RETIRED_PREFIXES =
      Map.of("druid.", "the pool is HikariCP; size it with jdbc.pool.max.size");

  private static final Map<String, ConfigKey<?>> BY_NAME = collect();

  private ConfigKeys() {}

  /** The key named {@code name}, or null. */
  public static ConfigKey<?> byName(String name) {
    return BY_NAME.get(name);
  }

  /** Every known key, in declaration order. */
  public static List<ConfigKey<?>> all() {
    return List.copyOf(BY_NAME.values());
  }

  /** Why {@code name} is no longer used, or null when it is not a retired LTS key. */
  public static String retiredReason(String name) {
    String reason = RETIRED.get(name);
    if (reason != null) {
      return reason;
    }
    for (Map.Entry<String, String> prefix : RETIRED_PREFIXES.entrySet()) {
      if (name.startsWith(prefix.getKey())) {
        return prefix.getValue();
      }
    }
    return null;
  }

  private static Map<String, ConfigKey<?>> collect() {
    Map<String, ConfigKey<?>> keys = new LinkedHashMap<>();
    for (Field field : ConfigKeys.class.getDeclaredFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == ConfigKey.class) {
        try {
          ConfigKey<?> key = (ConfigKey<?>) field.get(null);
          if (keys.put(key.name(), key) != null) {
            throw new IllegalStateException("Config key declared twice: " + key.name());
          }
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return Collections.unmodifiableMap(keys);
  }
}
