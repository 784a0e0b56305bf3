package com.lts.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lts.core.config.LtsConfig;
import com.lts.core.spi.NamedPlugin;
import com.lts.core.spi.PluginNotFoundException;
import com.lts.core.spi.Plugins;
import org.junit.jupiter.api.Test;

class RegistriesTest {

  @Test
  void bothSchemesAreFoundByName() {
    assertThat(Plugins.all(RegistryFactory.class))
        .extracting(NamedPlugin::name)
        .containsExactlyInAnyOrder("zookeeper", "redis");
  }

  @Test
  void unknownSchemeFailsListingTheKnownOnes() {
    assertThatThrownBy(() -> Registries.open("etcd://127.0.0.1:2379", "c", LtsConfig.empty()))
        .isInstanceOf(PluginNotFoundException.class)
        .hasMessageContaining("'etcd'")
        .hasMessageContaining("redis, zookeeper")
        .hasMessageContaining("registryAddress");
  }

  @Test
  void addressWithoutSchemeFailsWithAnExample() {
    assertThatThrownBy(() -> Registries.open("127.0.0.1:2181", "c", LtsConfig.empty()))
        .isInstanceOf(RegistryException.class)
        .hasMessageContaining("no scheme")
        .hasMessageContaining("zookeeper://127.0.0.1:2181");
  }

  @Test
  void schemeIsReadCaseInsensitively() {
    assertThat(Registries.scheme(" ZooKeeper://h:1")).isEqualTo("zookeeper");
    assertThat(Registries.withoutScheme("redis://h:6379/2")).isEqualTo("h:6379/2");
  }

  @Test
  void invalidClusterNameIsRefusedBeforeConnecting() {
    assertThatThrownBy(() -> Registries.open("zookeeper://h:1", "a/b", LtsConfig.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("clusterName");
  }
}
