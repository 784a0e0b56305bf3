package com.lts.core.failstore.internal;

import com.lts.core.failstore.FailStore;
import com.lts.core.failstore.FailStoreException;
import com.lts.core.failstore.FailStoreFactory;
import com.lts.core.failstore.FailStores;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code job.fail.store=leveldb}, the default: leveldbjni, whose native library exists for x86
 * Linux, macOS and Windows only. {@link FailStores#choose} falls back to {@code mvstore} where it
 * does not load.
 */
public final class LevelDbFailStoreFactory implements FailStoreFactory {

  public static final String NAME = "leveldb";

  private final Runnable loadNative;

  /** Loads leveldbjni's bundled native library. */
  public LevelDbFailStoreFactory() {
    this(LevelDbNative::load);
  }

  /**
   * @param loadNative loads the native library, throwing a {@link LinkageError} (or a runtime
   *     exception) when it cannot; tests pass one that fails
   */
  public LevelDbFailStoreFactory(Runnable loadNative) {
    this.loadNative = loadNative;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Optional<String> unavailableReason() {
    try {
      loadNative.run();
      return Optional.empty();
    } catch (LinkageError | RuntimeException e) {
      return Optional.of(
          "the leveldbjni native library does not load on "
              + System.getProperty("os.name")
              + "/"
              + System.getProperty("os.arch")
              + " ("
              + e
              + ")");
    }
  }

  @Override
  public FailStore open(Path folder) {
    Optional<String> reason = unavailableReason();
    if (reason.isPresent()) {
      throw new FailStoreException(
          folder,
          "Cannot open a leveldb FailStore: "
              + reason.get()
              + ". Set job.fail.store=mvstore, or open it through FailStores.choose");
    }
    return LevelDbFailStore.open(folder);
  }
}
