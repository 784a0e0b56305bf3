package com.lts.core.store;

/** A fixture with its store open, and the clock that store uses. */
public record Backend(StoreFixture fixture, Store store, MutableClock clock) {

  public static Backend open(StoreFixture fixture) {
    MutableClock clock = new MutableClock(StoreContractBase.T0);
    return new Backend(fixture, fixture.open(clock), clock);
  }

  public void close() throws Exception {
    store.close();
    fixture.drop();
  }
}
