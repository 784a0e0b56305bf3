package com.lts.core.store;

import com.lts.core.spi.NamedPlugin;

/**
 * Opens one kind of store; found by the {@code job.queue} name through {@code ServiceLoader}
 * ({@code h2}, {@code mysql}, {@code postgresql}, {@code mongo}).
 */
public interface StoreProvider extends NamedPlugin {

  /**
   * @throws StoreException when the database cannot be reached or its schema set up
   */
  Store open(StoreContext context);
}
