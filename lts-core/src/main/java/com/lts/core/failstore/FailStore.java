package com.lts.core.failstore;

import com.lts.core.internal.json.Json;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

/**
 * Keeps, on the local disk, what a node could not send (a RetryJobClient's submits, a TaskTracker's
 * job results) until it can be re-sent. Each entry gets a key that sorts in insertion order, also
 * across a reopen; a retry loop reads the {@link #oldest(int) oldest} entries, re-sends them and
 * {@link #delete(Collection) deletes} what was accepted.
 *
 * <p>One store is one folder, locked by this process while open: no second process (and no second
 * open in this process) can use it. Every write is on disk when the method returns. Thread-safe.
 * Values are opaque bytes; {@link #putJson} and {@link FailStoreEntry#value(Class)} store objects
 * as {@link Json}.
 *
 * @see FailStores for opening one by configuration and for draining the stores of dead peers
 */
public interface FailStore extends AutoCloseable {

  /** The implementation name, e.g. {@code leveldb} or {@code mvstore}. */
  String type();

  /** The folder this store keeps its files (and its lock) in. */
  Path folder();

  /**
   * Stores one value under a new key, later than every key given before.
   *
   * @return the key
   * @throws FailStoreException when the value could not be written to disk (nothing was stored)
   */
  String put(byte[] value);

  /**
   * Stores all values at once (all or nothing), in list order, with one disk sync.
   *
   * @return the keys, in the order of {@code values}
   * @throws FailStoreException when the values could not be written to disk (none was stored)
   */
  List<String> putAll(List<byte[]> values);

  /** {@link #put} of {@code value} written as JSON. */
  default String putJson(Object value) {
    return put(Json.toBytes(value));
  }

  /**
   * The oldest entries, at most {@code max}, oldest first.
   *
   * @throws IllegalArgumentException when {@code max < 1}
   */
  List<FailStoreEntry> oldest(int max);

  /** Deletes the entries with these keys (keys not in the store are ignored), with one sync. */
  void delete(Collection<String> keys);

  /** How many entries the store holds. */
  long count();

  /** Closes the store and releases the folder's lock. Calling it again does nothing. */
  @Override
  void close();

  /**
   * Closes the store and deletes its folder, which must hold no entries (used after draining a dead
   * peer's store).
   *
   * @throws FailStoreException when entries are left (the store is then closed, nothing deleted)
   */
  void closeAndDelete();
}
