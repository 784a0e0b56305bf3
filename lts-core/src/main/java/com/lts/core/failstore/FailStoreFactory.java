package com.lts.core.failstore;

import com.lts.core.spi.NamedPlugin;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Opens one kind of {@link FailStore}; found by the {@code job.fail.store} name through {@code
 * ServiceLoader} ({@code leveldb}, {@code mvstore}).
 */
public interface FailStoreFactory extends NamedPlugin {

  /**
   * Why this implementation cannot run here (e.g. its native library does not load), or empty when
   * it can.
   */
  default Optional<String> unavailableReason() {
    return Optional.empty();
  }

  /**
   * Opens (creating when missing) the store in {@code folder} and takes its lock.
   *
   * @throws FailStoreLockedException when the folder's store is open elsewhere
   * @throws FailStoreException when the folder cannot be created or its files read
   */
  FailStore open(Path folder);
}
