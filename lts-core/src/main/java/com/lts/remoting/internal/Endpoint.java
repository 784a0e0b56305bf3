package com.lts.remoting.internal;

import io.netty.util.HashedWheelTimer;
import io.netty.util.Timer;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a server or a client shares among its connections: processors and their default executor,
 * the callback executor that completes futures, the event thread that tells connection listeners,
 * and the timeout timer.
 */
public final class Endpoint implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Endpoint.class);

  private final String name;
  private final ProcessorRegistry processors;
  private final ThreadPoolExecutor processorExecutor;
  private final ThreadPoolExecutor callbackExecutor;
  private final ThreadPoolExecutor eventExecutor;
  private final HashedWheelTimer timer;
  private final Duration requestTimeout;
  private final List<ConnectionListener> connectionListeners = new CopyOnWriteArrayList<>();
  private final List<ChannelFailureListener> failureListeners = new CopyOnWriteArrayList<>();

  /**
   * @param name used in thread names
   * @param processorThreads threads of the default processor executor
   * @param processorQueueCapacity requests that may wait for a processor thread; more are refused
   *     as busy
   * @param requestTimeout the timeout of calls that do not give their own
   */
  public Endpoint(
      String name, int processorThreads, int processorQueueCapacity, Duration requestTimeout) {
    this.name = name;
    this.requestTimeout = requestTimeout;
    this.processorExecutor =
        new ThreadPoolExecutor(
            processorThreads,
            processorThreads,
            60,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(processorQueueCapacity),
            new DefaultThreadFactory("lts-" + name + "-processor", true));
    this.processorExecutor.allowCoreThreadTimeOut(true);
    int callbackThreads = Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));
    this.callbackExecutor =
        new ThreadPoolExecutor(
            callbackThreads,
            callbackThreads,
            60,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            new DefaultThreadFactory("lts-" + name + "-callback", true));
    this.callbackExecutor.allowCoreThreadTimeOut(true);
    // One thread, so that listeners hear connected/disconnected in the order they happened.
    this.eventExecutor =
        new ThreadPoolExecutor(
            1,
            1,
            60,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            new DefaultThreadFactory("lts-" + name + "-events", true));
    this.eventExecutor.allowCoreThreadTimeOut(true);
    this.timer =
        new HashedWheelTimer(
            new DefaultThreadFactory("lts-" + name + "-timer", true), 10, TimeUnit.MILLISECONDS);
    this.processors = new ProcessorRegistry(processorExecutor);
  }

  public String name() {
    return name;
  }

  public ProcessorRegistry processors() {
    return processors;
  }

  public ExecutorService callbackExecutor() {
    return callbackExecutor;
  }

  public Timer timer() {
    return timer;
  }

  public Duration requestTimeout() {
    return requestTimeout;
  }

  public List<ChannelFailureListener> failureListeners() {
    return failureListeners;
  }

  public void addConnectionListener(ConnectionListener listener) {
    connectionListeners.add(listener);
  }

  public void addFailureListener(ChannelFailureListener listener) {
    failureListeners.add(listener);
  }

  /** Tells the connection listeners, in order, on the event thread. */
  public void fireConnected(RemotingChannel channel) {
    for (ConnectionListener listener : connectionListeners) {
      callback(() -> listener.connected(channel), listener);
    }
  }

  /** Tells the connection listeners, in order, on the event thread. */
  public void fireDisconnected(RemotingChannel channel) {
    for (ConnectionListener listener : connectionListeners) {
      callback(() -> listener.disconnected(channel), listener);
    }
  }

  private void callback(Runnable call, ConnectionListener listener) {
    try {
      eventExecutor.execute(
          () -> {
            try {
              call.run();
            } catch (RuntimeException e) {
              log.warn("Connection listener {} failed", listener, e);
            }
          });
    } catch (java.util.concurrent.RejectedExecutionException e) {
      log.debug("Not telling {}: {} is closed", listener, name);
    }
  }

  /** A response table for one new connection. */
  public ResponseTable newResponseTable() {
    return new ResponseTable(timer, callbackExecutor);
  }

  @Override
  public void close() {
    processorExecutor.shutdown();
    timer.stop();
    callbackExecutor.shutdown();
    eventExecutor.shutdown();
  }
}
