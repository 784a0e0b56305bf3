package com.lts.core.registry.internal.zookeeper;

import com.lts.core.cluster.Names;
import com.lts.core.cluster.Node;
import com.lts.core.cluster.NodeChangeListener;
import com.lts.core.cluster.NodeType;
import com.lts.core.config.ConfigKeys;
import com.lts.core.config.LtsConfig;
import com.lts.core.event.FailureKind;
import com.lts.core.event.NodeEvent;
import com.lts.core.event.NodeEvents;
import com.lts.core.internal.background.Background;
import com.lts.core.internal.json.Json;
import com.lts.core.internal.json.JsonException;
import com.lts.core.registry.MasterElector;
import com.lts.core.registry.Registry;
import com.lts.core.registry.RegistryException;
import com.lts.core.registry.internal.NodeEventHub;
import com.lts.core.registry.internal.RegistryEventThread;
import com.lts.core.registry.internal.RegistryPaths;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.framework.api.ACLProvider;
import org.apache.curator.framework.recipes.cache.ChildData;
import org.apache.curator.framework.recipes.cache.CuratorCache;
import org.apache.curator.framework.recipes.cache.CuratorCacheListener;
import org.apache.curator.framework.state.ConnectionState;
import org.apache.curator.retry.BoundedExponentialBackoffRetry;
import org.apache.curator.utils.ZKPaths;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.data.ACL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A registry on ZooKeeper. Each node is an ephemeral znode {@code
 * /LTS/{cluster}/NODES/{TYPE}/{identity}} holding the node as JSON, kept present by an {@link
 * EphemeralEntry} (so it is written again after a session expiry); subscribers read a {@link
 * CuratorCache} of the type's folder.
 */
public final class ZooKeeperRegistry implements Registry {

  private static final Logger log = LoggerFactory.getLogger(ZooKeeperRegistry.class);

  /**
   * Retries of one operation. Few on purpose: entries, caches and the election recover by
   * themselves after a reconnect, so long retry loops would only hold callers up.
   */
  private static final int OPERATION_RETRIES = 3;

  private final String clusterName;
  private final String connectString;
  private final RegistryPaths paths;
  private final long connectionTimeoutMillis;
  private final RegistryEventThread events;
  private final NodeEventHub hub;
  private final CuratorFramework client;
  private final Map<String, EphemeralEntry> registered = new ConcurrentHashMap<>();

  /** Entries unregistered while disconnected; deleted once connected, if still this session's. */
  private final Map<String, EphemeralEntry> unregisteredOffline = new ConcurrentHashMap<>();

  private final ScheduledExecutorService writer;
  private final Map<NodeType, CuratorCache> caches = new ConcurrentHashMap<>();
  private final List<ZooKeeperMasterElector> electors = new CopyOnWriteArrayList<>();
  private final NodeEvents nodeEvents;
  private final Background background;
  private volatile boolean connected;
  private volatile boolean closed;

  ZooKeeperRegistry(
      String connectString, String clusterName, LtsConfig config, NodeEvents nodeEvents) {
    this.nodeEvents = nodeEvents;
    this.background = new Background(nodeEvents, ZooKeeperRegistry.class);
    this.clusterName = clusterName;
    this.connectString = connectString;
    this.paths = new RegistryPaths(clusterName);
    this.connectionTimeoutMillis = config.get(ConfigKeys.ZK_CONNECTION_TIMEOUT).toMillis();
    int reconnectMillis = Math.toIntExact(config.get(ConfigKeys.RECONNECT_PERIOD).toMillis());
    this.events = new RegistryEventThread("lts-registry-zk-" + clusterName, background);
    this.hub = new NodeEventHub(events);
    this.writer =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "lts-registry-zk-writer-" + clusterName);
              thread.setDaemon(true);
              return thread;
            });
    CuratorFrameworkFactory.Builder builder = CuratorFrameworkFactory.builder();
    String user = config.get(ConfigKeys.REGISTRY_USERNAME);
    if (user != null) {
      String password = config.get(ConfigKeys.REGISTRY_PASSWORD);
      if (password == null) {
        throw new RegistryException(
            "registry.auth.username is set without registry.auth.password: a ZooKeeper digest"
                + " user needs both");
      }
      builder
          .authorization("digest", (user + ":" + password).getBytes(StandardCharsets.UTF_8))
          .aclProvider(new CreatorOnlyAcl());
    }
    this.client =
        builder
            .connectString(connectString)
            .sessionTimeoutMs(Math.toIntExact(config.get(ConfigKeys.ZK_SESSION_TIMEOUT).toMillis()))
            .connectionTimeoutMs(Math.toIntExact(connectionTimeoutMillis))
            .retryPolicy(
                new BoundedExponentialBackoffRetry(
                    Math.min(100, reconnectMillis), reconnectMillis, OPERATION_RETRIES))
            .build();
    client.getConnectionStateListenable().addListener((c, state) -> connectionChanged(state));
    client.start();
    awaitConnection();
    // A safety net under the watches: check every entry now and then, and write back any missing.
    long retryMillis = config.get(ConfigKeys.RETRY_PERIOD).toMillis();
    writer.scheduleWithFixedDelay(
        background.guard(
            "ZooKeeper registry check",
            () -> {
              if (connected) {
                registered.values().forEach(entry -> entry.ensure(false));
              }
            }),
        retryMillis,
        retryMillis,
        TimeUnit.MILLISECONDS);
  }

  private void awaitConnection() {
    boolean up;
    try {
      up =
          client.blockUntilConnected(
              Math.toIntExact(connectionTimeoutMillis), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      up = false;
    }
    if (!up) {
      client.close();
      writer.shutdownNow();
      events.close();
      throw new RegistryException(
          "Cannot connect to ZooKeeper at "
              + connectString
              + " within "
              + connectionTimeoutMillis
              + " ms ("
              + ConfigKeys.ZK_CONNECTION_TIMEOUT.name()
              + "); check that it runs and the registry address is right");
    }
    connected = true;
  }

  private void connectionChanged(ConnectionState state) {
    boolean up = state.isConnected();
    if (up != connected) {
      log.info("ZooKeeper {} for cluster {}: {}", connectString, clusterName, state);
      if (!closed) {
        nodeEvents.publish(
            up
                ? new NodeEvent.RegistryBack(
                    ZooKeeperRegistryFactory.SCHEME + "://" + connectString)
                : new NodeEvent.RegistryLost(
                    ZooKeeperRegistryFactory.SCHEME + "://" + connectString));
      }
    }
    connected = up;
    electors.forEach(ZooKeeperMasterElector::reevaluate);
    if (up && !closed) {
      // After a new session the entries are gone (or belong to the old session): write them again.
      registered.values().forEach(EphemeralEntry::ensureLater);
      unregisteredOffline.forEach(
          (path, entry) -> {
            try {
              writer.execute(() -> deleteOffline(path, entry));
            } catch (RejectedExecutionException e) {
              log.debug("Registry closed; the session end removes {}", path);
            }
          });
      caches.keySet().forEach(this::refresh);
    }
  }

  @Override
  public String clusterName() {
    return clusterName;
  }

  @Override
  public void register(Node node) {
    RegistryPaths.requireNameable(node);
    checkOpen();
    String path = paths.node(node.getNodeType(), node.getIdentity());
    EphemeralEntry entry = new EphemeralEntry(client, writer, path, Json.toBytes(node), background);
    EphemeralEntry previous = registered.put(path, entry);
    if (previous != null) {
      previous.deactivate(false);
    }
    unregisteredOffline.remove(path);
    Future<?> written = writer.submit(() -> entry.ensure(true));
    try {
      written.get(connectionTimeoutMillis, TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      log.warn("{} is not registered yet; retrying when connected", node);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void unregister(Node node) {
    String path = paths.node(node.getNodeType(), node.getIdentity());
    EphemeralEntry entry = registered.remove(path);
    if (entry == null) {
      return;
    }
    if (connected) {
      entry.deactivate(true);
    } else {
      entry.deactivate(false);
      unregisteredOffline.put(path, entry);
    }
  }

  private void deleteOffline(String path, EphemeralEntry entry) {
    if (unregisteredOffline.remove(path, entry)) {
      entry.deactivate(true);
    }
  }

  @Override
  public void subscribe(NodeType type, String group, NodeChangeListener listener) {
    checkOpen();
    startCache(type);
    hub.subscribe(type, group, listener);
  }

  @Override
  public void unsubscribe(NodeChangeListener listener) {
    hub.unsubscribe(listener);
  }

  @Override
  public List<Node> nodes(NodeType type) {
    return hub.nodes(type);
  }

  @Override
  public MasterElector masterElector(Node candidate) {
    RegistryPaths.requireNameable(candidate);
    checkOpen();
    ZooKeeperMasterElector elector =
        new ZooKeeperMasterElector(
            this, events, paths.election(candidate.getNodeType(), candidate.getGroup()), candidate);
    electors.add(elector);
    return elector;
  }

  @Override
  public Optional<Node> master(NodeType type, String group) {
    Names.require("group", group);
    String path = paths.election(type, group);
    try {
      Optional<String> leader =
          client.getChildren().forPath(path).stream()
              .filter(name -> name.contains(ZooKeeperMasterElector.LATCH_MARK))
              .min(Comparator.comparingLong(ZooKeeperMasterElector::sequence));
      if (leader.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(
          Json.fromBytes(
              client.getData().forPath(ZKPaths.makePath(path, leader.get())), Node.class));
    } catch (KeeperException.NoNodeException e) {
      return Optional.empty(); // no election yet, or the leader left between the two reads
    } catch (Exception e) {
      throw new RegistryException("Cannot read the master at " + path + ": " + e.getMessage(), e);
    }
  }

  @Override
  public boolean isConnected() {
    return connected && !closed;
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    electors.forEach(ZooKeeperMasterElector::close);
    caches.values().forEach(CuratorCache::close);
    registered.values().forEach(entry -> entry.deactivate(false));
    registered.clear();
    writer.shutdownNow();
    // Closing the session removes every ephemeral entry at once, without waiting for a lost
    // connection as deleting them one by one would.
    client.close();
    events.close();
  }

  void forgetElector(ZooKeeperMasterElector elector) {
    electors.remove(elector);
  }

  /** Creates {@code path} and its parents as persistent znodes when missing. */
  void ensurePath(String path) {
    try {
      if (client.checkExists().forPath(path) == null) {
        client.create().creatingParentsIfNeeded().forPath(path);
      }
    } catch (KeeperException.NodeExistsException e) {
      log.debug("{} created concurrently", path);
    } catch (Exception e) {
      throw new RegistryException("Cannot create " + path + " in ZooKeeper " + connectString, e);
    }
  }

  private synchronized void startCache(NodeType type) {
    if (caches.containsKey(type)) {
      return;
    }
    ensurePath(paths.nodes(type));
    CuratorCache cache = CuratorCache.build(client, paths.nodes(type));
    cache
        .listenable()
        .addListener(
            CuratorCacheListener.builder()
                .forAll((eventType, oldData, data) -> refresh(type))
                .forInitialized(() -> refresh(type))
                .build());
    caches.put(type, cache);
    cache.start();
  }

  private void refresh(NodeType type) {
    hub.refresh(type, () -> readCache(type));
  }

  private Collection<Node> readCache(NodeType type) {
    CuratorCache cache = caches.get(type);
    String folder = paths.nodes(type);
    List<Node> nodes = new ArrayList<>();
    if (cache == null) {
      return nodes;
    }
    cache.stream()
        .filter(data -> folder.equals(ZKPaths.getPathAndNode(data.getPath()).getPath()))
        .forEach(
            data -> {
              Node node = parse(data);
              if (node != null) {
                nodes.add(node);
              }
            });
    return nodes;
  }

  private static Node parse(ChildData data) {
    if (data.getData() == null || data.getData().length == 0) {
      return null;
    }
    try {
      return Json.fromBytes(data.getData(), Node.class);
    } catch (JsonException e) {
      log.warn("Ignoring unreadable registry entry {}: {}", data.getPath(), e.getMessage());
      return null;
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("Registry of cluster " + clusterName + " is closed");
    }
  }

  /** The Curator client (tests use it to expire the session). */
  CuratorFramework client() {
    return client;
  }

  /** Connection trouble is transient; any other ZooKeeper or Curator failure is not. */
  static FailureKind kindOf(Exception e) {
    if (e instanceof KeeperException keeper) {
      return switch (keeper.code()) {
        case CONNECTIONLOSS, SESSIONEXPIRED, SESSIONMOVED, OPERATIONTIMEOUT ->
            FailureKind.REGISTRY_UNREACHABLE;
        default -> FailureKind.UNEXPECTED;
      };
    }
    return Background.kindOf(e);
  }

  /** Every node LTS creates: all rights for the digest user that created it, none for others. */
  private static final class CreatorOnlyAcl implements ACLProvider {
    @Override
    public List<ACL> getDefaultAcl() {
      return ZooDefs.Ids.CREATOR_ALL_ACL;
    }

    @Override
    public List<ACL> getAclForPath(String path) {
      return ZooDefs.Ids.CREATOR_ALL_ACL;
    }
  }
}
