package com.lts.remoting.internal.server;

import com.lts.core.cluster.NodeType;
import com.lts.core.config.ConfigKeys;
import com.lts.core.config.NodeConfig;
import com.lts.core.event.NodeEvents;
import com.lts.remoting.internal.Peer;
import com.lts.remoting.internal.auth.AddressFilter;
import com.lts.remoting.internal.auth.ServerAddresses;
import com.lts.remoting.internal.tls.TlsSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Everything a {@link RemotingServer} needs, taken from a node's configuration; the builder can
 * override each value (tests use port 0 and short timeouts).
 */
public final class ServerSettings {

  private final Peer self;
  private final String bindAddress;
  private final int port;
  private final String token;
  private final AddressFilter addressFilter;
  private final int maxFrameBytes;
  private final int processorThreads;
  private final int processorQueueCapacity;
  private final Duration heartbeatInterval;
  private final Duration handshakeTimeout;
  private final Duration requestTimeout;
  private final NodeEvents events;
  private final int maxConnections;
  private final int maxConnectionsPerAddress;
  private final int writeBufferHighWaterMark;
  private final Duration writeStallTimeout;
  private final String previousToken;
  private final Instant previousTokenUntil;
  private final ServerAddresses serverAddresses;
  private final Clock clock;

  private final TlsSettings tls;

  private ServerSettings(Builder b) {
    this.self = new Peer(b.identity, b.nodeType, b.nodeGroup);
    this.bindAddress = b.bindAddress;
    this.port = b.port;
    this.token = b.token == null || b.token.isEmpty() ? null : b.token;
    this.addressFilter = b.addressFilter;
    this.maxFrameBytes = b.maxFrameBytes;
    this.processorThreads = b.processorThreads;
    this.processorQueueCapacity = b.processorQueueCapacity;
    this.heartbeatInterval = b.heartbeatInterval;
    this.handshakeTimeout = b.handshakeTimeout;
    this.requestTimeout = b.requestTimeout;
    this.events = b.events;
    this.maxConnections = b.maxConnections;
    this.maxConnectionsPerAddress = b.maxConnectionsPerAddress;
    this.writeBufferHighWaterMark = b.writeBufferHighWaterMark;
    this.writeStallTimeout = b.writeStallTimeout;
    this.tls = b.tls;
    this.previousToken =
        b.previousToken == null || b.previousToken.isEmpty() || this.token == null
            ? null
            : b.previousToken;
    this.clock = b.clock;
    this.previousTokenUntil = clock.instant().plus(b.previousTokenTtl);
    // The bind address is a name clients may dial too (setBindIp("jt1.example.org") announces it).
    String aliases =
        b.bindAddress == null || b.bindAddress.isBlank()
            ? b.serverAliases
            : b.bindAddress + (b.serverAliases == null ? "" : "," + b.serverAliases);
    this.serverAddresses = ServerAddresses.parse(aliases);
  }

  /** Settings from {@code node}: its identity, bind IP, listen port and remoting keys. */
  public static Builder builder(NodeConfig node) {
    Builder b = new Builder();
    b.identity = node.identity();
    b.nodeType = node.nodeType();
    b.nodeGroup = node.nodeGroup();
    b.bindAddress = node.bindIp();
    b.port = node.listenPort();
    b.token = node.get(ConfigKeys.CLUSTER_TOKEN);
    b.maxFrameBytes = node.get(ConfigKeys.FRAME_LENGTH_MAX);
    b.processorThreads = node.get(ConfigKeys.PROCESSOR_THREADS);
    b.heartbeatInterval = node.get(ConfigKeys.HEARTBEAT_INTERVAL);
    // The connect timeout covers "connect and finish the handshake" on the client side, so the
    // server gives a new connection as long to finish its handshake.
    b.handshakeTimeout = node.get(ConfigKeys.CONNECT_TIMEOUT);
    b.requestTimeout = Duration.ofMillis(node.invokeTimeoutMillis());
    b.maxConnections = node.get(ConfigKeys.CONNECTIONS_MAX);
    b.maxConnectionsPerAddress = node.get(ConfigKeys.CONNECTIONS_PER_ADDRESS_MAX);
    b.writeBufferHighWaterMark = node.get(ConfigKeys.WRITE_BUFFER_HIGH);
    b.writeStallTimeout = node.get(ConfigKeys.WRITE_STALL_TIMEOUT);
    b.tls = TlsSettings.of(node);
    b.previousToken = node.get(ConfigKeys.CLUSTER_TOKEN_PREVIOUS);
    b.previousTokenTtl = node.get(ConfigKeys.CLUSTER_TOKEN_PREVIOUS_TTL);
    b.serverAliases = node.get(ConfigKeys.SERVER_ALIASES);
    return b;
  }

  /** This server as peers see it after the handshake. */
  public Peer self() {
    return self;
  }

  /** Address to listen on; null for all interfaces. */
  public String bindAddress() {
    return bindAddress;
  }

  /** Port to listen on; 0 for any free port. */
  public int port() {
    return port;
  }

  /** The cluster token, or null when none is configured. */
  public String token() {
    return token;
  }

  public AddressFilter addressFilter() {
    return addressFilter;
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

  public Duration heartbeatInterval() {
    return heartbeatInterval;
  }

  /** A connection silent for this long is closed: three heartbeat intervals. */
  public Duration idleLimit() {
    return heartbeatInterval.multipliedBy(3);
  }

  public Duration handshakeTimeout() {
    return handshakeTimeout;
  }

  public Duration requestTimeout() {
    return requestTimeout;
  }

  /** Where processor failures are reported. */
  public NodeEvents events() {
    return events;
  }

  /** Connections open at once, authenticated or not, before one more is refused. */
  public int maxConnections() {
    return maxConnections;
  }

  /** Connections open at once from one remote IP address before one more is refused. */
  public int maxConnectionsPerAddress() {
    return maxConnectionsPerAddress;
  }

  /** Bytes waiting to be sent above which the connection stops reading; the low mark is half. */
  public int writeBufferHighWaterMark() {
    return writeBufferHighWaterMark;
  }

  /** How long a peer may leave the write buffer above its high mark before it is cut off. */
  public Duration writeStallTimeout() {
    return writeStallTimeout;
  }

  /** The token being replaced, accepted until {@link #previousTokenUntil()}; null for none. */
  public String previousToken() {
    return previousToken;
  }

  public Instant previousTokenUntil() {
    return previousTokenUntil;
  }

  /** The addresses a client may have dialled to reach this server. */
  public ServerAddresses serverAddresses() {
    return serverAddresses;
  }

  public Clock clock() {
    return clock;
  }

  /** TLS for the connections; {@link TlsSettings#DISABLED} for plain TCP. */
  public TlsSettings tls() {
    return tls;
  }

  /** Overrides for the values taken from the node configuration. */
  public static final class Builder {

    private String identity;
    private NodeType nodeType;
    private String nodeGroup;
    private String bindAddress;
    private int port;
    private String token;
    private AddressFilter addressFilter = AddressFilter.LOOPBACK_ONLY;
    private int maxFrameBytes;
    private int processorThreads;
    private int processorQueueCapacity = 16_384;
    private Duration heartbeatInterval;
    private Duration handshakeTimeout;
    private Duration requestTimeout;
    private NodeEvents events = NodeEvents.IGNORED;
    private int maxConnections;
    private int maxConnectionsPerAddress;
    private int writeBufferHighWaterMark;
    private Duration writeStallTimeout;
    private String previousToken;
    private Duration previousTokenTtl = Duration.ofDays(1);
    private String serverAliases;
    private Clock clock = Clock.systemUTC();

    private TlsSettings tls = TlsSettings.DISABLED;

    private Builder() {}

    public Builder tls(TlsSettings tls) {
      this.tls = Objects.requireNonNull(tls);
      return this;
    }

    /** Also accept {@code token} for {@code ttl} from now (a token rotation). */
    public Builder previousToken(String token, Duration ttl) {
      this.previousToken = token;
      this.previousTokenTtl = positive(ttl, "previous token ttl");
      return this;
    }

    /** Other addresses clients reach this server by, comma-separated host or host:port. */
    public Builder serverAliases(String aliases) {
      this.serverAliases = aliases;
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock);
      return this;
    }

    public Builder maxConnections(int total, int perAddress) {
      this.maxConnections = positive(total, "maxConnections");
      this.maxConnectionsPerAddress = positive(perAddress, "maxConnectionsPerAddress");
      return this;
    }

    public Builder writeBufferHighWaterMark(int bytes) {
      this.writeBufferHighWaterMark = positive(bytes, "writeBufferHighWaterMark");
      return this;
    }

    public Builder writeStallTimeout(Duration timeout) {
      this.writeStallTimeout = positive(timeout, "writeStallTimeout");
      return this;
    }

    public Builder bindAddress(String bindAddress) {
      this.bindAddress = bindAddress;
      return this;
    }

    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /** Which peers are accepted when no cluster token is set; loopback only by default. */
    public Builder addressFilter(AddressFilter addressFilter) {
      this.addressFilter = Objects.requireNonNull(addressFilter);
      return this;
    }

    /** Requests that may wait for a processor thread before more are refused as busy. */
    public Builder processorQueueCapacity(int capacity) {
      this.processorQueueCapacity = positive(capacity, "processorQueueCapacity");
      return this;
    }

    public Builder heartbeatInterval(Duration interval) {
      this.heartbeatInterval = positive(interval, "heartbeatInterval");
      return this;
    }

    public Builder handshakeTimeout(Duration timeout) {
      this.handshakeTimeout = positive(timeout, "handshakeTimeout");
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

    public ServerSettings build() {
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException("port must be 0..65535, got " + port);
      }
      return new ServerSettings(this);
    }

    static Duration positive(Duration d, String name) {
      if (d == null || d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be positive, got " + d);
      }
      return d;
    }

    static int positive(int n, String name) {
      if (n < 1) {
        throw new IllegalArgumentException(name + " must be at least 1, got " + n);
      }
      return n;
    }
  }
}
