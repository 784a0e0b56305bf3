package com.lts.core.config;

import com.lts.core.cluster.Names;
import com.lts.core.cluster.NodeType;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;
import java.util.UUID;

/**
 * Everything that identifies and configures one node: what the seed's setters ({@code
 * setRegistryAddress}, {@code setClusterName}, {@code setNodeGroup}, ...) fill in, plus the parsed
 * {@code addConfig} values. Immutable; built and checked once when the node starts.
 */
public final class NodeConfig {

  public static final String DEFAULT_CLUSTER_NAME = "defaultCluster";
  public static final String DEFAULT_NODE_GROUP = "lts";
  public static final String DEFAULT_REGISTRY_ADDRESS = "zookeeper://127.0.0.1:2181";
  public static final int DEFAULT_JOB_TRACKER_PORT = 35001;
  public static final int DEFAULT_WORK_THREADS = 64;
  public static final long DEFAULT_INVOKE_TIMEOUT_MILLIS = 60_000;

  private final NodeType nodeType;
  private final String identity;
  private final String clusterName;
  private final String nodeGroup;
  private final String registryAddress;
  private final String bindIp;
  private final int listenPort;
  private final String dataPath;
  private final int workThreads;
  private final long invokeTimeoutMillis;
  private final LtsConfig configs;

  private NodeConfig(Builder b) {
    this.nodeType = b.nodeType;
    this.identity = b.identity != null ? b.identity : generateIdentity(b.nodeType);
    this.clusterName = b.clusterName;
    this.nodeGroup = b.nodeGroup;
    this.registryAddress = b.registryAddress;
    this.bindIp = b.bindIp;
    this.listenPort = b.listenPort;
    this.dataPath = b.dataPath != null ? b.dataPath : System.getProperty("user.home");
    this.workThreads = b.workThreads;
    this.invokeTimeoutMillis = b.invokeTimeoutMillis;
    this.configs = b.configs.build();
  }

  public static Builder builder(NodeType nodeType) {
    return new Builder(nodeType);
  }

  private static String generateIdentity(NodeType type) {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostAddress();
    } catch (UnknownHostException e) {
      host = "127.0.0.1";
    }
    long pid = ManagementFactory.getRuntimeMXBean().getPid();
    String random = UUID.randomUUID().toString().substring(0, 8);
    return generatedIdentity(type, host, pid, random);
  }

  /**
   * An identity the store and the registry accept whatever the host's address looks like: an IPv6
   * address's ':' and '%' (fe80::1%eth0) become '-', and a long one is cut to fit the length limit.
   */
  static String generatedIdentity(NodeType type, String host, long pid, String random) {
    String prefix = type.identityPrefix() + "_";
    String suffix = "_" + pid + "_" + random;
    String safeHost = host.replaceAll("[^A-Za-z0-9_.\\-]", "-");
    int room = Names.MAX_LENGTH - prefix.length() - suffix.length();
    return prefix + safeHost.substring(0, Math.min(safeHost.length(), Math.max(room, 0))) + suffix;
  }

  public NodeType nodeType() {
    return nodeType;
  }

  public String identity() {
    return identity;
  }

  public String clusterName() {
    return clusterName;
  }

  public String nodeGroup() {
    return nodeGroup;
  }

  public String registryAddress() {
    return registryAddress;
  }

  /** The address to listen on (servers) or to announce; null means all interfaces / auto-detect. */
  public String bindIp() {
    return bindIp;
  }

  public int listenPort() {
    return listenPort;
  }

  /** Root folder for local files (FailStore, embedded H2, embedded ZooKeeper). */
  public String dataPath() {
    return dataPath;
  }

  public int workThreads() {
    return workThreads;
  }

  public long invokeTimeoutMillis() {
    return invokeTimeoutMillis;
  }

  public LtsConfig configs() {
    return configs;
  }

  /** Shortcut for {@code configs().get(key)}. */
  public <T> T get(ConfigKey<T> key) {
    return configs.get(key);
  }

  @Override
  public String toString() {
    return nodeType
        + "{identity="
        + identity
        + ", cluster="
        + clusterName
        + ", group="
        + nodeGroup
        + ", registry="
        + registryAddress
        + ", configs="
        + configs
        + "}";
  }

  /** Collects a node's settings; {@link #build()} checks them all at once. */
  public static final class Builder {

    private final NodeType nodeType;
    private String identity;
    private String clusterName = DEFAULT_CLUSTER_NAME;
    private String nodeGroup = DEFAULT_NODE_GROUP;
    private String registryAddress = DEFAULT_REGISTRY_ADDRESS;
    private String bindIp;
    private int listenPort = DEFAULT_JOB_TRACKER_PORT;
    private String dataPath;
    private int workThreads = DEFAULT_WORK_THREADS;
    private long invokeTimeoutMillis = DEFAULT_INVOKE_TIMEOUT_MILLIS;
    private final LtsConfig.Builder configs = LtsConfig.builder();

    private Builder(NodeType nodeType) {
      this.nodeType = Objects.requireNonNull(nodeType, "nodeType");
    }

    public Builder identity(String identity) {
      this.identity = identity;
      return this;
    }

    public Builder clusterName(String clusterName) {
      this.clusterName = clusterName;
      return this;
    }

    public Builder nodeGroup(String nodeGroup) {
      this.nodeGroup = nodeGroup;
      return this;
    }

    public Builder registryAddress(String registryAddress) {
      this.registryAddress = registryAddress;
      return this;
    }

    public Builder bindIp(String bindIp) {
      this.bindIp = bindIp;
      return this;
    }

    public Builder listenPort(int listenPort) {
      this.listenPort = listenPort;
      return this;
    }

    public Builder dataPath(String dataPath) {
      this.dataPath = dataPath;
      return this;
    }

    public Builder workThreads(int workThreads) {
      this.workThreads = workThreads;
      return this;
    }

    public Builder invokeTimeoutMillis(long invokeTimeoutMillis) {
      this.invokeTimeoutMillis = invokeTimeoutMillis;
      return this;
    }

    /**
     * One {@code addConfig(key, value)} entry, parsed now.
     *
     * @throws ConfigException for an unknown key or a bad value
     */
    public Builder config(String key, String value) {
      configs.set(key, value);
      return this;
    }

    /** Every value and retired key of {@code configs}. */
    public Builder configs(LtsConfig configs) {
      this.configs.setAll(configs);
      return this;
    }

    public <T> Builder config(ConfigKey<T> key, T value) {
      configs.set(key, value);
      return this;
    }

    /**
     * Checks every setting.
     *
     * @throws ConfigException naming each setting that is wrong and how to fix it
     */
    public NodeConfig build() {
      StringBuilder problems = new StringBuilder();
      appendProblem(problems, Names.problem("clusterName", clusterName));
      appendProblem(problems, Names.problem("nodeGroup", nodeGroup));
      if (identity != null) {
        appendProblem(problems, Names.problem("identity", identity));
      }
      if (registryAddress == null || registryAddress.isBlank()) {
        appendProblem(
            problems,
            "registryAddress: must be set, e.g. zookeeper://127.0.0.1:2181 or redis://127.0.0.1:6379");
      }
      if (listenPort < 0 || listenPort > 65_535) {
        appendProblem(problems, "listenPort: must be 0..65535, got " + listenPort);
      }
      if (workThreads < 1) {
        appendProblem(problems, "workThreads: must be at least 1, got " + workThreads);
      }
      if (invokeTimeoutMillis < 1) {
        appendProblem(
            problems, "invokeTimeoutMillis: must be at least 1, got " + invokeTimeoutMillis);
      }
      if (problems.length() > 0) {
        throw new ConfigException("Invalid " + nodeType + " configuration: " + problems);
      }
      return new NodeConfig(this);
    }

    private static void appendProblem(StringBuilder problems, String problem) {
      if (problem != null) {
        if (problems.length() > 0) {
          problems.append("; ");
        }
        problems.append(problem);
      }
    }
  }
}
