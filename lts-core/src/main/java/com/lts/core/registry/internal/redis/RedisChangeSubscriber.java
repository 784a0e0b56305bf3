package com.lts.core.registry.internal.redis;

import com.lts.core.event.FailureKind;
import com.lts.core.internal.background.Background;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Listens on the cluster's change channel on its own thread and connection, and subscribes again
 * after any failure. Every (re)subscription is reported, because messages sent while unsubscribed
 * are lost and the registry must read everything again.
 */
final class RedisChangeSubscriber implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(RedisChangeSubscriber.class);
  private static final String TASK = "Redis registry subscription";
  private static final long JOIN_MILLIS = 5_000;

  private final HostAndPort server;
  private final JedisClientConfig clientConfig;
  private final String channel;
  private final long reconnectMillis;
  private final Consumer<String> onMessage;
  private final Runnable onSubscribed;
  private final Thread thread;
  private final Background background;
  private volatile boolean reconnecting;
  private final CountDownLatch closedSignal = new CountDownLatch(1);
  private volatile Jedis connection;
  private volatile boolean closed;

  RedisChangeSubscriber(
      HostAndPort server,
      JedisClientConfig clientConfig,
      String channel,
      long reconnectMillis,
      Consumer<String> onMessage,
      Runnable onSubscribed,
      String threadName,
      Background background) {
    this.background = background;
    this.server = server;
    this.clientConfig = clientConfig;
    this.channel = channel;
    this.reconnectMillis = reconnectMillis;
    this.onMessage = onMessage;
    this.onSubscribed = onSubscribed;
    this.thread = new Thread(this::run, threadName);
    thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  private void run() {
    while (!closed) {
      try (Jedis jedis = new Jedis(server, clientConfig)) {
        connection = jedis;
        if (!closed) {
          jedis.subscribe(new Handler(), channel);
        }
      } catch (JedisException e) {
        if (!closed && !reconnecting) {
          background.failed(TASK, FailureKind.REGISTRY_UNREACHABLE, e);
        }
      } catch (RuntimeException e) { // a message handler failed; subscribe again
        background.failed(TASK, e);
      } finally {
        reconnecting = false;
        connection = null;
      }
      try {
        if (closedSignal.await(reconnectMillis, TimeUnit.MILLISECONDS)) {
          return;
        }
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /**
   * Drops the current connection so the loop subscribes again. Used when the registry sees Redis
   * come back: a subscription on a half-dead connection might otherwise wait forever.
   */
  void reconnect() {
    Jedis current = connection;
    if (current != null) {
      reconnecting = true;
      try {
        current.disconnect();
      } catch (RuntimeException e) {
        log.debug("Closing the subscriber connection failed", e);
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    closedSignal.countDown();
    reconnect();
    try {
      thread.join(JOIN_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private final class Handler extends JedisPubSub {

    @Override
    public void onMessage(String messageChannel, String message) {
      onMessage.accept(message);
    }

    @Override
    public void onSubscribe(String subscribedChannel, int subscribedChannels) {
      background.succeeded(TASK);
      onSubscribed.run();
    }
  }
}
