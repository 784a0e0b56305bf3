package com.lts.core.failstore.internal;

import com.lts.core.failstore.FailStore;
import com.lts.core.failstore.FailStoreFactory;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code job.fail.store=mvstore}: an H2 MVStore file (pure Java, from the {@code h2} jar). Also the
 * fallback when leveldb's native library does not load.
 */
public final class MvStoreFailStoreFactory implements FailStoreFactory {

  public static final String NAME = "mvstore";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Optional<String> unavailableReason() {
    try {
      Class.forName(
          "org.h2.mvstore.MVStore", false, MvStoreFailStoreFactory.class.getClassLoader());
      return Optional.empty();
    } catch (ClassNotFoundException | LinkageError e) {
      return Optional.of("the h2 jar (com.h2database:h2) is not on the classpath");
    }
  }

  @Override
  public FailStore open(Path folder) {
    return MvStoreFailStore.open(folder);
  }
}
