package com.lts.core.registry.internal.zookeeper;

import com.lts.core.internal.background.Background;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.data.Stat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one ephemeral znode present while active: written at registration, again after every new
 * session, and again whenever it disappears. All ZooKeeper calls run on the registry's writer
 * thread, never on ZooKeeper's event thread.
 *
 * <p>Written here rather than with Curator's PersistentNode because closing must never wait for a
 * lost connection (the session's end removes the znode anyway), and because an entry left by a dead
 * process with the same identity must be taken over, not reused.
 */
final class EphemeralEntry {

  private static final Logger log = LoggerFactory.getLogger(EphemeralEntry.class);

  private final CuratorFramework client;
  private final Executor writer;
  private final String path;
  private final byte[] data;
  private static final String TASK = "ZooKeeper registry entry write";

  private final Watcher watcher;
  private final Background background;
  private volatile boolean active = true;
  private volatile boolean warnedForeignOwner;

  EphemeralEntry(
      CuratorFramework client, Executor writer, String path, byte[] data, Background background) {
    this.background = background;
    this.client = client;
    this.writer = writer;
    this.path = path;
    this.data = data;
    // Any change of the znode (deleted, created, data) is a reason to check it again.
    this.watcher = event -> ensureLater();
  }

  String path() {
    return path;
  }

  /** Checks and, if needed, writes the entry again on the writer thread. */
  void ensureLater() {
    if (active) {
      try {
        writer.execute(() -> ensure(false));
      } catch (RejectedExecutionException closed) {
        log.debug("Registry closed; {} no longer kept", path);
      }
    }
  }

  /**
   * Makes sure the znode exists and belongs to this session.
   *
   * @param takeOver delete an entry of another session first (true only when registering: an entry
   *     left by a previous process of this node would vanish when that session expires)
   */
  void ensure(boolean takeOver) {
    if (!active) {
      return;
    }
    try {
      long session = client.getZookeeperClient().getZooKeeper().getSessionId();
      Stat stat = client.checkExists().usingWatcher(watcher).forPath(path);
      if (stat != null && stat.getEphemeralOwner() == session) {
        return;
      }
      if (stat != null && !takeOver) {
        // Another session holds it (our own previous one, or a process with our identity): wait
        // for the watch to report it gone rather than fight over it.
        if (!warnedForeignOwner) {
          warnedForeignOwner = true;
          log.info("{} is held by another session; writing it again once that one is gone", path);
        }
        return;
      }
      if (stat != null) {
        client.delete().withVersion(stat.getVersion()).forPath(path);
        log.info("Replaced {} left by an earlier session", path);
      }
      client.create().creatingParentsIfNeeded().withMode(CreateMode.EPHEMERAL).forPath(path, data);
      warnedForeignOwner = false;
      background.succeeded(TASK);
    } catch (KeeperException.NodeExistsException
        | KeeperException.NoNodeException
        | KeeperException.BadVersionException e) {
      // Changed under our feet; the watch set above brings us back here.
      log.debug("{} changed while being written", path, e);
    } catch (Exception e) {
      // Connection trouble: the registry writes every entry again once it is connected.
      background.failed(TASK, ZooKeeperRegistry.kindOf(e), e);
    }
  }

  /** Stops keeping the entry; deletes it when {@code delete} (else the session's end will). */
  void deactivate(boolean delete) {
    active = false;
    if (!delete) {
      return;
    }
    try {
      Stat stat = client.checkExists().forPath(path);
      long session = client.getZookeeperClient().getZooKeeper().getSessionId();
      if (stat != null && stat.getEphemeralOwner() == session) {
        client.delete().withVersion(stat.getVersion()).forPath(path);
      }
    } catch (KeeperException.NoNodeException | KeeperException.BadVersionException e) {
      log.debug("{} already gone", path);
    } catch (Exception e) {
      log.warn("Could not delete {} ({}); it goes when this session ends", path, e.toString());
    }
  }
}
