package com.lts.core.registry.internal.redis;

import com.lts.core.cluster.MasterChangeListener;
import com.lts.core.cluster.Node;
import com.lts.core.event.FailureKind;
import com.lts.core.internal.background.Background;
import com.lts.core.internal.json.Json;
import com.lts.core.internal.json.JsonException;
import com.lts.core.registry.MasterElector;
import com.lts.core.registry.MasterState;
import com.lts.core.registry.MasterStateListener;
import com.lts.core.registry.internal.MasterStateHub;
import com.lts.core.registry.internal.RegistryEventThread;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Election by lease. The lease key {@code /LTS/{cluster}/MASTERS/{TYPE}/{group}} holds {@code
 * {epoch}|{master as JSON}} and expires after the lease time ({@code redis.session.timeout}).
 * Acquiring is one script: if the key is absent, {@code INCR} the counter {@code .../{group}/EPOCH}
 * and {@code SET key value NX PX lease}. The master extends the lease every third of it with a
 * compare-and-extend script; any failed or refused renewal, or reaching the lease end minus a
 * margin by the local monotonic clock (measured from before the command was sent), ends mastership
 * here at once, before the key can expire in Redis.
 */
final class RedisMasterElector implements MasterElector {

  private static final Logger log = LoggerFactory.getLogger(RedisMasterElector.class);
  private static final String TASK = "Redis master election";

  private static final String ACQUIRE =
      "if redis.call('EXISTS', KEYS[1]) == 1 then return {0, redis.call('GET', KEYS[1])} end\n"
          + "local value = redis.call('INCR', KEYS[2]) .. '|' .. ARGV[1]\n"
          + "redis.call('SET', KEYS[1], value, 'NX', 'PX', ARGV[2])\n"
          + "return {1, value}";
  private static final String RENEW =
      "if redis.call('GET', KEYS[1]) == ARGV[1] then\n"
          + "  return redis.call('PEXPIRE', KEYS[1], ARGV[2])\n"
          + "end\n"
          + "return 0";
  private static final String RELEASE =
      "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end\n"
          + "return 0";
  private static final long CLOSE_WAIT_MILLIS = 5_000;

  private final RedisRegistry registry;
  private final String leaseKey;
  private final String epochKey;
  private final String electionKey;
  private final Node candidate;
  private final String candidateJson;
  private final long leaseMillis;
  private final long leaseNanos;
  private final long marginNanos;
  private final MasterStateHub hub;
  private final ScheduledExecutorService scheduler;
  private final Background background;

  /** The lease value while this candidate holds it, else null. */
  private volatile String held;

  /** The last lease value this candidate held, to recognise its own leftover lease. */
  private volatile String lastHeld;

  private volatile long leaseEndNanos;
  private volatile boolean started;
  private volatile boolean closed;

  RedisMasterElector(
      RedisRegistry registry,
      RegistryEventThread events,
      Background background,
      String leaseKey,
      Node candidate,
      long leaseMillis) {
    this.registry = registry;
    this.background = background;
    this.leaseKey = leaseKey;
    this.epochKey = leaseKey + "/EPOCH";
    this.electionKey = candidate.getNodeType().name() + ":" + candidate.getGroup();
    this.candidate = candidate;
    this.candidateJson = Json.toJson(candidate);
    this.leaseMillis = leaseMillis;
    this.leaseNanos = TimeUnit.MILLISECONDS.toNanos(leaseMillis);
    this.marginNanos = leaseNanos / 10;
    this.hub = new MasterStateHub(events);
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "lts-registry-redis-elector-" + electionKey);
              thread.setDaemon(true);
              return thread;
            });
  }

  String electionKey() {
    return electionKey;
  }

  @Override
  public Node candidate() {
    return candidate;
  }

  @Override
  public synchronized void start() {
    if (started || closed) {
      return;
    }
    started = true;
    scheduler.scheduleWithFixedDelay(this::tick, 0, leaseMillis / 3, TimeUnit.MILLISECONDS);
  }

  /** Runs a round now, e.g. after another candidate announced a change. */
  void wakeUp() {
    if (started && !closed) {
      try {
        scheduler.execute(this::tick);
      } catch (RejectedExecutionException e) {
        log.debug("Elector closed");
      }
    }
  }

  private void tick() {
    if (closed) {
      return;
    }
    long sentAt = System.nanoTime();
    try (Jedis jedis = registry.pool().getResource()) {
      if (held != null && renew(jedis, sentAt)) {
        return;
      }
      Lease lease = acquire(jedis);
      if (!lease.acquired() && lease.value().equals(lastHeld)) {
        // Our own lease outlived our mastership here (e.g. a renewal reply was lost); give it
        // back and compete again, so mastership can only return with a new epoch.
        jedis.eval(RELEASE, List.of(leaseKey), List.of(lease.value()));
        lease = acquire(jedis);
      }
      if (lease.acquired()) {
        leaseEndNanos = sentAt + leaseNanos;
        held = lease.value();
        lastHeld = lease.value();
        registry.announceMasterChange(jedis, electionKey);
        log.info("{} is master with epoch {}", candidate, epochOf(lease.value()));
      }
      hub.report(stateOf(lease.value()));
      background.succeeded(TASK);
    } catch (JedisException e) {
      lose("the registry is unreachable: " + e);
      background.failed(TASK, FailureKind.REGISTRY_UNREACHABLE, e);
    } catch (RuntimeException e) {
      lose("the election round failed");
      background.failed(TASK, e);
    }
  }

  /** Extends our lease; true when still master. */
  private boolean renew(Jedis jedis, long sentAt) {
    if (sentAt >= leaseEndNanos - marginNanos) {
      lose("the lease ran out before it could be renewed");
      return false;
    }
    Object extended =
        jedis.eval(RENEW, List.of(leaseKey), List.of(held, Long.toString(leaseMillis)));
    if (extended instanceof Long count && count == 1L) {
      leaseEndNanos = sentAt + leaseNanos;
      return true;
    }
    lose("the lease is held by someone else");
    return false;
  }

  /** Takes the lease if free; either way returns the lease value now in Redis. */
  private Lease acquire(Jedis jedis) {
    List<?> result =
        (List<?>)
            jedis.eval(
                ACQUIRE,
                List.of(leaseKey, epochKey),
                List.of(candidateJson, Long.toString(leaseMillis)));
    boolean acquired = result.get(0) instanceof Long flag && flag == 1L;
    return new Lease(acquired, String.valueOf(result.get(1)));
  }

  /** A lease value, and whether this round created it. */
  private record Lease(boolean acquired, String value) {}

  private void lose(String why) {
    if (held != null) {
      held = null;
      log.warn("{} is no longer master: {}", candidate, why);
    }
    hub.report(MasterState.NONE);
  }

  /** The master a lease value names, or null when it names none readable. */
  static Node masterOf(String value) {
    int bar = value == null ? -1 : value.indexOf('|');
    if (bar <= 0) {
      return null;
    }
    try {
      return Json.fromJson(value.substring(bar + 1), Node.class);
    } catch (JsonException e) {
      return null;
    }
  }

  private MasterState stateOf(String value) {
    int bar = value.indexOf('|');
    if (bar <= 0) {
      return MasterState.NONE;
    }
    try {
      Node master = Json.fromJson(value.substring(bar + 1), Node.class);
      return new MasterState(master, epochOf(value), value.equals(held));
    } catch (JsonException | NumberFormatException e) {
      log.warn("Unreadable master lease {}: {}", leaseKey, e.getMessage());
      return MasterState.NONE;
    }
  }

  private static long epochOf(String value) {
    return Long.parseLong(value.substring(0, value.indexOf('|')));
  }

  @Override
  public boolean isMaster() {
    return !closed && held != null && System.nanoTime() < leaseEndNanos - marginNanos;
  }

  @Override
  public MasterState state() {
    return hub.current();
  }

  @Override
  public void addListener(MasterChangeListener listener) {
    hub.addListener(listener);
  }

  @Override
  public void addStateListener(MasterStateListener listener) {
    hub.addStateListener(listener);
  }

  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    registry.forgetElector(this);
    scheduler.shutdownNow();
    try {
      scheduler.awaitTermination(CLOSE_WAIT_MILLIS, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    String value = held;
    held = null;
    if (value != null) {
      try (Jedis jedis = registry.pool().getResource()) {
        jedis.eval(RELEASE, List.of(leaseKey), List.of(value));
        registry.announceMasterChange(jedis, electionKey);
      } catch (JedisException e) {
        log.warn(
            "Could not release the master lease {} ({}); it expires by itself",
            leaseKey,
            e.toString());
      }
    }
    hub.report(MasterState.NONE);
  }
}
