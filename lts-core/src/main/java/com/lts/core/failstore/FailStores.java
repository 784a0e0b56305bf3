package com.lts.core.failstore;

import com.lts.core.LtsException;
import com.lts.core.config.ConfigKeys;
import com.lts.core.config.NodeConfig;
import com.lts.core.failstore.internal.MvStoreFailStoreFactory;
import com.lts.core.spi.Plugins;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens a node's {@link FailStore} from its configuration, and drains the stores that dead peers
 * left in the same data folder.
 *
 * <p>Folder layout: {@code {dataPath}/.lts/{NODE_TYPE}/{nodeGroup}/failstore/{type}/{identity}},
 * e.g. {@code ~/.lts/JOB_CLIENT/orders/failstore/leveldb/JC_10.0.0.5_4242_1f2e3d4c}. The nodes of
 * one group that share a data path have sibling folders, which is how the group's master finds the
 * stores of dead peers.
 */
public final class FailStores {

  private static final Logger log = LoggerFactory.getLogger(FailStores.class);

  private FailStores() {}

  /**
   * The factory named {@code name} ({@code job.fail.store}); when it cannot run on this machine
   * (leveldb without its native library) the {@code mvstore} factory, with one warning saying why.
   *
   * @throws com.lts.core.spi.PluginNotFoundException for an unknown name, listing the known ones
   * @throws LtsException when neither the named factory nor mvstore can run
   */
  public static FailStoreFactory choose(String name) {
    return choose(Plugins.find(FailStoreFactory.class, name, ConfigKeys.FAIL_STORE.name()));
  }

  /** {@link #choose(String)} for a factory already found (or built, in tests). */
  public static FailStoreFactory choose(FailStoreFactory wanted) {
    Optional<String> reason = wanted.unavailableReason();
    if (reason.isEmpty()) {
      return wanted;
    }
    FailStoreFactory fallback =
        Plugins.find(
            FailStoreFactory.class, MvStoreFailStoreFactory.NAME, ConfigKeys.FAIL_STORE.name());
    Optional<String> fallbackReason = fallback.unavailableReason();
    if (wanted.name().equals(fallback.name()) || fallbackReason.isPresent()) {
      throw new LtsException(
          "No FailStore can run here: '"
              + wanted.name()
              + "': "
              + reason.get()
              + (wanted.name().equals(fallback.name())
                  ? ""
                  : "; '" + fallback.name() + "': " + fallbackReason.orElse(""))
              + ". Add the h2 jar (com.h2database:h2) to the classpath");
    }
    log.warn(
        "FailStore '{}' cannot be used: {}. Using '{}' instead (set {}={} to silence this).",
        wanted.name(),
        reason.get(),
        fallback.name(),
        ConfigKeys.FAIL_STORE.name(),
        fallback.name());
    return fallback;
  }

  /** The folder of this node's store of the given type (see the class comment for the layout). */
  public static Path folder(NodeConfig config, String type) {
    return Path.of(config.dataPath())
        .resolve(".lts")
        .resolve(config.nodeType().name())
        .resolve(config.nodeGroup())
        .resolve("failstore")
        .resolve(type)
        .resolve(config.identity());
  }

  /**
   * The folder of the dead-letter store that belongs to the FailStore in {@code failStoreFolder}:
   * {@code {dataPath}/.lts/{NODE_TYPE}/{nodeGroup}/deadletter/{type}/{identity}}, next to the
   * {@code failstore} folder so that a dead-letter store is never taken for a peer's FailStore. For
   * a FailStore outside that layout, a sibling folder named {@code {folder}.deadletter}.
   */
  public static Path deadLetterFolder(Path failStoreFolder) {
    Path typeFolder = failStoreFolder.getParent();
    Path failstore = typeFolder == null ? null : typeFolder.getParent();
    if (failstore != null
        && failstore.getFileName() != null
        && "failstore".equals(failstore.getFileName().toString())) {
      return failstore
          .resolveSibling("deadletter")
          .resolve(typeFolder.getFileName())
          .resolve(failStoreFolder.getFileName());
    }
    return failStoreFolder.resolveSibling(failStoreFolder.getFileName() + ".deadletter");
  }

  /**
   * Opens the dead-letter store of {@code own} (same implementation, folder from {@link
   * #deadLetterFolder}).
   *
   * @throws FailStoreLockedException when another process uses that folder
   */
  public static FailStore openDeadLetters(FailStore own) {
    FailStoreFactory factory =
        Plugins.find(FailStoreFactory.class, own.type(), ConfigKeys.FAIL_STORE.name());
    return factory.open(deadLetterFolder(own.folder()));
  }

  /**
   * Opens this node's store: the type from {@code job.fail.store} ({@link #choose(String)}), the
   * folder from {@link #folder}.
   *
   * @throws FailStoreLockedException when another process uses this node's folder
   * @throws FailStoreException when the folder cannot be created or read
   */
  public static FailStore open(NodeConfig config) {
    FailStoreFactory factory = choose(config.get(ConfigKeys.FAIL_STORE));
    return factory.open(folder(config, factory.name()));
  }

  /**
   * Drains the stores of dead peers next to {@code own} (same type, node type and group): see
   * {@link #drainDeadPeers(Path, FailStoreFactory, Consumer)}.
   */
  public static int drainDeadPeers(FailStore own, Consumer<FailStore> drain) {
    FailStoreFactory factory =
        Plugins.find(FailStoreFactory.class, own.type(), ConfigKeys.FAIL_STORE.name());
    return drainDeadPeers(own.folder().getParent(), factory, drain);
  }

  /**
   * Opens each store folder in {@code parent} whose lock is free (its process is gone), hands it to
   * {@code drain} (which re-sends and deletes what it can), then deletes the folder when the store
   * is empty or closes it otherwise (it is tried again next time). Folders locked by a live
   * process, this one included, are skipped.
   *
   * @return how many dead peers' stores were opened
   * @throws FailStoreException when {@code parent} cannot be listed or a free store cannot be
   *     opened; stores already handled stay handled
   */
  public static int drainDeadPeers(
      Path parent, FailStoreFactory factory, Consumer<FailStore> drain) {
    if (!Files.isDirectory(parent)) {
      return 0;
    }
    List<Path> folders;
    try (Stream<Path> children = Files.list(parent)) {
      folders = children.filter(Files::isDirectory).sorted().toList();
    } catch (IOException e) {
      throw new FailStoreException(parent, "Cannot list the folders of peer stores", e);
    }
    int drained = 0;
    for (Path folder : folders) {
      FailStore store;
      try {
        store = factory.open(folder);
      } catch (FailStoreLockedException e) {
        log.debug("FailStore {} is in use by a live process; skipped", folder);
        continue;
      }
      drained++;
      boolean empty = false;
      try {
        log.info("Draining the FailStore of a dead peer: {} ({} entries)", folder, store.count());
        drain.accept(store);
        empty = store.count() == 0;
      } finally {
        if (empty) {
          store.closeAndDelete();
        } else {
          store.close();
        }
      }
    }
    return drained;
  }
}
