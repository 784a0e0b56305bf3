package com.lts.spring;

import com.lts.core.cluster.MasterChangeListener;
import com.lts.core.config.ConfigException;
import com.lts.core.config.NodeProperties;
import com.lts.core.event.NodeListener;
import com.lts.core.node.AbstractNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.FactoryBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;

/**
 * What the factory beans of every role share: the seed's node settings and LTS keys, all applied
 * through {@link NodeProperties} (so a Spring context, a properties file and Spring Boot properties
 * are read the same way and a wrong name fails naming the nearest right one); the node started when
 * the context is refreshed and stopped when it closes, ordered by {@link #getPhase() phase} so the
 * JobTracker starts first and stops last.
 *
 * <p>Unless {@link #setMasterChangeListeners} names them, every {@link MasterChangeListener} bean
 * of the context is told of this node's master changes. {@link NodeListener} beans are added too,
 * and {@link LtsNodeCustomizer} beans change the node just before it starts.
 */
public abstract class LtsNodeFactoryBean<N extends AbstractNode>
    implements FactoryBean<N>, InitializingBean, SmartLifecycle, BeanFactoryAware {

  /** Phase of the JobTracker: started before, stopped after, the client roles. */
  public static final int JOB_TRACKER_PHASE = Integer.MAX_VALUE - 2048;

  /** Phase of the TaskTracker and the JobClient. */
  public static final int CLIENT_PHASE = JOB_TRACKER_PHASE + 1024;

  private final Map<String, String> properties = new LinkedHashMap<>();
  private final List<String> locations = new ArrayList<>();
  private List<MasterChangeListener> masterChangeListeners;
  private BeanFactory beanFactory;
  private boolean autoStartup = true;
  private N node;
  private volatile boolean running;

  public void setRegistryAddress(String registryAddress) {
    properties.put("registryAddress", registryAddress);
  }

  public void setClusterName(String clusterName) {
    properties.put("clusterName", clusterName);
  }

  public void setIdentity(String identity) {
    properties.put("identity", identity);
  }

  public void setBindIp(String bindIp) {
    properties.put("bindIp", bindIp);
  }

  public void setDataPath(String dataPath) {
    properties.put("dataPath", dataPath);
  }

  public void setInvokeTimeoutMillis(long invokeTimeoutMillis) {
    properties.put("invokeTimeoutMillis", String.valueOf(invokeTimeoutMillis));
  }

  /**
   * LTS keys of docs/configuration.md ({@code job.queue}, ...), as {@code addConfig} takes them.
   */
  public void setConfigs(Map<String, String> configs) {
    configs.forEach((key, value) -> properties.put("configs." + key, value));
  }

  /**
   * Node settings and LTS keys by the names {@link NodeProperties} reads; applied over what the
   * other setters gave.
   */
  public void setProperties(Map<String, String> properties) {
    this.properties.putAll(properties);
  }

  /**
   * Properties files (Spring resource locations, e.g. {@code classpath:lts.properties}) read as
   * {@link NodeProperties}; what the setters give wins.
   */
  public void setLocations(String... locations) {
    this.locations.addAll(List.of(locations));
  }

  /** Exactly these listeners instead of every {@link MasterChangeListener} bean. */
  public void setMasterChangeListeners(List<MasterChangeListener> masterChangeListeners) {
    this.masterChangeListeners = List.copyOf(masterChangeListeners);
  }

  /** False leaves starting the node to the application ({@code node.start()}). */
  public void setAutoStartup(boolean autoStartup) {
    this.autoStartup = autoStartup;
  }

  protected void setProperty(String name, String value) {
    properties.put(name, value);
  }

  @Override
  public void setBeanFactory(BeanFactory beanFactory) {
    this.beanFactory = beanFactory;
  }

  protected BeanFactory beanFactory() {
    return beanFactory;
  }

  /** A new node of this role, not configured yet. */
  protected abstract N newNode();

  /** What this role sets beyond {@link NodeProperties}; called once, after the properties. */
  protected void configureRole(N node) {}

  /** Called just before the node starts: when every bean of the context exists. */
  protected void beforeStart(N node) {}

  /** Called just after the node stopped. */
  protected void afterStop(N node) {}

  /** The settings and keys given, as {@link NodeProperties} reads them (files first). */
  protected NodeProperties nodeProperties() {
    Map<String, String> all = new LinkedHashMap<>();
    for (String location : locations) {
      all.putAll(readProperties(location));
    }
    all.putAll(properties);
    return NodeProperties.of(all);
  }

  private Map<String, String> readProperties(String location) {
    Resource resource = new DefaultResourceLoader().getResource(location);
    Properties loaded = new Properties();
    try (InputStream in = resource.getInputStream()) {
      loaded.load(in);
    } catch (IOException e) {
      throw new ConfigException("Cannot read LTS properties from " + location + ": " + e, e);
    }
    Map<String, String> map = new LinkedHashMap<>();
    loaded.stringPropertyNames().forEach(name -> map.put(name, loaded.getProperty(name)));
    return map;
  }

  @Override
  public void afterPropertiesSet() {
    N made = newNode();
    made.configure(nodeProperties());
    configureRole(made);
    this.node = made;
  }

  @Override
  public N getObject() {
    if (node == null) {
      afterPropertiesSet();
    }
    return node;
  }

  @Override
  public boolean isSingleton() {
    return true;
  }

  @Override
  public void start() {
    N n = getObject();
    List<MasterChangeListener> listeners =
        masterChangeListeners != null ? masterChangeListeners : beansOf(MasterChangeListener.class);
    listeners.forEach(n::addMasterChangeListener);
    beansOf(NodeListener.class).forEach(n::addNodeListener);
    beforeStart(n);
    beansOf(LtsNodeCustomizer.class).forEach(customizer -> customizer.customize(n));
    n.start();
    running = true;
  }

  @Override
  public void stop() {
    running = false;
    if (node != null) {
      node.stop();
      afterStop(node);
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public boolean isAutoStartup() {
    return autoStartup;
  }

  protected <T> List<T> beansOf(Class<T> type) {
    if (beanFactory instanceof ListableBeanFactory listable) {
      return new ArrayList<>(listable.getBeansOfType(type, false, true).values());
    }
    return List.of();
  }
}
