package com.lts.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PluginsTest {

  @Test
  void findsAnImplementationByNameIgnoringCase() {
    assertThat(Plugins.find(Greeter.class, "French", "greeter").greet("LTS"))
        .isEqualTo("Bonjour LTS");
    assertThat(Plugins.find(Greeter.class, " english ", "greeter").greet("LTS"))
        .isEqualTo("Hello LTS");
  }

  @Test
  void unknownNameListsTheKnownNamesAndTheConfigKey() {
    assertThatThrownBy(() -> Plugins.find(Greeter.class, "german", "greeter.kind"))
        .isInstanceOf(PluginNotFoundException.class)
        .hasMessageContaining("Unknown Greeter 'german'")
        .hasMessageContaining("config key 'greeter.kind'")
        .hasMessageContaining("Tried: english, french")
        .satisfies(
            e ->
                assertThat(((PluginNotFoundException) e).getKnownNames())
                    .containsExactly("english", "french"));
  }

  @Test
  void anInterfaceWithoutImplementationsSaysSo() {
    assertThatThrownBy(() -> Plugins.find(Unimplemented.class, "any", null))
        .isInstanceOf(PluginNotFoundException.class)
        .hasMessageContaining("none found on the classpath");
  }

  interface Unimplemented extends NamedPlugin {}
}
