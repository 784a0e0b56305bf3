package com.lts.core.node;

/** The LTS version this jar was built as. */
public final class LtsVersion {

  private static final String VERSION = read();

  private LtsVersion() {}

  public static String get() {
    return VERSION;
  }

  private static String read() {
    String version = LtsVersion.class.getPackage().getImplementationVersion();
    return version != null ? version : "dev";
  }
}
