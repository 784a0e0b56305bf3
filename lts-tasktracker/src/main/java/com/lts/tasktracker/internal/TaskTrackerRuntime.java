package com.lts.tasktracker.internal;

import com.lts.core.cluster.NodeType;
import com.lts.core.config.ConfigKeys;
import com.lts.core.config.NodeConfig;
import com.lts.core.domain.BizLog;
import com.lts.core.domain.JobMeta;
import com.lts.core.domain.JobRunResult;
import com.lts.core.failstore.FailStores;
import com.lts.core.failstore.internal.FailStoreResender;
import com.lts.core.internal.batch.Batcher;
import com.lts.core.loadbalance.LoadBalance;
import com.lts.core.node.NodeContext;
import com.lts.core.node.RoleRuntime;
import com.lts.core.node.internal.JobTrackerConnections;
import com.lts.core.spi.Plugins;
import com.lts.remoting.internal.ConnectionListener;
import com.lts.remoting.internal.RemotingChannel;
import com.lts.remoting.internal.client.RemotingClient;
import com.lts.remoting.internal.command.BizLogSendRequest;
import com.lts.remoting.internal.command.Command;
import com.lts.remoting.internal.command.JobCompletedRequest;
import com.lts.remoting.internal.command.JobPullRequest;
import com.lts.remoting.internal.command.JobPushResponse;
import com.lts.remoting.internal.command.LeaseRenewRequest;
import com.lts.remoting.internal.command.LeasedJob;
import com.lts.tasktracker.runner.RunnerFactory;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root of a running TaskTracker: connections to every JobTracker, the worker pool,
 * the pull loop, result and business-log reporting, and lease renewal.
 */
public final class TaskTrackerRuntime implements RoleRuntime {

  private static final Logger log = LoggerFactory.getLogger(TaskTrackerRuntime.class);

  private final NodeContext context;
  private final String identity;
  private final String group;
  private final int workThreads;
  private final long stopTimeoutMillis;
  private final JobTrackerConnections jobTrackers;
  private final Batcher<BizLog> bizLogs;
  private final RunnerPool pool;
  private final JobIntake intake;
  private final ResultReporter reporter;
  private final ScheduledExecutorService scheduler;
  private final PauseDetector pauses;
  private final FailStoreResender<JobRunResult> resultFailStore;
  private volatile boolean master;
  private final long leaseMillis;
  private final boolean stopWorking;
  private long lastRenewedNanos = System.nanoTime();

  public TaskTrackerRuntime(
      NodeContext context,
      RunnerFactory runnerFactory,
      BizLog.Level bizLoggerLevel,
      long stopTimeoutMillis) {
    this.context = context;
    NodeConfig config = context.config();
    Clock clock = context.clock();
    this.identity = config.identity();
    this.group = config.nodeGroup();
    this.workThreads = config.workThreads();
    this.stopTimeoutMillis = stopTimeoutMillis;
    LoadBalance loadBalance =
        Plugins.find(
            LoadBalance.class,
            config.get(ConfigKeys.JOBTRACKER_SELECT_LOADBALANCE),
            ConfigKeys.JOBTRACKER_SELECT_LOADBALANCE.name());
    this.jobTrackers = new JobTrackerConnections(config, loadBalance, this::setUpClient);
    this.bizLogs = new Batcher<>("lts-bizlog-" + identity, 500, 100_000, this::sendBizLogs);
    JobRunnerInvoker invoker = new JobRunnerInvoker(runnerFactory, clock);
    this.pool =
        new RunnerPool(
            "lts-" + group,
            workThreads,
            meta ->
                invoker.invoke(
                    meta, new JobBizLogger(meta, identity, bizLoggerLevel, clock, this::bizLog)),
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
                () -> master);
    this.reporter =
        new ResultReporter(
            identity, jobTrackers, intake::available, this::acceptNext, resultFailStore);
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(
            new DefaultThreadFactory("lts-tasktracker-" + identity, true));
    long pullMillis = TimeUnit.SECONDS.toMillis(config.get(ConfigKeys.JOB_PULL_FREQUENCY));
    scheduler.scheduleWithFixedDelay(
        this::pullSafely, pullMillis, pullMillis, TimeUnit.MILLISECONDS);
    this.leaseMillis = config.get(ConfigKeys.JOB_LEASE).toMillis();
    this.stopWorking = config.get(ConfigKeys.STOP_WORKING_ENABLE);
    this.pauses = new PauseDetector(Math.max(500, leaseMillis / 4), identity);
    long renewMillis = Math.max(100, leaseMillis / 3);
    scheduler.scheduleWithFixedDelay(
        this::renewLeasesSafely, renewMillis, renewMillis, TimeUnit.MILLISECONDS);
    context.self().setThreads(workThreads);
    context.registry().subscribe(NodeType.JOB_TRACKER, null, jobTrackers);
  }

  private void setUpClient(RemotingClient client) {
    client.registerProcessor(
        Command.PUSH_JOB,
        (channel, request) -> new JobPushResponse(acceptPush(request.getJobMetas())));
    client.addConnectionListener(
        new ConnectionListener() {
          @Override
          public void connected(RemotingChannel channel) {
            // Tell a JobTracker we can take work as soon as we are connected, not a pull later.
            scheduler.execute(() -> pull(List.of(channel)));
          }

          @Override
          public void disconnected(RemotingChannel channel) {}
        });
  }

  private void finished(JobRunResult result) {
    reporter.offer(result);
    intake.drain();
  }

  /**
   * Takes pushed jobs. After a pause of this JVM a push may have waited in the socket while its
   * jobs were handed to another worker; then their leases are confirmed (one renewal for the batch)
   * and only jobs whose attempt is still current start.
   */
  private List<String> acceptPush(List<JobMeta> jobs) {
    if (jobs == null || jobs.isEmpty()) {
      return List.of();
    }
    if (!pauses.suspect(leaseMillis)) {
      return intake.accept(jobs);
    }
    List<String> stale;
    try {
      stale =
          jobTrackers
              .invoke(
                  Command.LEASE_RENEW,
                  new LeaseRenewRequest(
                      identity,
                      jobs.stream().map(m -> new LeasedJob(m.getJobId(), m.getAttempt())).toList()))
              .getLostJobIds();
    } catch (RuntimeException e) {
      log.warn(
          "Could not confirm {} pushed jobs after a pause ({}); refusing them",
          jobs.size(),
          e.toString());
      return jobs.stream().map(JobMeta::getJobId).toList();
    }
    List<String> refused = new ArrayList<>(stale == null ? List.of() : stale);
    if (!refused.isEmpty()) {
      log.warn(
          "{} pushed jobs went stale during a pause of this JVM and are not run", refused.size());
    }
    refused.addAll(
        intake.accept(jobs.stream().filter(m -> !refused.contains(m.getJobId())).toList()));
    return refused;
  }

  /** Results kept while no JobTracker was reachable; refused ones (stale attempts) are done too. */
  private boolean resendResults(List<JobRunResult> results) {
    jobTrackers.invoke(Command.JOB_COMPLETED, new JobCompletedRequest(results, 0));
    return true;
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

  private void bizLog(BizLog line) {
    if (!bizLogs.offer(line)) {
      log.warn("Business log line of job {} dropped: the send buffer is full", line.getJobId());
    }
  }

  private void sendBizLogs(List<BizLog> lines) {
    try {
      jobTrackers.invoke(Command.BIZ_LOG_SEND, new BizLogSendRequest(List.copyOf(lines)));
    } catch (RuntimeException e) {
      log.warn("{} business log lines could not be sent: {}", lines.size(), e.toString());
    }
  }

  private void pullSafely() {
    try {
      List<RemotingChannel> channels = jobTrackers.connected();
      // Fully idle: let every JobTracker know, so any of them can start a new job here at once.
      // Partly busy: one JobTracker is enough; completions ask for more in the meantime.
      pull(
          intake.available() == workThreads || channels.size() <= 1
              ? channels
              : List.of(channels.get((int) (System.nanoTime() % channels.size()))));
    } catch (RuntimeException e) {
      log.warn("Pull failed: {}", e.toString());
    }
  }

  private void pull(List<RemotingChannel> channels) {
    int available = intake.available();
    if (available == 0) {
      return;
    }
    JobPullRequest request = new JobPullRequest(identity, group, available);
    for (RemotingChannel channel : channels) {
      channel
          .invokeAsync(Command.JOB_PULL, request)
          .whenComplete(
              (ack, failure) -> {
                if (failure != null) {
                  log.debug("Pull from {} failed: {}", channel.remoteAddress(), failure.toString());
                }
              });
    }
  }

  private void renewLeasesSafely() {
    List<JobMeta> held = intake.held();
    if (held.isEmpty()) {
      lastRenewedNanos = System.nanoTime();
      return;
    }
    try {
      List<LeasedJob> leased =
          held.stream().map(m -> new LeasedJob(m.getJobId(), m.getAttempt())).toList();
      List<String> refused =
          jobTrackers
              .invoke(Command.LEASE_RENEW, new LeaseRenewRequest(identity, leased))
              .getLostJobIds();
      // A job that finished while the renewal was on its way is refused too; only jobs still held
      // here have really lost their lease.
      Set<String> stillHeld = new HashSet<>();
      intake.held().forEach(m -> stillHeld.add(m.getJobId() + "#" + m.getAttempt()));
      List<String> lost =
          refused == null
              ? List.of()
              : held.stream()
                  .filter(m -> refused.contains(m.getJobId()))
                  .filter(m -> stillHeld.contains(m.getJobId() + "#" + m.getAttempt()))
                  .map(JobMeta::getJobId)
                  .toList();
      lastRenewedNanos = System.nanoTime();
      if (!lost.isEmpty()) {
        log.warn(
            "Lost the lease of {} running jobs ({}); {}",
            lost.size(),
            lost.subList(0, Math.min(10, lost.size())),
            stopWorking
                ? "they are interrupted (tasktracker.stop.working.enable)"
                : "their results will be refused");
        if (stopWorking) {
          lost.forEach(pool::interrupt);
        }
      }
    } catch (RuntimeException e) {
      log.warn("Renewing {} leases failed: {}", held.size(), e.toString());
      stopWorkingIfCutOff();
    }
  }

  /**
   * tasktracker.stop.working.enable: cut off from every JobTracker for longer than a lease, this
   * node's jobs have been handed to other TaskTrackers; stop them here rather than run them twice.
   */
  private void stopWorkingIfCutOff() {
    long silentMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastRenewedNanos);
    if (!stopWorking || silentMillis <= leaseMillis) {
      return;
    }
    List<JobMeta> waiting = intake.clearBacklog();
    List<JobMeta> running = pool.runningJobs();
    running.forEach(meta -> pool.interrupt(meta.getJobId()));
    if (!running.isEmpty() || !waiting.isEmpty()) {
      log.warn(
          "No lease renewed for {} ms (lease {} ms): interrupted {} running jobs and dropped {}"
              + " waiting ones; they run again elsewhere (tasktracker.stop.working.enable)",
          silentMillis,
          leaseMillis,
          running.size(),
          waiting.size());
    }
  }

  /** Threads free for new jobs. */
  public int availableThreads() {
    return intake.available();
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
    pauses.close();
    List<JobMeta> unfinished = pool.stop(stopTimeoutMillis);
    if (!unfinished.isEmpty()) {
      log.warn(
          "{} jobs were still running after {} ms and were interrupted: {}",
          unfinished.size(),
          stopTimeoutMillis,
          unfinished);
    }
    List<JobMeta> waiting = intake.clearBacklog();
    if (!waiting.isEmpty()) {
      log.info("{} jobs waiting to start run elsewhere when their leases end", waiting.size());
    }
    reporter.close();
    if (resultFailStore != null) {
      resultFailStore.close();
    }
    bizLogs.close(5_000);
    context.registry().unsubscribe(jobTrackers);
    jobTrackers.close();
  }
}
