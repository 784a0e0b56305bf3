package com.lts.core.failstore;

import com.lts.core.spi.Plugins;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Run by {@link FailStoreCrashTest} in its own JVM: opens a store, puts N entries one by one,
 * prints {@value #STORED} and waits to be killed.
 *
 * <p>Arguments: type, folder, N.
 */
public final class FailStoreCrashChild {

  static final String STORED = "STORED";

  private FailStoreCrashChild() {}

  public static void main(String[] args) throws InterruptedException {
    FailStoreFactory factory = Plugins.find(FailStoreFactory.class, args[0], null);
    FailStore store = factory.open(Path.of(args[1]));
    int n = Integer.parseInt(args[2]);
    for (int i = 0; i < n; i++) {
      store.put(("entry-" + i).getBytes(StandardCharsets.UTF_8));
    }
    System.out.println(STORED + " " + n);
    System.out.flush();
    new CountDownLatch(1).await();
  }
}
