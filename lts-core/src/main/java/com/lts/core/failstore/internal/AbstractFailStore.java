package com.lts.core.failstore.internal;

import com.lts.core.failstore.FailStore;
import com.lts.core.failstore.FailStoreEntry;
import com.lts.core.failstore.FailStoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * What both implementations share: the folder lock, the ordered keys, the closed check and deleting
 * an emptied folder. Every public method holds this object's monitor, so an implementation sees one
 * call at a time.
 */
abstract class AbstractFailStore implements FailStore {

  private final String type;
  private final Path folder;
  private final FolderLock lock;
  private final OrderedKeys keys;
  private boolean closed;

  AbstractFailStore(String type, Path folder, FolderLock lock, String lastKey) {
    this.type = type;
    this.folder = folder;
    this.lock = lock;
    this.keys = new OrderedKeys(System::currentTimeMillis, lastKey);
  }

  /** Writes all entries in one synced batch. */
  abstract void write(List<FailStoreEntry> entries);

  /** The first {@code max} entries in key order. */
  abstract List<FailStoreEntry> read(int max);

  /** Removes these keys in one synced batch. */
  abstract void remove(Collection<String> keys);

  abstract long size();

  /** Closes the files (the lock is released by the caller). */
  abstract void closeStorage();

  @Override
  public final String type() {
    return type;
  }

  @Override
  public final Path folder() {
    return folder;
  }

  @Override
  public final synchronized String put(byte[] value) {
    return putAll(List.of(value)).get(0);
  }

  @Override
  public final synchronized List<String> putAll(List<byte[]> values) {
    checkOpen();
    List<FailStoreEntry> entries = new ArrayList<>(values.size());
    List<String> made = new ArrayList<>(values.size());
    for (byte[] value : values) {
      String key = keys.next();
      entries.add(new FailStoreEntry(key, Objects.requireNonNull(value, "value")));
      made.add(key);
    }
    if (!entries.isEmpty()) {
      write(entries);
    }
    return made;
  }

  @Override
  public final synchronized List<FailStoreEntry> oldest(int max) {
    if (max < 1) {
      throw new IllegalArgumentException("max must be at least 1, got " + max);
    }
    checkOpen();
    return read(max);
  }

  @Override
  public final synchronized void delete(Collection<String> keys) {
    checkOpen();
    if (!keys.isEmpty()) {
      remove(keys);
    }
  }

  @Override
  public final synchronized long count() {
    checkOpen();
    return size();
  }

  @Override
  public final synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      closeStorage();
    } finally {
      lock.release();
    }
  }

  @Override
  public final synchronized void closeAndDelete() {
    checkOpen();
    long left = size();
    if (left > 0) {
      close();
      throw new FailStoreException(
          folder, "Not deleted: the store still holds " + left + " entries; drain it first");
    }
    closed = true;
    try {
      closeStorage();
      deleteFilesButLock();
    } finally {
      lock.release();
    }
    try {
      Files.deleteIfExists(folder.resolve(FolderLock.FILE_NAME));
      Files.deleteIfExists(folder);
    } catch (IOException e) {
      throw new FailStoreException(folder, "The emptied store was closed but not deleted", e);
    }
  }

  private void deleteFilesButLock() {
    Path lockFile = folder.resolve(FolderLock.FILE_NAME);
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        if (!path.equals(folder) && !path.equals(lockFile)) {
          Files.delete(path);
        }
      }
    } catch (IOException e) {
      throw new FailStoreException(folder, "The emptied store was closed but not deleted", e);
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new FailStoreException(folder, "The FailStore is closed");
    }
  }

  @Override
  public String toString() {
    return type + " FailStore " + folder;
  }
}
