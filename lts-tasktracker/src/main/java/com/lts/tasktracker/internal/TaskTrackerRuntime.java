package com.lts.tasktracker.internal;

import com.lts.core.cluster.NodeType;
import com.lts.core.config.ConfigKeys;
import com.lts.core.config.NodeConfig;
import com.lts.core.domain.Action;
import com.lts.core.domain.BizLog;
import com.lts.core.domain.JobMeta;
import com.lts.core.domain.JobRunResult;
import com.lts.core.failstore.FailStores;
import com.lts.core.failstore.internal.FailStoreResender;
import com.lts.core.internal.background.Background;
import com.lts.core.loadbalance.LoadBalance;
import com.lts.core.monitor.MetricNames;
import com.lts.core.monitor.NodeMetrics;
import com.lts.core.node.NodeContext;
import com.lts.core.node.RoleRuntime;
import com.lts.core.node.internal.JobTrackerConnections;
import com.lts.core.spi.Plugins;
import com.lts.core.store.NodeStats;
import com.lts.remoting.internal.ConnectionListener;
import com.lts.remoting.internal.RemotingChannel;
import com.lts.remoting.internal.client.RemotingClient;
import com.lts.remoting.internal.command.Command;
import com.lts.remoting.internal.command.JobCompletedRequest;
import com.lts.tasktracker.runner.RunnerFactory;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root of a running TaskTracker: connections to every JobTracker, the worker pool,
 * and the loops around it ({@link PullLoop}, {@link LeaseRenewal}, {@link ResultReporter}, {@link
 * BizLogSender}, the results' FailStore re-sender), built once and closed in order.
 */
public final class TaskTrackerRuntime implements RoleRuntime {

  private static final Logger log = LoggerFactory.getLogger(TaskTrackerRuntime.class);

  private final NodeContext context;
  private final long stopTimeoutMillis;
  private final JobTrackerConnections jobTrackers;
  private final BizLogSender bizLogs;
  private final RunnerPool pool;
  private final JobIntake intake;
  private final ResultReporter reporter;
  private final ScheduledExecutorService scheduler;
  private final ScheduledExecutorService leaseScheduler;
  private final UnreportedResults unreported = new UnreportedResults();
  private final PauseDetector pauses;
  private final FailStoreResender<JobRunResult> resultFailStore;
  private final PullLoop pullLoop;
  private final PushReceiver pushReceiver;
  private volatile boolean master;

  public TaskTrackerRuntime(
      NodeContext context,
      RunnerFactory runnerFactory,
      BizLog.Level bizLoggerLevel,
      long stopTimeoutMillis) {
    this.context = context;
    NodeConfig config = context.config();
    Clock clock = context.clock();
    String identity = config.identity();
    String group = config.nodeGroup();
    int workThreads = config.workThreads();
    long leaseMillis = config.get(ConfigKeys.JOB_LEASE).toMillis();
    try {
      Background background = new Background(context.events(), TaskTrackerRuntime.class);
      this.stopTimeoutMillis = stopTimeoutMillis;
      LoadBalance loadBalance =
          Plugins.find(
              LoadBalance.class,
              config.get(ConfigKeys.JOBTRACKER_SELECT_LOADBALANCE),
              ConfigKeys.JOBTRACKER_SELECT_LOADBALANCE.name());
      this.jobTrackers =
          new JobTrackerConnections(config, loadBalance, this::setUpClient, context.events());
      this.bizLogs = new BizLogSender(identity, jobTrackers, background);
      JobRunnerInvoker invoker = new JobRunnerInvoker(runnerFactory, clock);
      this.pool =
          new RunnerPool(
              "lts-" + group,
              workThreads,
              meta ->
                  invoker.invoke(
                      meta,
                      new JobBizLogger(meta, identity, bizLoggerLevel, clock, bizLogs::offer)),
              this::finished,
              clock);
      this.intake = new JobIntake(pool);
      this.resultFailStore =
          config.get(ConfigKeys.JOB_RESULT_FAILSTORE_CLOSE)
              ? null
              : new FailStoreResender<>(
                  "lts-result-retry-" + identity,
                  FailStores.open(config),
                  JobRunResult.class,
                  500,
                  this::resendResults,
                  () -> master,
                  context.events());
      this.reporter =
          new ResultReporter(
              identity,
              jobTrackers,
              unreported,
              intake::available,
              this::acceptNext,
              resultFailStore,
              background);
      this.scheduler =
          Executors.newSingleThreadScheduledExecutor(
              new DefaultThreadFactory("lts-tasktracker-" + identity, true));
      // Renewals on a thread of their own: nothing else may hold them up past a lease.
      this.leaseScheduler =
          Executors.newSingleThreadScheduledExecutor(
              new DefaultThreadFactory("lts-lease-renewal-" + identity, true));
      this.pauses = new PauseDetector(Math.max(500, leaseMillis / 4), identity);
      this.pushReceiver =
          new PushReceiver(identity, jobTrackers, intake, pauses, leaseMillis, background);
      this.pullLoop =
          new PullLoop(identity, group, workThreads, jobTrackers, intake, scheduler, background);
      pullLoop.start(TimeUnit.SECONDS.toMillis(config.get(ConfigKeys.JOB_PULL_FREQUENCY)));
      new LeaseRenewal(
              identity,
              jobTrackers,
              intake,
              pool,
              unreported,
              config.get(ConfigKeys.STOP_WORKING_ENABLE),
              leaseScheduler,
              background)
          .start(leaseMillis);
      context.self().setThreads(workThreads);
      context.metrics().gauge(MetricNames.THREADS_BUSY, pool::runningCount);
      context.metrics().gauge(MetricNames.THREADS_FREE, pool::availableThreads);
      context.registry().subscribe(NodeType.JOB_TRACKER, null, jobTrackers);
    } catch (RuntimeException | Error e) {
      // Whatever started before the failure (threads, the FailStore and its lock) must not outlive
      // it.
      try {
        close();
      } catch (RuntimeException closing) {
        e.addSuppressed(closing);
      }
      throw e;
    }
  }

  private void setUpClient(RemotingClient client) {
    client.registerProcessor(Command.PUSH_JOB, pushReceiver);
    client.registerProcessor(Command.TERMINATE_RUN, new TerminateReceiver(pool));
    client.addConnectionListener(
        new ConnectionListener() {
          @Override
          public void connected(RemotingChannel channel) {
            pullLoop.connected(channel);
          }

          @Override
          public void disconnected(RemotingChannel channel) {}
        });
  }

  private void finished(JobRunResult result) {
    Action action = result.getAction() == null ? Action.EXECUTE_SUCCESS : result.getAction();
    NodeMetrics metrics = context.metrics();
    metrics.count(MetricNames.JOBS_RUN, 1, MetricNames.TAG_ACTION, action.name());
    if (result.getEndTime() >= result.getStartTime() && result.getStartTime() > 0) {
      metrics.time(
          MetricNames.JOBS_RUN_TIME,
          TimeUnit.MILLISECONDS.toNanos(result.getEndTime() - result.getStartTime()));
    }
    unreported.add(result.getJobMeta());
    reporter.offer(result);
    intake.drain();
  }

  /** Results kept while no JobTracker was reachable; refused ones (stale attempts) are done too. */
  private boolean resendResults(List<JobRunResult> results) {
    jobTrackers.invoke(Command.JOB_COMPLETED, new JobCompletedRequest(results, 0));
    unreported.reported(results);
    return true;
  }

  @Override
  public void reportStats(List<NodeStats> stats) {
    jobTrackers.sendStats(stats);
  }

  @Override
  public void masterChanged(boolean isMaster) {
    master = isMaster;
  }

  private void acceptNext(List<JobMeta> jobs) {
    List<String> refused = intake.accept(jobs);
    if (!refused.isEmpty()) {
      log.warn(
          "{} jobs handed back with a result were refused (no room); they run again when their"
              + " leases end",
          refused.size());
    }
  }

  /** Threads free for new jobs. */
  public int availableThreads() {
    return intake.available();
  }

  @Override
  public void close() {
    if (scheduler != null) {
      scheduler.shutdownNow();
    }
    if (pauses != null) {
      pauses.close();
    }
    if (pool != null) {
      List<JobMeta> unfinished = pool.stop(stopTimeoutMillis);
      if (!unfinished.isEmpty()) {
        log.warn(
            "{} jobs were still running after {} ms and were interrupted: {}",
            unfinished.size(),
            stopTimeoutMillis,
            unfinished);
      }
    }
    if (intake != null) {
      List<JobMeta> waiting = intake.clearBacklog();
      if (!waiting.isEmpty()) {
        log.info("{} jobs waiting to start run elsewhere when their leases end", waiting.size());
      }
    }
    if (reporter != null) {
      reporter.close();
    }
    // Renewed until here, so jobs finishing during the stop keep their leases until reported.
    if (leaseScheduler != null) {
      leaseScheduler.shutdownNow();
    }
    if (resultFailStore != null) {
      resultFailStore.close();
    }
    if (bizLogs != null) {
      bizLogs.close();
    }
    if (jobTrackers != null) {
      context.registry().unsubscribe(jobTrackers);
      jobTrackers.close();
    }
  }
}
