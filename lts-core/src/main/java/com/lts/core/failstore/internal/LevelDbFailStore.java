package com.lts.core.failstore.internal;

import com.lts.core.failstore.FailStoreEntry;
import com.lts.core.failstore.FailStoreException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.fusesource.leveldbjni.JniDBFactory;
import org.iq80.leveldb.DB;
import org.iq80.leveldb.DBException;
import org.iq80.leveldb.DBIterator;
import org.iq80.leveldb.Options;
import org.iq80.leveldb.WriteBatch;
import org.iq80.leveldb.WriteOptions;

/** A FailStore in a leveldb database (leveldbjni) in {@code <folder>/leveldb}. */
final class LevelDbFailStore extends AbstractFailStore {

  private final DB db;
  private final WriteOptions sync = new WriteOptions().sync(true);

  private LevelDbFailStore(Path folder, FolderLock lock, DB db, String lastKey) {
    super(LevelDbFailStoreFactory.NAME, folder, lock, lastKey);
    this.db = db;
  }

  static LevelDbFailStore open(Path folder) {
    FolderLock lock = FolderLock.acquire(folder);
    DB db = null;
    try {
      db =
          JniDBFactory.factory.open(
              folder.resolve("leveldb").toFile(), new Options().createIfMissing(true));
      return new LevelDbFailStore(folder, lock, db, lastKey(db));
    } catch (IOException | DBException e) {
      closeAfterFailure(db, e);
      lock.release();
      throw new FailStoreException(folder, "Cannot open the leveldb FailStore", e);
    } catch (RuntimeException e) {
      closeAfterFailure(db, e);
      lock.release();
      throw e;
    }
  }

  private static String lastKey(DB db) throws IOException {
    try (DBIterator it = db.iterator()) {
      it.seekToLast();
      return it.hasNext() ? string(it.next().getKey()) : null;
    }
  }

  @Override
  void write(List<FailStoreEntry> entries) {
    try (WriteBatch batch = db.createWriteBatch()) {
      for (FailStoreEntry entry : entries) {
        batch.put(bytes(entry.key()), entry.value());
      }
      db.write(batch, sync);
    } catch (IOException | DBException e) {
      throw new FailStoreException(folder(), "Cannot write " + entries.size() + " entries", e);
    }
  }

  @Override
  List<FailStoreEntry> read(int max) {
    List<FailStoreEntry> entries = new ArrayList<>(Math.min(max, 1024));
    try (DBIterator it = db.iterator()) {
      it.seekToFirst();
      while (entries.size() < max && it.hasNext()) {
        Map.Entry<byte[], byte[]> next = it.next();
        entries.add(new FailStoreEntry(string(next.getKey()), next.getValue()));
      }
    } catch (IOException | DBException e) {
      throw new FailStoreException(folder(), "Cannot read entries", e);
    }
    return entries;
  }

  @Override
  void remove(Collection<String> keys) {
    try (WriteBatch batch = db.createWriteBatch()) {
      for (String key : keys) {
        batch.delete(bytes(key));
      }
      db.write(batch, sync);
    } catch (IOException | DBException e) {
      throw new FailStoreException(folder(), "Cannot delete " + keys.size() + " entries", e);
    }
  }

  @Override
  long size() {
    long count = 0;
    try (DBIterator it = db.iterator()) {
      for (it.seekToFirst(); it.hasNext(); it.next()) {
        count++;
      }
    } catch (IOException | DBException e) {
      throw new FailStoreException(folder(), "Cannot count entries", e);
    }
    return count;
  }

  @Override
  void closeStorage() {
    try {
      db.close();
    } catch (IOException | DBException e) {
      throw new FailStoreException(folder(), "Cannot close the leveldb database", e);
    }
  }

  private static void closeAfterFailure(DB db, Exception primary) {
    if (db != null) {
      try {
        db.close();
      } catch (IOException | RuntimeException e) {
        primary.addSuppressed(e);
      }
    }
  }

  private static byte[] bytes(String key) {
    return key.getBytes(StandardCharsets.UTF_8);
  }

  private static String string(byte[] key) {
    return new String(key, StandardCharsets.UTF_8);
  }
}
