package com.lts.remoting.internal.client;

import com.lts.core.config.ConfigKeys;
import com.lts.core.config.NodeConfig;
import com.lts.core.event.NodeEvents;
import com.lts.remoting.internal.Peer;
import com.lts.remoting.internal.tls.TlsSettings;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything a {@link RemotingClient} needs, taken from a node's configuration and the server's
 * address; the builder can override each value (tests use short timeouts).
 */
public final class ClientSettings {

  private final Peer self;
  private final String host;
  private final int port;
  private final String token;
  private final int maxFrameBytes;
  private final int processorThreads;
  private final int processorQueueCapacity;
  private final Duration heartbeatInterval;
  private final Duration connectTimeout;
  private final Duration requestTimeout;
  private final NodeEvents events;
  private final Duration reconnectInitialDelay;
  private final Duration reconnectMaxDelay;
  private final int writeBufferHighWaterMark;
  private final Duration writeStallTimeout;

  private final TlsSettings tls;

  private ClientSettings(Builder b) {
    this.self = b.self;
    this.host = b.host;
    this.port = b.port;
    this.token = b.token == null || b.token.isEmpty() ? null : b.token;
    this.maxFrameBytes = b.maxFrameBytes;
    this.processorThreads = b.processorThreads;
    this.processorQueueCapacity = b.processorQueueCapacity;
    this.heartbeatInterval = b.heartbeatInterval;
    this.connectTimeout = b.connectTimeout;
    this.requestTimeout = b.requestTimeout;
    this.events = b.events;
    this.reconnectInitialDelay = b.reconnectInitialDelay;
    this.reconnectMaxDelay = b.reconnectMaxDelay;
    this.writeBufferHighWaterMark = b.writeBufferHighWaterMark;
    this.writeStallTimeout = b.writeStallTimeout;
    this.tls = b.tls;
  }

  /** Settings for {@code node} connecting to the server at {@code host:port}. */
  public static Builder builder(NodeConfig node, String host, int port) {
    Builder b = new Builder();
    b.self = new Peer(node.identity(), node.nodeType(), node.nodeGroup());
    b.host = Objects.requireNonNull(host, "host");
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("port must be 1..65535, got " + port);
    }
    b.port = port;
    b.token = node.get(ConfigKeys.CLUSTER_TOKEN);
    b.maxFrameBytes = node.get(ConfigKeys.FRAME_LENGTH_MAX);
    b.processorThreads = node.get(ConfigKeys.PROCESSOR_THREADS);
    b.heartbeatInterval = node.get(ConfigKeys.HEARTBEAT_INTERVAL);
    b.connectTimeout = node.get(ConfigKeys.CONNECT_TIMEOUT);
    b.requestTimeout = Duration.ofMillis(node.invokeTimeoutMillis());
    b.writeBufferHighWaterMark = node.get(ConfigKeys.WRITE_BUFFER_HIGH);
    b.writeStallTimeout = node.get(ConfigKeys.WRITE_STALL_TIMEOUT);
    b.tls = TlsSettings.of(node);
    return b;
  }

  /** This node as the server sees it after the handshake. */
  public Peer self() {
    return self;
  }

  public String host() {
    return host;
  }

  public int port() {
    return port;
  }

  /** The cluster token, or null when none is configured. */
  public String token() {
    return token;
  }

  public int maxFrameBytes() {
    return maxFrameBytes;
  }

  public int processorThreads() {
    return processorThreads;
  }

  public int processorQueueCapacity() {
    return processorQueueCapacity;
  }

  /** Write silence after which a heartbeat is sent. */
  public Duration heartbeatInterval() {
    return heartbeatInterval;
  }

  /** Time to connect and finish the handshake. */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  public Duration requestTimeout() {
    return requestTimeout;
  }

  /** Where processor failures are reported. */
  public NodeEvents events() {
    return events;
  }

  /** Delay before the first reconnect attempt; it doubles per failed attempt. */
  public Duration reconnectInitialDelay() {
    return reconnectInitialDelay;
  }

  /** The longest delay between reconnect attempts. */
  public Duration reconnectMaxDelay() {
    return reconnectMaxDelay;
  }

  /** Bytes waiting to be sent above which the connection stops reading; the low mark is half. */
  public int writeBufferHighWaterMark() {
    return writeBufferHighWaterMark;
  }

  /** How long the server may leave the write buffer above its high mark before it is cut off. */
  public Duration writeStallTimeout() {
    return writeStallTimeout;
  }

  /** TLS for the connections; {@link TlsSettings#DISABLED} for plain TCP. */
  public TlsSettings tls() {
    return tls;
  }

  /** Overrides for the values taken from the node configuration. */
  public static final class Builder {

    private Peer self;
    private String host;
    private int port;
    private String token;
    private int maxFrameBytes;
    private int processorThreads;
    private int processorQueueCapacity = 16_384;
    private Duration heartbeatInterval;
    private Duration connectTimeout;
    private Duration requestTimeout;
    private NodeEvents events = NodeEvents.IGNORED;
    private Duration reconnectInitialDelay = Duration.ofMillis(100);
    private Duration reconnectMaxDelay = Duration.ofSeconds(5);
    private int writeBufferHighWaterMark;
    private Duration writeStallTimeout;

    private TlsSettings tls = TlsSettings.DISABLED;

    private Builder() {}

    public Builder tls(TlsSettings tls) {
      this.tls = Objects.requireNonNull(tls);
      return this;
    }

    public Builder heartbeatInterval(Duration interval) {
      this.heartbeatInterval = positive(interval, "heartbeatInterval");
      return this;
    }

    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = positive(timeout, "connectTimeout");
      return this;
    }

    /** Where processor failures are reported (default: nowhere but the log). */
    public Builder events(NodeEvents events) {
      this.events = Objects.requireNonNull(events);
      return this;
    }

    public Builder requestTimeout(Duration timeout) {
      this.requestTimeout = positive(timeout, "requestTimeout");
      return this;
    }

    public Builder reconnectDelays(Duration initial, Duration max) {
      this.reconnectInitialDelay = positive(initial, "reconnect initial delay");
      this.reconnectMaxDelay = positive(max, "reconnect max delay");
      if (max.compareTo(initial) < 0) {
        throw new IllegalArgumentException("reconnect max delay is shorter than the initial one");
      }
      return this;
    }

    public Builder processorQueueCapacity(int capacity) {
      if (capacity < 1) {
        throw new IllegalArgumentException("processorQueueCapacity must be at least 1");
      }
      this.processorQueueCapacity = capacity;
      return this;
    }

    public ClientSettings build() {
      return new ClientSettings(this);
    }

    private static Duration positive(Duration d, String name) {
      if (d == null || d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be positive, got " + d);
      }
      return d;
    }
  }
}
