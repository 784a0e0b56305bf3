package com.lts.core.failstore.internal;

import com.lts.core.failstore.FailStoreException;
import com.lts.core.failstore.FailStoreLockedException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The lock that keeps a store folder to one open store: an OS file lock on {@value #FILE_NAME},
 * which the OS drops when the process dies (also on {@code kill -9}).
 */
public final class FolderLock {

  public static final String FILE_NAME = FailStoreLockedException.LOCK_FILE_NAME;

  private final Path folder;
  private final FileChannel channel;
  private final FileLock lock;

  private FolderLock(Path folder, FileChannel channel, FileLock lock) {
    this.folder = folder;
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Creates the folder when missing and takes its lock.
   *
   * @throws FailStoreLockedException when the lock is held by another process or this one
   */
  public static FolderLock acquire(Path folder) {
    FileChannel channel;
    try {
      Files.createDirectories(folder);
      channel =
          FileChannel.open(
              folder.resolve(FILE_NAME), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new FailStoreException(folder, "Cannot create the folder or its lock file", e);
    }
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    } catch (IOException e) {
      closeQuietly(channel, e);
      throw new FailStoreException(folder, "Cannot lock " + FILE_NAME, e);
    }
    if (lock == null) {
      closeQuietly(channel, null);
      throw new FailStoreLockedException(folder);
    }
    return new FolderLock(folder, channel, lock);
  }

  /** Releases the lock and closes the lock file (which stays, empty, in the folder). */
  void release() {
    try {
      try {
        lock.release();
      } finally {
        channel.close();
      }
    } catch (IOException e) {
      throw new FailStoreException(folder, "Cannot release the lock", e);
    }
  }

  private static void closeQuietly(FileChannel channel, Exception primary) {
    try {
      channel.close();
    } catch (IOException e) {
      if (primary != null) {
        primary.addSuppressed(e);
      }
    }
  }
}
