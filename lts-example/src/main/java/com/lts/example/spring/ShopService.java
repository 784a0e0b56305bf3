package com.lts.example.spring;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An application service the runners get injected; stands in for real business logic. */
public class ShopService {

  private final List<String> synced = new CopyOnWriteArrayList<>();

  public void sync(String shopId) {
    synced.add(shopId);
  }

  /** The shops synced so far. */
  public List<String> synced() {
    return List.copyOf(synced);
  }
}
