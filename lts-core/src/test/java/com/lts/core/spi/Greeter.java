package com.lts.core.spi;

/** A plugin interface that exists only for the plugin lookup tests. */
public interface Greeter extends NamedPlugin {

  String greet(String who);

  /** Registered in META-INF/services as "english". */
  class English implements Greeter {
    @Override
    public String name() {
      return "english";
    }

    @Override
    public String greet(String who) {
      return "Hello " + who;
    }
  }

  /** Registered in META-INF/services as "french". */
  class French implements Greeter {
    @Override
    public String name() {
      return "french";
    }

    @Override
    public String greet(String who) {
      return "Bonjour " + who;
    }
  }
}
