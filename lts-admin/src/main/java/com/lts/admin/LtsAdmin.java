package com.lts.admin;

import com.lts.admin.api.AdminApi;
import com.lts.admin.api.ClusterView;
import com.lts.admin.audit.AuditLog;
import com.lts.admin.auth.Sessions;
import com.lts.admin.auth.Users;
import com.lts.admin.web.AdminHandler;
import com.lts.admin.web.TlsConnector;
import com.lts.core.LtsException;
import com.lts.core.cluster.NodeType;
import com.lts.core.config.ConfigKeys;
import com.lts.core.config.NodeConfig;
import com.lts.core.config.NodeProperties;
import com.lts.core.node.LtsVersion;
import com.lts.core.registry.Registries;
import com.lts.core.registry.Registry;
import com.lts.core.store.Store;
import com.lts.jobclient.JobClient;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * LTS Admin, the web console: one HTTP server with the pages and the REST API. It reads the cluster
 * from the registry and the JobTrackers' store, and changes jobs only through a JobTracker.
 *
 * <pre>{@code
 * LtsAdmin admin = new LtsAdmin(Map.of(
 *     "registryAddress", "zookeeper://127.0.0.1:2181",
 *     "job.queue", "mysql", "jdbc.url", "jdbc:mysql://127.0.0.1:3306/lts", ...,
 *     "lts.admin.users", "ops:admin:$2a$10$..."));
 * admin.start();   // http://host:8080/main.html
 * }</pre>
 *
 * Settings are those of {@link NodeProperties} ({@code registryAddress}, {@code clusterName},
 * {@code dataPath}, the store keys) and the {@code lts.admin.*} keys of docs/configuration.md.
 */
public final class LtsAdmin implements AutoCloseable {

  /** The JobClient group Admin submits and operates as. */
  public static final String NODE_GROUP = "lts_admin";

  private static final Logger log = LoggerFactory.getLogger(LtsAdmin.class);

  private final NodeConfig config;
  private final PrintStream out;
  private final Deque<AutoCloseable> started = new ArrayDeque<>();
  private volatile boolean running;
  private ServerConnector connector;

  /** Admin with these settings and keys; {@code out} gets the one-time generated password. */
  public LtsAdmin(Map<String, String> properties, PrintStream out) {
    NodeProperties parsed = NodeProperties.of(properties);
    NodeConfig.Builder builder =
        NodeConfig.builder(NodeType.BACKEND)
            .registryAddress(NodeConfig.DEFAULT_REGISTRY_ADDRESS)
            .nodeGroup(NODE_GROUP);
    parsed.applyTo(builder);
    this.config = builder.build();
    this.out = out;
  }

  public LtsAdmin(Map<String, String> properties) {
    this(properties, System.out);
  }

  /**
   * Opens the store and the registry, starts Admin's JobClient and the HTTP server.
   *
   * @throws LtsException saying what to fix when any part cannot start (nothing stays running)
   */
  public synchronized LtsAdmin start() {
    if (running) {
      return this;
    }
    config.configs().startWarnings(NodeType.BACKEND).forEach(log::warn);
    try {
      KeyStore keyStore =
          tls()
              ? TlsConnector.load(
                  config.get(ConfigKeys.ADMIN_TLS_KEYSTORE),
                  config.get(ConfigKeys.ADMIN_TLS_KEYSTORE_PASSWORD))
              : null;
      Users users =
          Users.load(
              config.get(ConfigKeys.ADMIN_USERS), Path.of(config.dataPath(), ".lts", "admin"), out);
      Store store = Store.open(config);
      started.push(store);
      Registry registry = Registries.open(config);
      started.push(registry);
      ClusterView cluster = new ClusterView(registry);
      JobClient client = jobClient();
      started.push(client::stop);
      Sessions sessions =
          new Sessions(config.get(ConfigKeys.ADMIN_SESSION_TIMEOUT), Clock.systemUTC());
      AuditLog audit = new AuditLog(config.get(ConfigKeys.ADMIN_AUDIT_CAPACITY));
      AdminHandler handler = new AdminHandler(sessions, audit, tls());
      running = true;
      AdminApi.install(
          handler,
          users,
          sessions,
          config.get(ConfigKeys.ADMIN_COOKIE_SECURE) || tls(),
          cluster,
          store,
          client,
          () -> running,
          LtsVersion.get(),
          audit,
          config.get(ConfigKeys.ADMIN_METRICS_TOKEN));
      startServer(handler, keyStore);
    } catch (RuntimeException e) {
      stop();
      throw e instanceof LtsException ? e : new LtsException("LTS Admin did not start: " + e, e);
    }
    log.info(
        "LTS Admin at {} (cluster {}, registry {})",
        url(),
        config.clusterName(),
        config.registryAddress());
    return this;
  }

  private JobClient jobClient() {
    JobClient client = new JobClient();
    client.setRegistryAddress(config.registryAddress());
    client.setClusterName(config.clusterName());
    client.setNodeGroup(NODE_GROUP);
    client.setDataPath(Path.of(config.dataPath(), ".lts", "admin").toString());
    client.setIdentity(config.identity().replaceFirst("^BA_", "JC_"));
    String token = config.get(ConfigKeys.CLUSTER_TOKEN);
    if (token != null) {
      client.addConfig(ConfigKeys.CLUSTER_TOKEN, token);
    }
    client.start();
    return client;
  }

  private void startServer(AdminHandler handler, KeyStore keyStore) {
    QueuedThreadPool threads = new QueuedThreadPool(200, 4);
    threads.setName("lts-admin-http");
    Server server = new Server(threads);
    connector =
        keyStore == null
            ? new ServerConnector(server)
            : TlsConnector.create(
                server, keyStore, config.get(ConfigKeys.ADMIN_TLS_KEYSTORE_PASSWORD));
    connector.setHost(config.get(ConfigKeys.ADMIN_HTTP_HOST));
    connector.setPort(config.get(ConfigKeys.ADMIN_HTTP_PORT));
    server.addConnector(connector);
    server.setHandler(handler);
    server.setStopTimeout(2_000);
    try {
      server.start();
    } catch (Exception e) {
      throw new LtsException(
          "LTS Admin cannot listen on "
              + config.get(ConfigKeys.ADMIN_HTTP_HOST)
              + ":"
              + config.get(ConfigKeys.ADMIN_HTTP_PORT)
              + " ("
              + e.getMessage()
              + "); set lts.admin.http.port to a free port",
          e);
    }
    started.push(server::stop);
  }

  /** Whether Admin serves HTTPS ({@code lts.admin.tls.keystore} is set). */
  public boolean tls() {
    return config.get(ConfigKeys.ADMIN_TLS_KEYSTORE) != null;
  }

  /** The port the HTTP server listens on. */
  public int port() {
    return connector.getLocalPort();
  }

  /** The landing page, e.g. {@code http://127.0.0.1:8080/main.html} (https with TLS). */
  public String url() {
    String host = config.get(ConfigKeys.ADMIN_HTTP_HOST);
    return (tls() ? "https://" : "http://")
        + (host.equals("0.0.0.0") ? "127.0.0.1" : host)
        + ":"
        + port()
        + "/main.html";
  }

  /** Stops the server (ending live streams), the JobClient, the registry and the store. */
  public synchronized void stop() {
    running = false;
    while (!started.isEmpty()) {
      try {
        started.pop().close();
      } catch (Exception e) {
        log.warn("Stopping LTS Admin: {}", e.toString());
      }
    }
  }

  @Override
  public void close() {
    stop();
  }
}
