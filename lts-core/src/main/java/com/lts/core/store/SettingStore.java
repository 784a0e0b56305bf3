package com.lts.core.store;

import java.util.Map;

/**
 * Settings of the whole cluster that an operator changes at run time and every JobTracker reads
 * from the store, such as the alert rules edited in LTS Admin. Values are the text form of a
 * configuration key's value; whoever reads one checks it as the key does.
 */
public interface SettingStore {

  /** Longest value kept. */
  int MAX_VALUE_LENGTH = 4_000;

  /** Every stored setting by name. */
  Map<String, Setting> all();

  /**
   * Stores {@code value} under {@code name}, replacing what was there.
   *
   * @param modifiedBy who changed it, at most 128 characters; null when unknown
   * @throws InvalidStoreArgumentException for a name that is not a configuration key's form or a
   *     value longer than {@link #MAX_VALUE_LENGTH}
   */
  void put(String name, String value, String modifiedBy);

  /** Removes a setting; false when there was none. */
  boolean remove(String name);
}
