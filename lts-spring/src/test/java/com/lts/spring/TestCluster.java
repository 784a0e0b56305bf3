package com.lts.spring;

import com.lts.core.cluster.NodeType;
import com.lts.core.config.NodeConfig;
import com.lts.core.registry.EmbeddedZooKeeper;
import com.lts.core.store.Store;
import com.lts.jobtracker.JobTracker;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * An embedded ZooKeeper and a JobTracker on an in-memory H2 store, on loopback, shared by the tests
 * of one class; the test holds the store, so it can look at jobs.
 */
public final class TestCluster implements AutoCloseable {

  private final EmbeddedZooKeeper zooKeeper;
  private final Store store;
  private final JobTracker jobTracker;

  private TestCluster(Path dir) {
    zooKeeper = EmbeddedZooKeeper.start(dir.resolve("zookeeper"), 0);
    NodeConfig.Builder config = NodeConfig.builder(NodeType.JOB_TRACKER);
    config.config("job.queue", "h2");
    config.config("jdbc.url", "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    config.dataPath(dir.resolve("jt").toString());
    store = Store.open(config.build());
    jobTracker = new JobTracker();
    jobTracker.setRegistryAddress(zooKeeper.address());
    jobTracker.setListenPort(0);
    jobTracker.setDataPath(dir.resolve("jt").toString());
    jobTracker.addConfig("lts.job.lease.millis", "3000");
    jobTracker.setStore(store);
    jobTracker.start();
  }

  public static TestCluster start(Path dir) {
    return new TestCluster(dir);
  }

  /**
   * A refreshed Java-config context of {@code config}, with {@code properties} for its {@code
   * ${...}} placeholders.
   */
  public static AnnotationConfigApplicationContext context(
      Class<?> config, Map<String, Object> properties) {
    AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
    context
        .getEnvironment()
        .getPropertySources()
        .addFirst(new MapPropertySource("test", properties));
    context.register(config);
    context.refresh();
    return context;
  }

  public String registryAddress() {
    return zooKeeper.address();
  }

  public Store store() {
    return store;
  }

  @Override
  public void close() {
    jobTracker.stop();
    store.close();
    zooKeeper.close();
  }
}
