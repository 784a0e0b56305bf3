package com.lts.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lts.core.cluster.NodeType;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class NodePropertiesTest {

  @Test
  void settingsAndKeysOfAPropertiesFileReachTheNodeConfig() {
    Properties file = new Properties();
    file.setProperty("registryAddress", "redis://127.0.0.1:6379");
    file.setProperty("clusterName", "shop");
    file.setProperty("listenPort", " 35002 ");
    file.setProperty("dataPath", "/var/lts");
    file.setProperty("configs.job.queue", "mysql");
    file.setProperty("lts.job.lease.millis", "5s");
    file.setProperty("jdbc.password", "");
    file.setProperty("job.preloader.size", "300");

    NodeConfig.Builder builder = NodeConfig.builder(NodeType.JOB_TRACKER);
    NodeProperties.of(file).applyTo(builder);
    NodeConfig config = builder.build();

    assertThat(config.registryAddress()).isEqualTo("redis://127.0.0.1:6379");
    assertThat(config.clusterName()).isEqualTo("shop");
    assertThat(config.listenPort()).isEqualTo(35002);
    assertThat(config.dataPath()).isEqualTo("/var/lts");
    assertThat(config.get(ConfigKeys.JOB_QUEUE)).isEqualTo("mysql");
    assertThat(config.get(ConfigKeys.JOB_LEASE)).isEqualTo(Duration.ofSeconds(5));
    assertThat(config.get(ConfigKeys.JDBC_PASSWORD)).isEmpty();
    assertThat(config.configs().retiredKeysGiven()).containsOnlyKeys("job.preloader.size");
  }

  @Test
  void springStyleKebabCaseUnderAPrefix() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("lts.jobtracker.registry-address", "zookeeper://zk:2181");
    env.put("lts.jobtracker.cluster-name", "shop");
    env.put("lts.jobtracker.work-threads", "8");
    env.put("lts.jobtracker.configs.job.queue", "postgresql");
    env.put("server.port", "8080"); // not ours: left alone

    NodeProperties properties = NodeProperties.of(env, "lts.jobtracker.");
    assertThat(properties.settings())
        .containsOnly(
            Map.entry("registryAddress", "zookeeper://zk:2181"),
            Map.entry("clusterName", "shop"),
            Map.entry("workThreads", "8"));
    NodeConfig.Builder builder = NodeConfig.builder(NodeType.JOB_TRACKER);
    properties.applyTo(builder);
    NodeConfig config = builder.build();
    assertThat(config.workThreads()).isEqualTo(8);
    assertThat(config.get(ConfigKeys.JOB_QUEUE)).isEqualTo("postgresql");
  }

  @Test
  void unknownNamesFailNamingTheNearestSettingOrKey() {
    assertThatThrownBy(() -> NodeProperties.of(Map.of("registryAdress", "zookeeper://zk:2181")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("Did you mean 'registryAddress'?");
    assertThatThrownBy(() -> NodeProperties.of(Map.of("configs.job.queu", "mysql")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("Did you mean 'job.queue'?");
    assertThatThrownBy(() -> NodeProperties.of(Map.of("listen-port", "high")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'listenPort' has a bad value 'high'");
  }
}
