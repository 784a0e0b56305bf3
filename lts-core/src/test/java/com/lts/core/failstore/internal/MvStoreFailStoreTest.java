package com.lts.core.failstore.internal;

import com.lts.core.failstore.FailStoreContract;
import com.lts.core.failstore.FailStoreFactory;

class MvStoreFailStoreTest extends FailStoreContract {

  @Override
  protected FailStoreFactory factory() {
    return new MvStoreFailStoreFactory();
  }
}
