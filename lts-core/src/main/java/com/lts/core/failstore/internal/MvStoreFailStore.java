package com.lts.core.failstore.internal;

import com.lts.core.failstore.FailStoreEntry;
import com.lts.core.failstore.FailStoreException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;

/** A FailStore in an H2 MVStore file, {@code <folder>/failstore.mv.db}. */
public final class MvStoreFailStore extends AbstractFailStore {

  public static final String FILE_NAME = "failstore.mv.db";

  private final MVStore store;
  private final MVMap<String, byte[]> entries;

  private MvStoreFailStore(
      Path folder, FolderLock lock, MVStore store, MVMap<String, byte[]> entries) {
    super(MvStoreFailStoreFactory.NAME, folder, lock, entries.lastKey());
    this.store = store;
    this.entries = entries;
  }

  static MvStoreFailStore open(Path folder) {
    FolderLock lock = FolderLock.acquire(folder);
    MVStore store = null;
    try {
      store =
          new MVStore.Builder()
              .fileName(folder.resolve(FILE_NAME).toString())
              .autoCommitDisabled()
              .open();
      MVMap<String, byte[]> entries = store.openMap("entries");
      return new MvStoreFailStore(folder, lock, store, entries);
    } catch (MVStoreException e) {
      if (store != null) {
        store.closeImmediately();
      }
      lock.release();
      throw new FailStoreException(folder, "Cannot open the MVStore FailStore", e);
    }
  }

  @Override
  void write(List<FailStoreEntry> batch) {
    try {
      for (FailStoreEntry entry : batch) {
        entries.put(entry.key(), entry.value());
      }
      commitAndSync();
    } catch (MVStoreException e) {
      rollBack(e);
      throw new FailStoreException(folder(), "Cannot write " + batch.size() + " entries", e);
    }
  }

  @Override
  List<FailStoreEntry> read(int max) {
    List<FailStoreEntry> found = new ArrayList<>(Math.min(max, 1024));
    try {
      Iterator<Map.Entry<String, byte[]>> it = entries.entrySet().iterator();
      while (found.size() < max && it.hasNext()) {
        Map.Entry<String, byte[]> next = it.next();
        found.add(new FailStoreEntry(next.getKey(), next.getValue()));
      }
    } catch (MVStoreException e) {
      throw new FailStoreException(folder(), "Cannot read entries", e);
    }
    return found;
  }

  @Override
  void remove(Collection<String> keys) {
    try {
      for (String key : keys) {
        entries.remove(key);
      }
      commitAndSync();
    } catch (MVStoreException e) {
      rollBack(e);
      throw new FailStoreException(folder(), "Cannot delete " + keys.size() + " entries", e);
    }
  }

  @Override
  long size() {
    return entries.sizeAsLong();
  }

  @Override
  void closeStorage() {
    try {
      store.close();
    } catch (MVStoreException e) {
      throw new FailStoreException(folder(), "Cannot close the MVStore file", e);
    }
  }

  private void commitAndSync() {
    store.commit();
    store.sync();
  }

  /** Puts the map back to what is on disk, so memory never shows what was not stored. */
  private void rollBack(MVStoreException cause) {
    try {
      store.rollback();
    } catch (MVStoreException e) {
      cause.addSuppressed(e);
    }
  }
}
