package com.lts.core.failstore;

class LevelDbFailStoreTest extends FailStoreContract {

  @Override
  FailStoreFactory factory() {
    return new LevelDbFailStoreFactory();
  }
}
