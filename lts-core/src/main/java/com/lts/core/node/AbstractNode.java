package com.lts.core.node;

import com.lts.core.LtsException;
import com.lts.core.cluster.MasterChangeListener;
import com.lts.core.cluster.Node;
import com.lts.core.cluster.NodeChangeListener;
import com.lts.core.cluster.NodeType;
import com.lts.core.config.ConfigKey;
import com.lts.core.config.ConfigKeys;
import com.lts.core.config.NodeConfig;
import com.lts.core.config.NodeProperties;
import com.lts.core.event.FailureCount;
import com.lts.core.event.NodeEvent;
import com.lts.core.event.NodeListener;
import com.lts.core.internal.background.NodeEventBus;
import com.lts.core.internal.net.NodeAddresses;
import com.lts.core.monitor.NodeHealth;
import com.lts.core.monitor.NodeMetrics;
import com.lts.core.monitor.internal.NodeStateTracker;
import com.lts.core.monitor.internal.StatsCollector;
import com.lts.core.monitor.internal.StatsReporter;
import com.lts.core.registry.MasterElector;
import com.lts.core.registry.Registries;
import com.lts.core.registry.Registry;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every LTS node shares: the seed's setters, {@code addConfig}, listeners, and the life cycle
 * — {@link #start()} checks the configuration, opens the registry, starts the role, announces the
 * node and joins the election of its type and group; {@link #stop()} undoes it in reverse.
 */
public abstract class AbstractNode {

  private static final Logger log = LoggerFactory.getLogger(AbstractNode.class);

  private final NodeType nodeType;
  private final NodeConfig.Builder config;
  private final List<MasterChangeListener> masterChangeListeners = new CopyOnWriteArrayList<>();
  private final List<NodeChangeListener> nodeChangeListeners = new CopyOnWriteArrayList<>();
  private final List<NodeListener> nodeListeners = new CopyOnWriteArrayList<>();
  private Clock clock = Clock.systemUTC();
  private MeterRegistry meterRegistry;

  private boolean started;
  private volatile Running running;

  protected AbstractNode(NodeType nodeType) {
    this.nodeType = nodeType;
    this.config = NodeConfig.builder(nodeType);
  }

  public void setRegistryAddress(String registryAddress) {
    config.registryAddress(registryAddress);
  }

  public void setClusterName(String clusterName) {
    config.clusterName(clusterName);
  }

  public void setIdentity(String identity) {
    config.identity(identity);
  }

  public void setBindIp(String bindIp) {
    config.bindIp(bindIp);
  }

  /** Root folder for this node's local files; default {@code user.home}. */
  public void setDataPath(String dataPath) {
    config.dataPath(dataPath);
  }

  public void setInvokeTimeoutMillis(long invokeTimeoutMillis) {
    config.invokeTimeoutMillis(invokeTimeoutMillis);
  }

  /**
   * One LTS configuration key (see docs/configuration.md), parsed at once.
   *
   * @throws com.lts.core.config.ConfigException for an unknown key (naming the nearest known one)
   *     or a bad value
   */
  public void addConfig(String key, String value) {
    config.config(key, value);
  }

  /**
   * Node settings and LTS keys from a properties file, LTS Admin or Spring Boot properties, as
   * {@link com.lts.core.config.NodeProperties} maps them; applied over what was set before.
   */
  public void configure(NodeProperties properties) {
    properties.applyTo(config);
  }

  /** Typed form of {@link #addConfig(String, String)}. */
  public <T> void addConfig(ConfigKey<T> key, T value) {
    config.config(key, value);
  }

  /** Told on every change of the master of this node's type and group. */
  public void addMasterChangeListener(MasterChangeListener listener) {
    masterChangeListeners.add(Objects.requireNonNull(listener));
  }

  /** Told when nodes of any type join or leave the cluster. */
  public void addNodeChangeListener(NodeChangeListener listener) {
    nodeChangeListeners.add(Objects.requireNonNull(listener));
  }

  /**
   * Told what happens to this node (see {@link NodeEvent}): background failures, store and registry
   * outages, mastership, and what became of jobs. Listeners are called in order on a thread of the
   * node's own; one that throws is logged and keeps getting events. May be added at any time.
   */
  public void addNodeListener(NodeListener listener) {
    nodeListeners.add(Objects.requireNonNull(listener));
  }

  /**
   * How often each background task failed, per kind, since the node started (empty when it is not
   * started).
   */
  public List<FailureCount> failureCounts() {
    Running r = running;
    return r == null ? List.of() : r.events.failureCounts();
  }

  /** The clock for everything time-based in this node; for tests. */
  public void setClock(Clock clock) {
    this.clock = Objects.requireNonNull(clock);
  }

  /**
   * Where the node's meters are also published (see docs/monitoring.md), e.g. a Spring Boot app's
   * registry or a {@code PrometheusMeterRegistry}; set before {@link #start()}. Each meter carries
   * the node's identity, type and group as tags, so several nodes may share one registry.
   */
  public void setMeterRegistry(MeterRegistry meterRegistry) {
    this.meterRegistry = Objects.requireNonNull(meterRegistry);
  }

  /** The node's meters, including those of the registry given; only while started. */
  public MeterRegistry meterRegistry() {
    return requireRunning().metrics.registry();
  }

  /**
   * The node's health now: registry connection, store (JobTracker), mastership, FailStore backlog.
   * A node that is not started is reported down.
   */
  public NodeHealth health() {
    Running r = running;
    if (r == null) {
      return new NodeHealth(null, nodeType, null, false, false, null, false, 0);
    }
    return new NodeHealth(
        r.config.identity(),
        nodeType,
        r.config.nodeGroup(),
        true,
        r.state.registryConnected(),
        r.role.storeReachable(r.state.storeReachable()),
        r.elector.isMaster(),
        r.state.failStoreBacklog());
  }

  protected void setNodeGroupInternal(String nodeGroup) {
    config.nodeGroup(nodeGroup);
  }

  protected void setListenPortInternal(int listenPort) {
    config.listenPort(listenPort);
  }

  protected void setWorkThreadsInternal(int workThreads) {
    config.workThreads(workThreads);
  }

  /**
   * Starts the node.
   *
   * @throws LtsException saying what failed and what to fix; nothing is left running
   */
  public final synchronized void start() {
    if (started) {
      throw new IllegalStateException(nodeType + " was already started; make a new one to restart");
    }
    started = true;
    NodeConfig nodeConfig = config.build();
    nodeConfig.configs().startWarnings(nodeType).forEach(log::warn);
    NodeMetrics metrics =
        new NodeMetrics(nodeConfig.identity(), nodeType, nodeConfig.nodeGroup(), meterRegistry);
    NodeStateTracker state = new NodeStateTracker(metrics);
    NodeEventBus events = new NodeEventBus(nodeConfig.identity(), nodeListeners, state);
    Registry registry = null;
    RoleRuntime role = null;
    Election elector = null;
    StatsReporter stats = null;
    try {
      registry = Registries.open(nodeConfig, events);
      Node self = selfNode(nodeConfig);
      Election election = new Election(registry, self, nodeConfig.nodeGroup(), events);
      role =
          startRole(new NodeContext(nodeConfig, registry, self, clock, events, election, metrics));
      registry.register(self);
      elector = election;
      election.join(role);
      stats = startStats(nodeConfig, metrics, role);
      for (NodeChangeListener listener : nodeChangeListeners) {
        for (NodeType type : NodeType.values()) {
          registry.subscribe(type, null, listener);
        }
      }
      running =
          new Running(
              nodeConfig,
              registry,
              role,
              elector,
              self,
              events,
              metrics,
              state,
              stats,
              keepAlive(nodeConfig));
      log.info("{} {} started: {}", nodeType, nodeConfig.identity(), self);
    } catch (RuntimeException | Error e) {
      closeQuietly(stats);
      closeQuietly(elector);
      closeQuietly(role);
      closeQuietly(registry);
      events.close();
      if (e instanceof LtsException || e instanceof Error) {
        throw e;
      }
      throw new LtsException(
          nodeType + " " + nodeConfig.identity() + " could not start: " + e.getMessage(), e);
    }
  }

  private StatsReporter startStats(NodeConfig nodeConfig, NodeMetrics metrics, RoleRuntime role) {
    if (nodeConfig.get(ConfigKeys.STAT_REPORTER_CLOSED)) {
      return null;
    }
    StatsReporter stats =
        new StatsReporter(
            new StatsCollector(metrics, nodeConfig.identity(), nodeType, nodeConfig.nodeGroup()),
            nodeConfig.get(ConfigKeys.STATS_INTERVAL),
            clock,
            role::reportStats,
            nodeConfig.identity());
    stats.start();
    return stats;
  }

  /**
   * A started node keeps its JVM running until it is stopped, as LTS nodes did: a main that only
   * starts a TaskTracker must not exit. (All of LTS's own threads are daemons.)
   */
  private static CountDownLatch keepAlive(NodeConfig nodeConfig) {
    CountDownLatch stopped = new CountDownLatch(1);
    Thread thread =
        new Thread(
            () -> {
              try {
                stopped.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "lts-node-" + nodeConfig.identity());
    thread.setDaemon(false);
    thread.start();
    return stopped;
  }

  /** Builds and starts this node's role; the node is announced after this returns. */
  protected abstract RoleRuntime startRole(NodeContext context);

  private Node selfNode(NodeConfig nodeConfig) {
    Node self = new Node();
    self.setIdentity(nodeConfig.identity());
    self.setNodeType(nodeType);
    self.setClusterName(nodeConfig.clusterName());
    self.setGroup(nodeConfig.nodeGroup());
    self.setIp(
        NodeAddresses.announcedAddress(
            nodeConfig.bindIp(), nodeConfig.get(ConfigKeys.CLUSTER_TOKEN) != null));
    self.setHostName(NodeAddresses.hostName());
    self.setThreads(nodeConfig.workThreads());
    self.setCreateTime(clock.millis());
    self.setVersion(LtsVersion.get());
    return self;
  }

  /** Stops the node: leaves the election, stops the role, then leaves the registry. */
  public final synchronized void stop() {
    Running r = running;
    if (r == null) {
      return;
    }
    closeQuietly(r.stats);
    closeQuietly(r.elector);
    closeQuietly(r.role);
    closeQuietly(r.registry);
    r.events.close();
    running = null;
    r.keepAlive.countDown();
    log.info("{} {} stopped", nodeType, r.config.identity());
  }

  /** LTS's name for {@link #stop()}. */
  public void destroy() {
    stop();
  }

  public boolean isStarted() {
    return running != null;
  }

  /** Whether this node is master of its type and group right now. */
  public boolean isMaster() {
    Running r = running;
    return r != null && r.elector.isMaster();
  }

  /** The checked configuration; only while started. */
  public NodeConfig nodeConfig() {
    return requireRunning().config;
  }

  /** This node as the registry shows it; only while started. */
  public Node self() {
    return requireRunning().self;
  }

  protected RoleRuntime role() {
    return requireRunning().role;
  }

  private Running requireRunning() {
    Running r = running;
    if (r == null) {
      throw new IllegalStateException(nodeType + " is not started");
    }
    return r;
  }

  private static void closeQuietly(AutoCloseable closeable) {
    if (closeable == null) {
      return;
    }
    try {
      closeable.close();
    } catch (Exception e) {
      log.warn("Closing {} failed: {}", closeable, e.toString(), e);
    }
  }

  /**
   * The node's elector, which a role may withdraw and rejoin: a new {@link MasterElector} for each
   * time the node joins, with the role and the node's master listeners on it.
   */
  private final class Election implements Candidacy, AutoCloseable {

    private final Registry registry;
    private final Node self;
    private final String group;
    private final NodeEventBus events;
    private RoleRuntime role;
    private MasterElector current;
    private boolean closed;

    Election(Registry registry, Node self, String group, NodeEventBus events) {
      this.registry = registry;
      this.self = self;
      this.group = group;
      this.events = events;
    }

    synchronized void join(RoleRuntime role) {
      this.role = role;
      rejoin();
    }

    @Override
    public synchronized void rejoin() {
      if (closed || current != null || role == null) {
        return;
      }
      RoleRuntime master = role;
      MasterElector elector = registry.masterElector(self);
      elector.addListener(
          (node, isMaster) -> {
            master.masterChanged(isMaster);
            events.publish(
                isMaster ? new NodeEvent.MasterGained(group) : new NodeEvent.MasterLost(group));
          });
      masterChangeListeners.forEach(elector::addListener);
      current = elector;
      elector.start();
    }

    @Override
    public void withdraw() {
      MasterElector leaving;
      synchronized (this) {
        leaving = current;
        current = null;
      }
      if (leaving != null) {
        leaving.close();
      }
    }

    synchronized boolean isMaster() {
      return current != null && current.isMaster();
    }

    @Override
    public void close() {
      synchronized (this) {
        closed = true;
      }
      withdraw();
    }
  }

  private record Running(
      NodeConfig config,
      Registry registry,
      RoleRuntime role,
      Election elector,
      Node self,
      NodeEventBus events,
      NodeMetrics metrics,
      NodeStateTracker state,
      StatsReporter stats,
      CountDownLatch keepAlive) {}
}
