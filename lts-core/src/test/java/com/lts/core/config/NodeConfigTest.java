package com.lts.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lts.core.cluster.NodeType;
import org.junit.jupiter.api.Test;

class NodeConfigTest {

  @Test
  void defaultsAreLtsDefaults() {
    NodeConfig config = NodeConfig.builder(NodeType.JOB_TRACKER).build();
    assertThat(config.clusterName()).isEqualTo("defaultCluster");
    assertThat(config.registryAddress()).isEqualTo("zookeeper://127.0.0.1:2181");
    assertThat(config.listenPort()).isEqualTo(35001);
    assertThat(config.identity()).startsWith("JT_");
    assertThat(config.dataPath()).isEqualTo(System.getProperty("user.home"));
  }

  @Test
  void generatedIdentitiesDiffer() {
    assertThat(NodeConfig.builder(NodeType.TASK_TRACKER).build().identity())
        .isNotEqualTo(NodeConfig.builder(NodeType.TASK_TRACKER).build().identity());
  }

  @Test
  void addConfigValuesAreTyped() {
    NodeConfig config =
        NodeConfig.builder(NodeType.JOB_TRACKER)
            .config("job.queue", "mongo")
            .config("mongo.addresses", "127.0.0.1:27017")
            .build();
    assertThat(config.get(ConfigKeys.JOB_QUEUE)).isEqualTo("mongo");
  }

  @Test
  void everyBadSettingIsNamed() {
    assertThatThrownBy(
            () ->
                NodeConfig.builder(NodeType.TASK_TRACKER)
                    .clusterName("")
                    .nodeGroup("has space")
                    .workThreads(0)
                    .listenPort(70_000)
                    .registryAddress(" ")
                    .build())
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("Invalid TASK_TRACKER configuration")
        .hasMessageContaining("clusterName: must not be empty")
        .hasMessageContaining("nodeGroup: 'has space'")
        .hasMessageContaining("workThreads: must be at least 1")
        .hasMessageContaining("listenPort: must be 0..65535")
        .hasMessageContaining("registryAddress: must be set");
  }
}
