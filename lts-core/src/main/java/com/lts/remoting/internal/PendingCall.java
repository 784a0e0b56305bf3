package com.lts.remoting.internal;

import io.netty.util.Timeout;
import java.util.concurrent.CompletableFuture;

/** A request waiting for its response: the future to complete and its timeout task. */
final class PendingCall<R> {

  private final Class<R> responseType;
  private final CompletableFuture<R> future;
  private final String description;
  private volatile Timeout timeout;

  PendingCall(Class<R> responseType, CompletableFuture<R> future, String description) {
    this.responseType = responseType;
    this.future = future;
    this.description = description;
  }

  void timeout(Timeout timeout) {
    this.timeout = timeout;
  }

  String description() {
    return description;
  }

  void complete(Object body) {
    cancelTimeout();
    future.complete(responseType.cast(body));
  }

  void fail(Throwable failure) {
    cancelTimeout();
    future.completeExceptionally(failure);
  }

  private void cancelTimeout() {
    Timeout t = timeout;
    if (t != null) {
      t.cancel();
    }
  }
}
