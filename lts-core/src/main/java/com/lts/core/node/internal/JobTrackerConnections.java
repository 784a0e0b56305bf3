package com.lts.core.node.internal;

import com.lts.core.cluster.Node;
import com.lts.core.cluster.NodeChangeListener;
import com.lts.core.config.ConfigKeys;
import com.lts.core.config.NodeConfig;
import com.lts.core.event.NodeEvents;
import com.lts.core.loadbalance.LoadBalance;
import com.lts.core.node.JobTrackerNotFoundException;
import com.lts.core.store.NodeStats;
import com.lts.remoting.ConnectionClosedException;
import com.lts.remoting.RemoteErrorException;
import com.lts.remoting.RemotingConnectException;
import com.lts.remoting.RemotingException;
import com.lts.remoting.RemotingTimeoutException;
import com.lts.remoting.ResponseStatus;
import com.lts.remoting.internal.RemotingChannel;
import com.lts.remoting.internal.auth.ServerAddresses;
import com.lts.remoting.internal.client.ClientSettings;
import com.lts.remoting.internal.client.RemotingClient;
import com.lts.remoting.internal.command.Command;
import com.lts.remoting.internal.command.NodeStatsSendRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A JobClient's or TaskTracker's connections to the JobTrackers of its cluster. It connects to
 * every JobTracker the registry shows (there are few), so any JobTracker can push jobs or feedback
 * to this node at once, and a request moves to another JobTracker the moment one goes away. Which
 * JobTracker serves a request is decided per request by the configured {@link LoadBalance}.
 */
public final class JobTrackerConnections implements NodeChangeListener, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(JobTrackerConnections.class);
  private static final long SLOW_PENALTY_NANOS = TimeUnit.SECONDS.toNanos(30);

  private final NodeConfig config;
  private final LoadBalance loadBalance;
  private final Consumer<RemotingClient> setup;
  private final NodeEvents events;
  private final Duration connectTimeout;
  private final Map<String, RemotingClient> clients = new ConcurrentHashMap<>();
  private final Map<RemotingChannel, Long> slow = new ConcurrentHashMap<>();
  private volatile boolean closed;

  /**
   * @param setup registers this node's processors (e.g. PUSH_JOB) and listeners on each new client
   *     before it connects
   */
  public JobTrackerConnections(
      NodeConfig config,
      LoadBalance loadBalance,
      Consumer<RemotingClient> setup,
      NodeEvents events) {
    this.config = config;
    this.events = events;
    this.loadBalance = loadBalance;
    this.setup = setup;
    this.connectTimeout = config.get(ConfigKeys.CONNECT_TIMEOUT);
  }

  @Override
  public void added(List<Node> nodes) {
    for (Node node : nodes) {
      if (closed) {
        return;
      }
      warnIfUnprotected(node);
      RemotingClient client =
          new RemotingClient(
              ClientSettings.builder(config, node.getIp(), node.getPort())
                  .requestTimeout(Duration.ofMillis(config.invokeTimeoutMillis()))
                  .events(events)
                  .build());
      setup.accept(client);
      RemotingClient previous = clients.put(node.getIdentity(), client);
      if (previous != null) {
        previous.close();
      }
      client.start();
      log.info(
          "{} connecting to JobTracker {} at {}",
          config.identity(),
          node.getIdentity(),
          node.getAddress());
    }
  }

  /**
   * Without a token this node cannot tell a JobTracker from anyone who added a registry entry:
   * harmless on one machine, worth a warning across a network.
   */
  private void warnIfUnprotected(Node node) {
    if (config.get(ConfigKeys.CLUSTER_TOKEN) != null
        || ServerAddresses.isLoopbackHost(node.getIp())) {
      return;
    }
    log.warn(
        "{} connects to JobTracker {} at {} without lts.cluster.token: it cannot check that the"
            + " server is a JobTracker of this cluster (anyone who can add a registry entry could"
            + " pose as one), and the JobTracker accepts no remote peer without a token. Set the"
            + " same lts.cluster.token on every node.",
        config.identity(),
        node.getIdentity(),
        node.getAddress());
  }

  @Override
  public void removed(List<Node> nodes) {
    for (Node node : nodes) {
      RemotingClient client = clients.remove(node.getIdentity());
      if (client != null) {
        log.info("{}: JobTracker {} left the cluster", config.identity(), node.getIdentity());
        client.close();
      }
    }
  }

  /** The authenticated connections that are up now. */
  public List<RemotingChannel> connected() {
    List<RemotingChannel> channels = new ArrayList<>();
    for (RemotingClient client : clients.values()) {
      client.channel().filter(RemotingChannel::isActive).ifPresent(channels::add);
    }
    return channels;
  }

  /**
   * Waits up to {@code timeout} until at least one JobTracker connection is up.
   *
   * @return whether one is
   */
  public boolean awaitAny(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (connected().isEmpty()) {
      if (System.nanoTime() >= deadline || closed) {
        return false;
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }

  /** How many JobTrackers the registry shows (connected or not). */
  public int known() {
    return clients.size();
  }

  /**
   * Sends this node's statistics rows to a JobTracker ({@code NODE_STATS_SEND}), which stores them
   * under this connection's identity.
   *
   * @throws RuntimeException when no JobTracker took them
   */
  public void sendStats(List<NodeStats> stats) {
    List<NodeStatsSendRequest.Row> rows = new ArrayList<>(stats.size());
    stats.forEach(s -> rows.add(new NodeStatsSendRequest.Row(s.minute(), s.values())));
    invoke(Command.NODE_STATS_SEND, new NodeStatsSendRequest(rows));
  }

  /**
   * Sends {@code request} to one JobTracker picked by the load balancer, moving to the next one
   * when a JobTracker cannot be reached or its connection drops before it answers. Use it only for
   * requests that are safe to repeat on another JobTracker (they all are: submits are idempotent
   * per task id).
   *
   * @throws JobTrackerNotFoundException when no JobTracker took the request
   * @throws RemoteErrorException when a JobTracker received the request and answered with an error
   */
  public <Q, R> R invoke(Command<Q, R> command, Q request) {
    return invoke(command, request, null);
  }

  /**
   * {@link #invoke(Command, Object)} with a deadline per JobTracker: one that does not answer
   * within {@code timeout} (frozen, or its network stalled while the connection looks up) is passed
   * over for the next, and picked last for a while afterwards. Only for requests whose effect is
   * harmless when the slow JobTracker applies them late too (lease renewals).
   */
  public <Q, R> R invoke(Command<Q, R> command, Q request, Duration timeout) {
    List<RemotingChannel> candidates = connected();
    if (candidates.isEmpty() && known() > 0 && awaitAny(connectTimeout)) {
      candidates = connected(); // a JobTracker is known but its connection was still being made
    }
    RemotingException last = null;
    while (!candidates.isEmpty()) {
      RemotingChannel channel = loadBalance.select(preferred(candidates), config.identity());
      try {
        R response =
            timeout == null
                ? channel.invokeSync(command, request)
                : channel.invokeSync(command, request, timeout);
        slow.remove(channel);
        return response;
      } catch (RemotingConnectException | ConnectionClosedException e) {
        last = e;
      } catch (RemotingTimeoutException e) {
        if (timeout == null) {
          throw e;
        }
        slow.put(channel, System.nanoTime() + SLOW_PENALTY_NANOS);
        log.warn(
            "{}: JobTracker at {} did not answer {} within {} ms; trying another",
            config.identity(),
            channel.remoteAddress(),
            command.code(),
            timeout.toMillis());
        last = e;
      } catch (RemoteErrorException e) {
        if (e.status() != ResponseStatus.SYSTEM_BUSY
            && e.status() != ResponseStatus.UNAUTHENTICATED) {
          throw e;
        }
        last = e;
      }
      candidates.remove(channel);
    }
    throw new JobTrackerNotFoundException(
        (known() == 0
                ? "No JobTracker is registered in cluster '"
                    + config.clusterName()
                    + "' at "
                    + config.registryAddress()
                : "None of the "
                    + known()
                    + " JobTrackers of cluster '"
                    + config.clusterName()
                    + "' took "
                    + command.code())
            + (last == null ? "" : ": " + last.getMessage()),
        last);
  }

  /** The candidates that did not time out lately; all of them when every one did. */
  private List<RemotingChannel> preferred(List<RemotingChannel> candidates) {
    long now = System.nanoTime();
    slow.entrySet().removeIf(e -> !e.getKey().isActive() || now - e.getValue() > 0);
    if (slow.isEmpty()) {
      return candidates;
    }
    List<RemotingChannel> fast = new ArrayList<>(candidates);
    fast.removeAll(slow.keySet());
    return fast.isEmpty() ? candidates : fast;
  }

  @Override
  public void close() {
    closed = true;
    clients.values().forEach(RemotingClient::close);
    clients.clear();
  }
}
