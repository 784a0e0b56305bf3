package com.lts.core.store;

/**
 * A cluster setting an operator changed at run time (see {@link SettingStore}).
 *
 * @param modifiedBy who changed it (an Admin user); null when unknown
 */
public record Setting(String name, String value, long modified, String modifiedBy) {}
