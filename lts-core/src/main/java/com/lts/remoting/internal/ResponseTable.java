package com.lts.remoting.internal;

import com.lts.remoting.RemoteErrorException;
import com.lts.remoting.RemotingTimeoutException;
import com.lts.remoting.ResponseStatus;
import com.lts.remoting.internal.command.ErrorBody;
import com.lts.remoting.internal.protocol.RemotingMessage;
import io.netty.util.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The requests of one connection that wait for a response, by request id. Each is completed by its
 * response, by its timeout, or when the connection closes, whichever comes first; futures always
 * complete on the callback executor, never on a network or timer thread.
 */
public final class ResponseTable {

  private static final Logger log = LoggerFactory.getLogger(ResponseTable.class);

  private final Map<Long, PendingCall<?>> pending = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong();
  private final Timer timer;
  private final Executor callbacks;

  public ResponseTable(Timer timer, Executor callbacks) {
    this.timer = timer;
    this.callbacks = callbacks;
  }

  public long nextId() {
    return ids.incrementAndGet();
  }

  /** Registers request {@code id}; the returned future completes with its response body. */
  public <R> CompletableFuture<R> register(
      long id, Class<R> responseType, String description, Duration timeout) {
    CompletableFuture<R> future = new CompletableFuture<>();
    PendingCall<R> call = new PendingCall<>(responseType, future, description);
    pending.put(id, call);
    call.timeout(
        timer.newTimeout(
            t ->
                fail(
                    id,
                    new RemotingTimeoutException(
                        description + " got no response within " + timeout.toMillis() + " ms")),
            timeout.toMillis(),
            TimeUnit.MILLISECONDS));
    return future;
  }

  /** Completes the request {@code response} answers; a late or unknown response is dropped. */
  public void complete(RemotingMessage response) {
    PendingCall<?> call = pending.remove(response.requestId());
    if (call == null) {
      log.debug("Dropping {}: no request waits for it (timed out?)", response);
      return;
    }
    if (response.status() == ResponseStatus.SUCCESS) {
      onCallbackThread(() -> call.complete(response.body()));
    } else {
      String message =
          response.body() instanceof ErrorBody error ? error.getMessage() : "(no message)";
      RemoteErrorException failure =
          new RemoteErrorException(response.status(), message, call.description());
      onCallbackThread(() -> call.fail(failure));
    }
  }

  /** Fails request {@code id} if it still waits. */
  public void fail(long id, Throwable failure) {
    PendingCall<?> call = pending.remove(id);
    if (call != null) {
      onCallbackThread(() -> call.fail(failure));
    }
  }

  /** Fails every waiting request, e.g. because the connection closed. */
  public void failAll(Throwable failure) {
    for (Long id : pending.keySet()) {
      fail(id, failure);
    }
  }

  public int size() {
    return pending.size();
  }

  private void onCallbackThread(Runnable completion) {
    try {
      callbacks.execute(completion);
    } catch (RejectedExecutionException e) {
      // Only while shutting down: completing here beats leaving the caller waiting forever.
      completion.run();
    }
  }
}
