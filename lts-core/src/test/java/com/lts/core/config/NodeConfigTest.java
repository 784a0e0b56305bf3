package com.lts.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lts.core.cluster.Names;
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
  void anIdentityGeneratedOnAnIpv6HostIsAValidName() {
    String identity =
        NodeConfig.generatedIdentity(
            NodeType.TASK_TRACKER, "fe80:0:0:0:a00:27ff:fe4e:66a1%enp0s3", 4_194_304, "0a1b2c3d");

    assertThat(Names.problem("identity", identity)).isNull();
    assertThat(identity)
        .startsWith("TT_fe80-0-0-0-a00-27ff-fe4e-66a1-enp0s3_")
        .endsWith("_0a1b2c3d");
    assertThat(NodeConfig.builder(NodeType.TASK_TRACKER).identity(identity).build().identity())
        .isEqualTo(identity);
  }

  @Test
  void aLongHostIsCutSoTheIdentityFitsTheNameLimit() {
    String identity =
        NodeConfig.generatedIdentity(
            NodeType.JOB_TRACKER,
            "2001:0db8:85a3:0000:0000:8a2e:0370:7334%very-long-interface",
            99,
            "r");

    assertThat(Names.problem("identity", identity)).isNull();
    assertThat(identity).hasSize(Names.MAX_LENGTH).endsWith("_99_r");
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
