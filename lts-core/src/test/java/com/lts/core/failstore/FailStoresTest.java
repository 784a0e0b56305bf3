package com.lts.core.failstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.lts.core.LtsException;
import com.lts.core.cluster.NodeType;
import com.lts.core.config.ConfigKeys;
import com.lts.core.config.NodeConfig;
import com.lts.core.failstore.internal.FolderLock;
import com.lts.core.failstore.internal.LevelDbFailStoreFactory;
import com.lts.core.failstore.internal.MvStoreFailStore;
import com.lts.core.failstore.internal.MvStoreFailStoreFactory;
import com.lts.core.spi.PluginNotFoundException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class FailStoresTest {

  @TempDir Path dir;

  private final Logger logger = (Logger) LoggerFactory.getLogger(FailStores.class);
  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

  @BeforeEach
  void captureLog() {
    logged.start();
    logger.addAppender(logged);
  }

  @AfterEach
  void releaseLog() {
    logger.detachAppender(logged);
  }

  @Test
  void leveldbIsChosenWhereItsNativeLibraryLoads() {
    FailStoreFactory chosen = FailStores.choose("leveldb");

    assertThat(chosen).isInstanceOf(LevelDbFailStoreFactory.class);
    assertThat(chosen.unavailableReason()).isEmpty();
    assertThat(logged.list).isEmpty();
  }

  @Test
  void leveldbFallsBackToMvstoreWithOneWarningWhenTheNativeLibraryFails() {
    LevelDbFailStoreFactory noNative =
        new LevelDbFailStoreFactory(
            () -> {
              throw new UnsatisfiedLinkError("no leveldbjni64 in java.library.path");
            });

    FailStoreFactory chosen = FailStores.choose(noNative);

    assertThat(chosen).isInstanceOf(MvStoreFailStoreFactory.class);
    assertThat(logged.list).hasSize(1);
    ILoggingEvent warning = logged.list.get(0);
    assertThat(warning.getLevel()).isEqualTo(Level.WARN);
    assertThat(warning.getFormattedMessage())
        .contains("'leveldb' cannot be used")
        .contains("no leveldbjni64 in java.library.path")
        .contains("Using 'mvstore' instead");
    assertThatThrownBy(() -> noNative.open(dir.resolve("s")))
        .isInstanceOf(FailStoreException.class)
        .hasMessageContaining("job.fail.store=mvstore");
    try (FailStore store = chosen.open(dir.resolve("s"))) {
      assertThat(store.type()).isEqualTo("mvstore");
    }
  }

  @Test
  void noFallbackLeftFailsNamingBothReasons() {
    FailStoreFactory broken =
        new FailStoreFactory() {
          @Override
          public String name() {
            return "mvstore";
          }

          @Override
          public Optional<String> unavailableReason() {
            return Optional.of("h2 missing");
          }

          @Override
          public FailStore open(Path folder) {
            throw new AssertionError("not opened");
          }
        };

    assertThatThrownBy(() -> FailStores.choose(broken))
        .isInstanceOf(LtsException.class)
        .hasMessageContaining("No FailStore can run here")
        .hasMessageContaining("h2 missing");
  }

  @Test
  void anUnknownNameListsTheKnownOnes() {
    assertThatThrownBy(() -> FailStores.choose("rocksdb"))
        .isInstanceOf(PluginNotFoundException.class)
        .hasMessageContaining("rocksdb")
        .hasMessageContaining("job.fail.store")
        .hasMessageContaining("leveldb, mvstore");
  }

  @Test
  void aNodesStoreLivesUnderItsTypeGroupAndIdentity() {
    NodeConfig config =
        NodeConfig.builder(NodeType.JOB_CLIENT)
            .nodeGroup("orders")
            .identity("JC_one")
            .dataPath(dir.toString())
            .config(ConfigKeys.FAIL_STORE, "mvstore")
            .build();

    Path expected = dir.resolve(".lts/JOB_CLIENT/orders/failstore/mvstore/JC_one");
    assertThat(FailStores.folder(config, "mvstore")).isEqualTo(expected);
    try (FailStore store = FailStores.open(config)) {
      assertThat(store.type()).isEqualTo("mvstore");
      assertThat(store.folder()).isEqualTo(expected);
      store.put(new byte[] {1});
      assertThat(expected.resolve(MvStoreFailStore.FILE_NAME)).isRegularFile();
      assertThat(expected.resolve(FolderLock.FILE_NAME)).isRegularFile();
    }
  }

  @Test
  void aPeerOfTheSameGroupFindsTheStoreADeadNodeLeft() {
    NodeConfig.Builder group =
        NodeConfig.builder(NodeType.TASK_TRACKER).nodeGroup("workers").dataPath(dir.toString());
    NodeConfig dead = group.identity("TT_dead").build();
    NodeConfig master = group.identity("TT_master").build();
    try (FailStore store = FailStores.open(dead)) {
      store.put(new byte[] {42});
    }

    try (FailStore own = FailStores.open(master)) {
      List<byte[]> resent = new java.util.ArrayList<>();
      int drained =
          FailStores.drainDeadPeers(
              own,
              peer -> {
                List<FailStoreEntry> entries = peer.oldest(10);
                entries.forEach(e -> resent.add(e.value()));
                peer.delete(entries.stream().map(FailStoreEntry::key).toList());
              });

      assertThat(drained).isEqualTo(1);
      assertThat(resent).containsExactly(new byte[] {42});
      assertThat(FailStores.folder(dead, own.type())).doesNotExist();
      assertThat(own.folder()).isDirectory();
    }
  }
}
