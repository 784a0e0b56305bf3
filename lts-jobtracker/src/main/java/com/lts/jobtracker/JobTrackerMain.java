package com.lts.jobtracker;

import com.lts.core.LtsException;
import com.lts.core.config.ConfigKeys;
import com.lts.core.config.NodeConfig;
import com.lts.core.config.NodeProperties;
import com.lts.core.registry.EmbeddedZooKeeper;
import com.lts.core.registry.Registries;
import com.lts.jobtracker.internal.metrics.MetricsServer;
import com.lts.jobtracker.maintenance.OldDataDeletePolicy;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Properties;

/**
 * Runs a JobTracker as a process:
 *
 * <pre>
 * java -jar lts-jobtracker.jar [--config jobtracker.properties] [--embedded-zookeeper]
 *     [--metrics-port 9090]
 * </pre>
 *
 * The properties file holds {@code embeddedZookeeper=true|false} and what {@link NodeProperties}
 * maps: the node settings ({@code registryAddress}, {@code clusterName}, {@code listenPort}, {@code
 * bindIp}, {@code identity}, {@code dataPath}, ...) and any LTS configuration key, bare or with
 * LTS's {@code configs.} prefix ({@code job.queue=mysql} or {@code configs.job.queue=mysql}).
 * Without a store configured, jobs live in an H2 file under the data path. With {@code
 * --metrics-port}, {@code /metrics} (Prometheus) and {@code /health} (JSON) are served on that port
 * (see docs/monitoring.md).
 */
public final class JobTrackerMain {

  private static final String EMBEDDED_ZOOKEEPER = "embeddedZookeeper";

  static final String USAGE =
      "Usage: java -jar lts-jobtracker.jar [--config FILE.properties] [--embedded-zookeeper]"
          + " [--metrics-port PORT]\n"
          + "  --config FILE          node settings and LTS keys (see docs/configuration.md)\n"
          + "  --embedded-zookeeper   also run a ZooKeeper in this process, on the port of"
          + " registryAddress\n"
          + "  --metrics-port PORT    serve /metrics (Prometheus) and /health (JSON) on PORT\n";

  private JobTrackerMain() {}

  public static void main(String[] args) {
    Running running;
    try {
      running = start(args, System.out);
    } catch (UsageException e) {
      System.err.println(e.getMessage());
      System.err.print(USAGE);
      System.exit(2);
      return;
    } catch (LtsException e) {
      System.err.println("JobTracker did not start: " + e.getMessage());
      System.exit(1);
      return;
    }
    if (running == null) {
      return; // --help
    }
    // The started node keeps the JVM running; a shutdown (Ctrl-C, SIGTERM) stops it cleanly.
    Runtime.getRuntime().addShutdownHook(new Thread(running::stop, "lts-jobtracker-shutdown"));
  }

  /** Parses {@code args}, starts what they ask for and returns it; null for {@code --help}. */
  static Running start(String[] args, PrintStream out) {
    Properties properties = new Properties();
    boolean embeddedZooKeeper = false;
    Integer metricsPort = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--config" -> {
          if (i + 1 >= args.length) {
            throw new UsageException("--config needs a file");
          }
          load(Path.of(args[++i]), properties);
        }
        case "--embedded-zookeeper" -> embeddedZooKeeper = true;
        case "--metrics-port" -> {
          if (i + 1 >= args.length) {
            throw new UsageException("--metrics-port needs a port number");
          }
          metricsPort = port(args[++i]);
        }
        case "--help", "-h" -> {
          out.print(USAGE);
          return null;
        }
        default -> throw new UsageException("Unknown argument '" + args[i] + "'");
      }
    }
    embeddedZooKeeper |= Boolean.parseBoolean(properties.getProperty(EMBEDDED_ZOOKEEPER, "false"));
    properties.remove(EMBEDDED_ZOOKEEPER);
    NodeProperties nodeProperties = NodeProperties.of(properties);
    String registryAddress =
        Objects.requireNonNullElse(
            nodeProperties.setting("registryAddress"), NodeConfig.DEFAULT_REGISTRY_ADDRESS);
    String dataPath =
        Objects.requireNonNullElse(
            nodeProperties.setting("dataPath"), System.getProperty("user.home"));
    JobTracker jobTracker = new JobTracker();
    jobTracker.setOldDataHandler(new OldDataDeletePolicy());
    jobTracker.setRegistryAddress(registryAddress);
    jobTracker.setDataPath(dataPath);
    jobTracker.configure(nodeProperties);
    MetricsServer metrics = metricsPort == null ? null : MetricsServer.attachTo(jobTracker);

    EmbeddedZooKeeper zooKeeper = null;
    if (embeddedZooKeeper) {
      zooKeeper = startZooKeeper(registryAddress, Path.of(dataPath, ".lts", "zookeeper"));
      out.println("Embedded ZooKeeper listening on " + zooKeeper.connectString());
    }
    try {
      jobTracker.start();
      if (metrics != null) {
        metrics.start(jobTracker.nodeConfig().bindIp(), metricsPort);
        out.println(
            "Metrics on http://"
                + Objects.requireNonNullElse(jobTracker.nodeConfig().bindIp(), "0.0.0.0")
                + ":"
                + metrics.port()
                + "/metrics, health on /health");
      }
    } catch (RuntimeException | IOException e) {
      jobTracker.stop();
      if (zooKeeper != null) {
        zooKeeper.close();
      }
      if (e instanceof IOException) {
        throw new LtsException("Cannot serve metrics on port " + metricsPort + ": " + e, e);
      }
      if (!embeddedZooKeeper
          && registryAddress.startsWith("zookeeper://127.0.0.1:")
          && e.getMessage() != null
          && e.getMessage().startsWith("Cannot connect to ZooKeeper")) {
        throw new LtsException(
            e.getMessage()
                + ". On one machine, --embedded-zookeeper runs a ZooKeeper in this process",
            e);
      }
      throw (RuntimeException) e;
    }
    out.println(
        "JobTracker "
            + jobTracker.self().getIdentity()
            + " listening on "
            + jobTracker.self().getAddress()
            + ", registry "
            + registryAddress
            + ", store "
            + jobTracker.nodeConfig().get(ConfigKeys.JOB_QUEUE)
            + (jobTracker.nodeConfig().get(ConfigKeys.CLUSTER_TOKEN) == null
                ? " (no lts.cluster.token: loopback peers only)"
                : ""));
    return new Running(jobTracker, zooKeeper, metrics);
  }

  private static EmbeddedZooKeeper startZooKeeper(String registryAddress, Path dataDir) {
    if (!"zookeeper".equals(Registries.scheme(registryAddress))) {
      throw new UsageException(
          "--embedded-zookeeper needs a zookeeper:// registryAddress, not " + registryAddress);
    }
    String hostPort = Registries.withoutScheme(registryAddress).split(",")[0];
    int colon = hostPort.lastIndexOf(':');
    int port = colon < 0 ? 2181 : port(hostPort.substring(colon + 1));
    return EmbeddedZooKeeper.start(dataDir, port);
  }

  private static int port(String value) {
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new UsageException("'" + value + "' is not a port number");
    }
  }

  private static void load(Path file, Properties properties) {
    if (!Files.isRegularFile(file)) {
      throw new UsageException("Config file " + file.toAbsolutePath() + " does not exist");
    }
    try (InputStream in = Files.newInputStream(file)) {
      properties.load(in);
    } catch (IOException e) {
      throw new UsageException("Cannot read " + file + ": " + e.getMessage());
    }
  }

  /** What {@link #start} started. */
  record Running(JobTracker jobTracker, EmbeddedZooKeeper zooKeeper, MetricsServer metrics) {
    void stop() {
      if (metrics != null) {
        metrics.close();
      }
      jobTracker.stop();
      if (zooKeeper != null) {
        zooKeeper.close();
      }
    }
  }

  /** Bad command line or config file. */
  static final class UsageException extends LtsException {
    UsageException(String message) {
      super(message);
    }
  }
}
