package com.lts.core.registry.internal.redis;

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
import com.lts.core.registry.MasterElector;
import com.lts.core.registry.Registry;
import com.lts.core.registry.RegistryException;
import com.lts.core.registry.internal.NodeEventHub;
import com.lts.core.registry.internal.RegistryEventThread;
import com.lts.core.registry.internal.RegistryPaths;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.JedisPoolConfig;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.exceptions.JedisException;

/**
 * A registry on one Redis server.
 *
 * <ul>
 *   <li>{@code /LTS/{cluster}/NODES/{TYPE}/{identity}}: string, the node as JSON, expiring after
 *       {@code redis.session.timeout}; the owner writes it again every third of that.
 *   <li>{@code /LTS/{cluster}/NODES/{TYPE}}: set of the identities of that type (an index; members
 *       whose entry expired are removed by whoever reads them).
 *   <li>{@code /LTS/{cluster}/EVENTS}: channel; {@code NODES:{TYPE}} after a node of that type came
 *       or went, {@code MASTER:{TYPE}:{group}} after a master change.
 * </ul>
 *
 * Every renewal also re-reads the subscribed types, so a lost message or an expired entry is
 * noticed within a third of the session timeout.
 */
public final class RedisRegistry implements Registry {

  private static final Logger log = LoggerFactory.getLogger(RedisRegistry.class);
  private static final String RENEW_TASK = "Redis registry renewal";
  private static final String READ_TASK = "Redis registry read";
  private static final int MAX_SOCKET_TIMEOUT_MILLIS = 2_000;
  private static final int POOL_SIZE = 8;
  static final String MASTER_MESSAGE = "MASTER:";

  private final String clusterName;
  private final RedisAddress address;
  private final RegistryPaths paths;
  private final String channel;
  private final RedisNodeEntries entries;
  private final long sessionTimeoutMillis;
  private final long renewMillis;
  private final RegistryEventThread events;
  private final NodeEventHub hub;
  private final JedisPool pool;

  /** Keeps a renewal from writing back an entry that is being unregistered. */
  private final Object writeLock = new Object();

  private final ScheduledExecutorService scheduler;
  private final RedisChangeSubscriber subscriber;
  private final Map<String, Node> registered = new ConcurrentHashMap<>();
  private final Set<NodeType> readsQueued = ConcurrentHashMap.newKeySet();
  private final List<RedisMasterElector> electors = new CopyOnWriteArrayList<>();
  private final NodeEvents nodeEvents;
  private final Background background;
  private volatile boolean connected;
  private volatile boolean closed;

  RedisRegistry(RedisAddress address, String clusterName, LtsConfig config, NodeEvents nodeEvents) {
    this.nodeEvents = nodeEvents;
    this.background = new Background(nodeEvents, RedisRegistry.class);
    this.clusterName = clusterName;
    this.address = address;
    this.paths = new RegistryPaths(clusterName);
    this.channel = paths.root() + "/EVENTS";
    this.sessionTimeoutMillis = config.get(ConfigKeys.REDIS_SESSION_TIMEOUT).toMillis();
    this.renewMillis = sessionTimeoutMillis / 3;
    this.entries = new RedisNodeEntries(paths, channel, sessionTimeoutMillis);
    // A call must fail well before an entry or a lease can expire unnoticed.
    int socketTimeout = (int) Math.min(MAX_SOCKET_TIMEOUT_MILLIS, renewMillis);
    DefaultJedisClientConfig.Builder client =
        DefaultJedisClientConfig.builder()
            .connectionTimeoutMillis(socketTimeout)
            .socketTimeoutMillis(socketTimeout)
            .database(address.database())
            .clientName("lts-registry-" + clusterName);
    // The keys win over credentials in the address (which is easier to leak, e.g. in a log).
    String user = config.get(ConfigKeys.REGISTRY_USERNAME);
    String password = config.get(ConfigKeys.REGISTRY_PASSWORD);
    if (user == null && password == null) {
      user = address.user();
      password = address.password();
    }
    if (user != null) {
      client.user(user);
    }
    if (password != null) {
      client.password(password);
    }
    if (config.get(ConfigKeys.REDIS_SSL)) {
      client.ssl(true);
    }
    JedisClientConfig clientConfig = client.build();
    HostAndPort server = new HostAndPort(address.host(), address.port());
    JedisPoolConfig poolConfig = new JedisPoolConfig();
    poolConfig.setMaxTotal(POOL_SIZE);
    poolConfig.setJmxEnabled(false);
    // Registry calls are few; checking a connection first spares a failed call after an outage.
    poolConfig.setTestOnBorrow(true);
    this.pool = new JedisPool(poolConfig, server, clientConfig);
    checkReachable(server, clientConfig);
    this.connected = true;
    this.events = new RegistryEventThread("lts-registry-redis-" + clusterName, background);
    this.hub = new NodeEventHub(events);
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "lts-registry-redis-renew-" + clusterName);
              thread.setDaemon(true);
              return thread;
            });
    this.subscriber =
        new RedisChangeSubscriber(
            server,
            clientConfig,
            channel,
            config.get(ConfigKeys.RECONNECT_PERIOD).toMillis(),
            this::onMessage,
            this::onSubscribed,
            "lts-registry-redis-sub-" + clusterName,
            background);
    subscriber.start();
    scheduler.scheduleWithFixedDelay(
        background.guard(RENEW_TASK, this::tick), renewMillis, renewMillis, TimeUnit.MILLISECONDS);
  }

  private void checkReachable(HostAndPort server, JedisClientConfig clientConfig) {
    try (Jedis jedis = pool.getResource()) {
      jedis.ping();
    } catch (JedisException e) {
      pool.close();
      // The pool only says it could not get a connection; one connection of its own says why
      // (refused, NOAUTH, WRONGPASS, a TLS failure).
      String reason = e.getMessage();
      try (Jedis direct = new Jedis(server, clientConfig)) {
        direct.ping();
      } catch (JedisException direct) {
        reason = direct.getMessage();
        e.addSuppressed(direct);
      }
      throw new RegistryException(
          "Cannot reach Redis at "
              + address
              + ": "
              + reason
              + "; check that it runs, that the registry address is right, and that"
              + " registry.auth.username/password (and redis.ssl) match the server",
          e);
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
    synchronized (writeLock) {
      registered.put(entries.key(node), node);
      try (Jedis jedis = pool.getResource()) {
        Pipeline pipeline = jedis.pipelined();
        entries.write(pipeline, node);
        entries.announce(pipeline, node.getNodeType());
        pipeline.sync();
      } catch (JedisException e) {
        log.warn("{} is not registered yet ({}); retrying every {} ms", node, e, renewMillis);
      }
    }
  }

  @Override
  public void unregister(Node node) {
    synchronized (writeLock) {
      if (registered.remove(entries.key(node)) == null) {
        return;
      }
      try (Jedis jedis = pool.getResource()) {
        Pipeline pipeline = jedis.pipelined();
        entries.delete(pipeline, node);
        pipeline.sync();
      } catch (JedisException e) {
        log.warn("Could not remove {} ({}); it expires by itself", node, e.toString());
      }
    }
  }

  @Override
  public void subscribe(NodeType type, String group, NodeChangeListener listener) {
    checkOpen();
    hub.subscribe(type, group, listener);
    requestRead(type);
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
    RedisMasterElector elector =
        new RedisMasterElector(
            this,
            events,
            background,
            paths.election(candidate.getNodeType(), candidate.getGroup()),
            candidate,
            sessionTimeoutMillis);
    electors.add(elector);
    return elector;
  }

  @Override
  public Optional<Node> master(NodeType type, String group) {
    Names.require("group", group);
    checkOpen();
    try (Jedis jedis = pool.getResource()) {
      return Optional.ofNullable(
          RedisMasterElector.masterOf(jedis.get(paths.election(type, group))));
    } catch (JedisException e) {
      throw new RegistryException("Cannot read the master of " + type + " " + group, e);
    }
  }

  @Override
  public boolean isConnected() {
    return connected && !closed;
  }

  /** Renews this registry's entries and re-reads the subscribed types; runs every third. */
  private void tick() {
    if (closed) {
      return;
    }
    try (Jedis jedis = pool.getResource()) {
      synchronized (writeLock) {
        if (!registered.isEmpty()) {
          Pipeline pipeline = jedis.pipelined();
          registered.values().forEach(node -> entries.write(pipeline, node));
          pipeline.sync();
        }
      }
      if (!connected) {
        connected = true;
        log.info("Redis {} is reachable again for cluster {}", address, clusterName);
        nodeEvents.publish(new NodeEvent.RegistryBack(address.toString()));
        // Announce our entries (they may have expired) and resubscribe on a fresh connection.
        Pipeline pipeline = jedis.pipelined();
        registered.values().stream()
            .map(Node::getNodeType)
            .distinct()
            .forEach(type -> entries.announce(pipeline, type));
        pipeline.sync();
        subscriber.reconnect();
      }
      for (NodeType type : hub.subscribedTypes()) {
        read(jedis, type);
      }
    } catch (JedisException e) {
      if (connected) {
        connected = false;
        nodeEvents.publish(new NodeEvent.RegistryLost(address.toString()));
      }
      throw new RegistryUnreachable("Redis " + address + " for cluster " + clusterName, e);
    }
  }

  /** Redis cannot be reached; what the background runner reports for a Jedis failure. */
  static final class RegistryUnreachable extends RegistryException {
    RegistryUnreachable(String what, JedisException cause) {
      super(what + " cannot be reached: " + cause.getMessage(), cause);
    }

    @Override
    public FailureKind failureKind() {
      return FailureKind.REGISTRY_UNREACHABLE;
    }
  }

  private void requestRead(NodeType type) {
    if (closed || !readsQueued.add(type)) {
      return;
    }
    try {
      scheduler.execute(
          () -> {
            readsQueued.remove(type);
            try (Jedis jedis = pool.getResource()) {
              read(jedis, type);
              background.succeeded(READ_TASK);
            } catch (JedisException e) {
              background.failed(READ_TASK, FailureKind.REGISTRY_UNREACHABLE, e);
            }
          });
    } catch (RejectedExecutionException e) {
      readsQueued.remove(type);
    }
  }

  /** Reads every entry of {@code type} and hands the full view to the hub. */
  private void read(Jedis jedis, NodeType type) {
    hub.update(type, entries.read(jedis, type));
  }

  private void onMessage(String message) {
    if (message.startsWith(RedisNodeEntries.NODES_MESSAGE)) {
      try {
        requestRead(NodeType.valueOf(message.substring(RedisNodeEntries.NODES_MESSAGE.length())));
      } catch (IllegalArgumentException e) {
        log.debug("Ignoring registry message {}", message);
      }
    } else if (message.startsWith(MASTER_MESSAGE)) {
      String election = message.substring(MASTER_MESSAGE.length());
      electors.stream().filter(e -> e.electionKey().equals(election)).forEach(e -> e.wakeUp());
    }
  }

  private void onSubscribed() {
    // Messages sent while unsubscribed are lost: read everything again.
    hub.subscribedTypes().forEach(this::requestRead);
    electors.forEach(RedisMasterElector::wakeUp);
  }

  JedisPool pool() {
    return pool;
  }

  /** Tells every registry of the cluster that an election changed. */
  void announceMasterChange(Jedis jedis, String electionKey) {
    jedis.publish(channel, MASTER_MESSAGE + electionKey);
  }

  void forgetElector(RedisMasterElector elector) {
    electors.remove(elector);
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    electors.forEach(RedisMasterElector::close);
    scheduler.shutdownNow();
    try {
      scheduler.awaitTermination(MAX_SOCKET_TIMEOUT_MILLIS * 2L, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (!registered.isEmpty()) {
      try (Jedis jedis = pool.getResource()) {
        Pipeline pipeline = jedis.pipelined();
        registered.values().forEach(node -> entries.delete(pipeline, node));
        pipeline.sync();
      } catch (JedisException e) {
        log.warn(
            "Could not remove this registry's entries ({}); they expire by themselves",
            e.toString());
      }
      registered.clear();
    }
    subscriber.close();
    pool.close();
    events.close();
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("Registry of cluster " + clusterName + " is closed");
    }
  }
}
