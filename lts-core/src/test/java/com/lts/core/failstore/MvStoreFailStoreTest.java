package com.lts.core.failstore;

class MvStoreFailStoreTest extends FailStoreContract {

  @Override
  FailStoreFactory factory() {
    return new MvStoreFailStoreFactory();
  }
}
