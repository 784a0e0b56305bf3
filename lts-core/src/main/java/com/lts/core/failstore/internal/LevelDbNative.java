package com.lts.core.failstore.internal;

import org.fusesource.leveldbjni.internal.NativeDB;

/**
 * Loads leveldbjni's native library. Kept apart from {@link LevelDbFailStoreFactory} so the factory
 * loads even when leveldbjni is not on the classpath.
 */
final class LevelDbNative {

  private LevelDbNative() {}

  /**
   * @throws LinkageError when leveldbjni is missing or has no library for this OS and CPU
   */
  static void load() {
    NativeDB.LIBRARY.load();
  }
}
