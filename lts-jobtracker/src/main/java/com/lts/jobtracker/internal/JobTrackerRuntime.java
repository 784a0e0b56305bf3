package com.lts.jobtracker.internal;

import com.lts.core.cluster.NodeType;
import com.lts.core.config.ConfigKeys;
import com.lts.core.config.NodeConfig;
import com.lts.core.event.NodeEvents;
import com.lts.core.internal.background.Shutdowns;
import com.lts.core.internal.net.NodeAddresses;
import com.lts.core.node.NodeContext;
import com.lts.core.node.RoleRuntime;
import com.lts.core.spi.Plugins;
import com.lts.core.store.NodeStats;
import com.lts.core.store.Store;
import com.lts.jobtracker.internal.alert.AlertEvaluator;
import com.lts.jobtracker.internal.complete.CompletionProcessor;
import com.lts.jobtracker.internal.complete.RetryPolicy;
import com.lts.jobtracker.internal.dispatch.Dispatcher;
import com.lts.jobtracker.internal.dispatch.PullProcessor;
import com.lts.jobtracker.internal.dispatch.TaskTrackerDirectory;
import com.lts.jobtracker.internal.feedback.FeedbackResend;
import com.lts.jobtracker.internal.feedback.FeedbackSender;
import com.lts.jobtracker.internal.intake.CancelProcessor;
import com.lts.jobtracker.internal.intake.JobOperationProcessor;
import com.lts.jobtracker.internal.intake.JobOperationProcessor.Operation;
import com.lts.jobtracker.internal.intake.SubmitProcessor;
import com.lts.jobtracker.internal.intake.UnservedGroups;
import com.lts.jobtracker.internal.lease.GoneTaskTrackers;
import com.lts.jobtracker.internal.lease.LeaseExpiry;
import com.lts.jobtracker.internal.lease.LeaseRenewProcessor;
import com.lts.jobtracker.internal.log.BizLogLimits;
import com.lts.jobtracker.internal.log.BizLogProcessor;
import com.lts.jobtracker.internal.log.JobEventLog;
import com.lts.jobtracker.internal.maintenance.DeliveryRetention;
import com.lts.jobtracker.internal.maintenance.MasterDuties;
import com.lts.jobtracker.internal.schedule.DueWheel;
import com.lts.jobtracker.internal.schedule.InstancePlanner;
import com.lts.jobtracker.internal.schedule.ScheduleFeeder;
import com.lts.jobtracker.internal.schedule.Timekeeper;
import com.lts.jobtracker.internal.stats.ClusterGauges;
import com.lts.jobtracker.internal.stats.NodeStatsProcessor;
import com.lts.jobtracker.log.JobLogSink;
import com.lts.jobtracker.maintenance.OldDataHandler;
import com.lts.remoting.internal.command.Command;
import com.lts.remoting.internal.command.JobOperationRequest;
import com.lts.remoting.internal.command.JobOperationResponse;
import com.lts.remoting.internal.command.JobTerminateRequest;
import com.lts.remoting.internal.server.RemotingServer;
import com.lts.remoting.internal.server.ServerSettings;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The composition root of a running JobTracker: builds every part once and closes them in order.
 */
public final class JobTrackerRuntime implements RoleRuntime {

  /** Job log rows deleted per statement. */
  static final int PRUNE_BATCH = 5_000;

  /** How long an operator's terminate waits for the TaskTracker's answer. */
  private static final Duration TERMINATE_TIMEOUT = Duration.ofSeconds(10);

  private final Store store;
  private final boolean ownsStore;
  private final JobEventLog eventLog;
  private final ThreadPoolExecutor dispatchExecutor;
  private final RemotingServer server;
  private final MasterDuties duties;
  private final Timekeeper timekeeper;
  private final GoneTaskTrackers goneTaskTrackers;
  private final LeaseExpiry leaseExpiry;
  private final AlertEvaluator alerts;
  private final NodeContext context;
  private volatile boolean master;

  public JobTrackerRuntime(NodeContext context, Store givenStore, OldDataHandler oldDataHandler) {
    this.context = context;
    NodeConfig config = context.config();
    NodeEvents events = context.events();
    this.ownsStore = givenStore == null;
    this.store =
        givenStore != null
            ? givenStore
            : Store.open(config.configs(), Path.of(config.dataPath()), context.clock());
    try {
      String logger = config.get(ConfigKeys.JOB_LOGGER);
      this.eventLog =
          new JobEventLog(
              Plugins.find(JobLogSink.Factory.class, logger, ConfigKeys.JOB_LOGGER.name())
                  .create(store),
              "store".equals(logger) ? store.jobLogs() : null,
              config.get(ConfigKeys.LAZY_JOB_LOGGER_BATCH_FLUSH_SIZE),
              config.get(ConfigKeys.LAZY_JOB_LOGGER_OVERFLOW_SIZE),
              context.clock());
      this.dispatchExecutor = executor(config.get(ConfigKeys.PUSHER_THREADS), config.identity());
      Duration lease = config.get(ConfigKeys.JOB_LEASE);
      boolean tokenSet = config.get(ConfigKeys.CLUSTER_TOKEN) != null;
      this.server =
          new RemotingServer(
              ServerSettings.builder(config)
                  .bindAddress(NodeAddresses.bindAddress(config.bindIp(), tokenSet))
                  .port(config.listenPort())
                  .events(events)
                  .build());
      TaskTrackerDirectory directory = new TaskTrackerDirectory();
      server.addConnectionListener(directory);
      Dispatcher dispatcher =
          new Dispatcher(
              store.jobs(),
              directory,
              eventLog,
              lease,
              config.get(ConfigKeys.PUSH_BATCH_SIZE),
              dispatchExecutor,
              events,
              context.metrics());
      FeedbackSender feedback = new FeedbackSender(server, store.feedback(), context.metrics());
      RetryPolicy retryPolicy =
          new RetryPolicy(
              config.get(ConfigKeys.JOB_RETRY_INTERVAL),
              config.get(ConfigKeys.JOB_RETRY_MAX_INTERVAL),
              config.get(ConfigKeys.JOB_MAX_RETRY_TIMES),
              "exponential".equals(config.get(ConfigKeys.JOB_RETRY_BACKOFF)));

      DueWheel wheel =
          new DueWheel(
              store.jobs(),
              dispatcher::dispatchGroup,
              context.clock(),
              Duration.ofSeconds(2),
              config.identity(),
              events);
      InstancePlanner planner =
          new InstancePlanner(
              config.get(ConfigKeys.MISFIRE_THRESHOLD).toMillis(),
              Duration.ofMinutes(
                      config.get(ConfigKeys.NON_RELY_ON_PREV_CYCLE_SCHEDULE_INTERVAL_MINUTE))
                  .toMillis(),
              100);
      TimeZone zone =
          config.configs().isSet(ConfigKeys.CRON_TIME_ZONE)
              ? TimeZone.getTimeZone(config.get(ConfigKeys.CRON_TIME_ZONE))
              : TimeZone.getDefault();
      this.timekeeper =
          new Timekeeper(
              wheel,
              new ScheduleFeeder(
                  store.jobs(), planner, wheel, eventLog, context.clock(), zone, events),
              config.identity(),
              events);

      server.registerProcessor(
          Command.SUBMIT_JOB,
          new SubmitProcessor(
              store.jobs(),
              store.nodeGroups(),
              dispatcher,
              eventLog,
              timekeeper,
              events,
              context.metrics(),
              new UnservedGroups(context.registry()),
              config.get(ConfigKeys.SUBMIT_BATCH_MAX_JOBS),
              config.get(ConfigKeys.SUBMIT_MAX_QPS_PER_CLIENT),
              context.clock()));
      server.registerProcessor(Command.CANCEL_JOB, new CancelProcessor(store.jobs(), eventLog));
      registerOperations(dispatcher, context);
      server.registerProcessor(Command.JOB_PULL, new PullProcessor(directory, dispatcher));
      server.registerProcessor(
          Command.JOB_COMPLETED,
          new CompletionProcessor(
              store.jobs(),
              directory,
              dispatcher,
              feedback,
              eventLog,
              retryPolicy,
              timekeeper,
              context.clock(),
              events,
              context.metrics()));
      server.registerProcessor(
          Command.BIZ_LOG_SEND,
          new BizLogProcessor(
              eventLog,
              store.jobs(),
              new BizLogLimits(
                  config.get(ConfigKeys.BIZ_LOG_LINE_MAX),
                  config.get(ConfigKeys.BIZ_LOG_LINES_PER_SECOND_MAX),
                  context.clock())));
      server.registerProcessor(Command.LEASE_RENEW, new LeaseRenewProcessor(store.jobs(), lease));
      server.registerProcessor(Command.NODE_STATS_SEND, new NodeStatsProcessor(store.nodeStats()));

      this.duties =
          new MasterDuties(
              config.identity(),
              events,
              config.get(ConfigKeys.MASTER_DUTY_DEADLINE),
              config.get(ConfigKeys.MASTER_STORE_OUTAGE),
              context.candidacy(),
              () -> store.feedback().countByGroup());
      this.leaseExpiry =
          new LeaseExpiry(
              store.jobs(),
              dispatcher,
              eventLog,
              events,
              config.configs().isSet(ConfigKeys.JOB_LEASE_GRACE)
                  ? config.get(ConfigKeys.JOB_LEASE_GRACE)
                  : lease);
      duties.add(
          "lease expiry", Duration.ofMillis(Math.max(200, lease.toMillis() / 4)), leaseExpiry);
      this.goneTaskTrackers =
          new GoneTaskTrackers(store.jobs(), leaseExpiry, () -> master, dispatchExecutor, events);
      duties.add("schedules", Duration.ofSeconds(1), timekeeper.masterDuty());
      duties.add(
          "feedback re-send",
          Duration.ofSeconds(5),
          new FeedbackResend(store.feedback(), feedback, context.clock(), events));
      duties.add(
          "delivery retention",
          Duration.ofMinutes(1),
          new DeliveryRetention(
              store.feedback(),
              store.jobs(),
              config.get(ConfigKeys.FEEDBACK_RETENTION),
              config.get(ConfigKeys.SUBMIT_ID_RETENTION),
              context.clock()));
      duties.add(
          "cluster gauges",
          config.get(ConfigKeys.STATS_INTERVAL),
          new ClusterGauges(store, context.metrics()));
      Duration statsRetention = config.get(ConfigKeys.STATS_RETENTION);
      duties.add(
          "node stats retention",
          Duration.ofMinutes(1),
          () -> pruneNodeStats(context.clock().millis() - statsRetention.toMillis()));
      Duration deadJobRetention = config.get(ConfigKeys.DEAD_JOB_RETENTION);
      duties.add(
          "dead letter retention",
          Duration.ofMinutes(1),
          () ->
              pruneInBatches(
                  () ->
                      store
                          .deadJobs()
                          .pruneOlderThan(
                              context.clock().millis() - deadJobRetention.toMillis(),
                              PRUNE_BATCH)));
      this.alerts = AlertEvaluator.create(config, store, context.clock());
      if (alerts != null) {
        duties.add("alerts", config.get(ConfigKeys.ALERT_INTERVAL), alerts);
        if (alerts.watchesNodes()) {
          for (NodeType type : NodeType.values()) {
            context.registry().subscribe(type, null, alerts);
          }
        }
      }
      int retentionDays = config.get(ConfigKeys.JOB_LOG_RETENTION_DAYS);
      duties.add(
          "old data",
          Duration.ofHours(1),
          () -> {
            long now = context.clock().millis();
            pruneJobLog(now - Duration.ofDays(retentionDays).toMillis());
            if (oldDataHandler != null && !Thread.currentThread().isInterrupted()) {
              oldDataHandler.handle(store, now);
            }
          });

      server.start();
      timekeeper.start();
      context.self().setPort(server.port());
      context.registry().subscribe(NodeType.TASK_TRACKER, null, goneTaskTrackers);
      context.self().setThreads(config.get(ConfigKeys.PROCESSOR_THREADS));
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /**
   * Deletes the job log older than {@code time} in bounded statements, so that no one statement
   * holds the database for long; stops early when the duty is interrupted (past its deadline, or no
   * longer master) and goes on at its next run.
   */
  private void pruneJobLog(long time) {
    pruneInBatches(() -> store.jobLogs().pruneOlderThan(time, PRUNE_BATCH));
  }

  /** {@link #pruneJobLog} for node statistics. */
  private void pruneNodeStats(long time) {
    pruneInBatches(() -> store.nodeStats().pruneOlderThan(time, PRUNE_BATCH));
  }

  private static void pruneInBatches(LongSupplier batch) {
    long deleted;
    do {
      deleted = batch.getAsLong();
    } while (deleted == PRUNE_BATCH && !Thread.currentThread().isInterrupted());
  }

  private void registerOperations(Dispatcher dispatcher, NodeContext context) {
    Map<Command<JobOperationRequest, JobOperationResponse>, Operation> operations =
        Map.of(
            Command.SUSPEND_JOB, Operation.SUSPEND,
            Command.RESUME_JOB, Operation.RESUME,
            Command.TRIGGER_JOB_NOW, Operation.TRIGGER_NOW,
            Command.UPDATE_JOB, Operation.UPDATE,
            Command.DELETE_JOB, Operation.DELETE,
            Command.TERMINATE_JOB, Operation.TERMINATE,
            Command.RETRY_DEAD_JOB, Operation.RETRY);
    JobOperationProcessor.RunTerminator terminator =
        (identity, jobId, attempt, by) ->
            server
                .channel(identity)
                .map(
                    channel ->
                        channel
                            .invokeSync(
                                Command.TERMINATE_RUN,
                                new JobTerminateRequest(jobId, attempt, by),
                                TERMINATE_TIMEOUT)
                            .isInterrupted());
    operations.forEach(
        (command, operation) ->
            server.registerProcessor(
                command,
                new JobOperationProcessor(
                    operation,
                    store.jobs(),
                    store.deadJobs(),
                    dispatcher,
                    timekeeper,
                    eventLog,
                    terminator,
                    context.clock())));
  }

  private static ThreadPoolExecutor executor(int threads, String identity) {
    ThreadPoolExecutor executor =
        new ThreadPoolExecutor(
            threads,
            threads,
            30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            new DefaultThreadFactory("lts-dispatch", true));
    executor.allowCoreThreadTimeOut(true);
    return executor;
  }

  /** The port the RPC server listens on. */
  public int port() {
    return server.port();
  }

  public Store store() {
    return store;
  }

  /** This JobTracker's own statistics go straight into the store. */
  @Override
  public void reportStats(List<NodeStats> stats) {
    NodeStatsProcessor.appendNew(store.nodeStats(), context.config().identity(), stats);
  }

  @Override
  public Boolean storeReachable(boolean lastKnown) {
    return lastKnown;
  }

  @Override
  public void masterChanged(boolean isMaster) {
    master = isMaster;
    if (isMaster) {
      leaseExpiry.masterGained();
    }
    duties.masterChanged(isMaster);
  }

  @Override
  public void close() {
    if (goneTaskTrackers != null) {
      context.registry().unsubscribe(goneTaskTrackers);
    }
    if (alerts != null) {
      context.registry().unsubscribe(alerts);
    }
    if (duties != null) {
      duties.close();
    }
    if (alerts != null) {
      alerts.close();
    }
    if (timekeeper != null) {
      timekeeper.close();
    }
    if (server != null) {
      server.close();
    }
    if (dispatchExecutor != null) {
      // Claims in progress use the store, which closes last.
      Shutdowns.finishAndWait(dispatchExecutor, 5_000);
    }
    if (eventLog != null) {
      eventLog.close();
    }
    if (ownsStore && store != null) {
      store.close();
    }
  }
}
