package com.lts.core.registry.internal.zookeeper;

import com.lts.core.cluster.MasterChangeListener;
import com.lts.core.cluster.Node;
import com.lts.core.internal.json.Json;
import com.lts.core.internal.json.JsonException;
import com.lts.core.registry.MasterElector;
import com.lts.core.registry.MasterState;
import com.lts.core.registry.MasterStateListener;
import com.lts.core.registry.RegistryException;
import com.lts.core.registry.internal.MasterStateHub;
import com.lts.core.registry.internal.RegistryEventThread;
import java.io.IOException;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.curator.framework.recipes.cache.ChildData;
import org.apache.curator.framework.recipes.cache.CuratorCache;
import org.apache.curator.framework.recipes.leader.LeaderLatch;
import org.apache.curator.framework.recipes.leader.LeaderLatchListener;
import org.apache.curator.utils.ZKPaths;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Election with Curator's {@link LeaderLatch} under {@code /LTS/{cluster}/MASTERS/{TYPE}/{group}}.
 * Every candidate also caches the latch's children: the one with the lowest sequence number is
 * master, its data (the candidate's JSON) names it, and its creation zxid is the epoch. The master
 * changes only when the lowest child goes, and the next lowest was created later, so the epoch
 * always grows, even if ZooKeeper removes the empty election folder and restarts its sequence.
 */
final class ZooKeeperMasterElector implements MasterElector {

  private static final Logger log = LoggerFactory.getLogger(ZooKeeperMasterElector.class);
  static final String LATCH_MARK = "latch-";
  private static final int SEQUENCE_DIGITS = 10;

  private final ZooKeeperRegistry registry;
  private final RegistryEventThread events;
  private final String path;
  private final Node candidate;
  private final MasterStateHub hub;
  private final CuratorCache cache;
  private final LeaderLatch latch;
  private final AtomicBoolean started = new AtomicBoolean();
  private final AtomicBoolean evaluationQueued = new AtomicBoolean();
  private volatile boolean closed;

  ZooKeeperMasterElector(
      ZooKeeperRegistry registry, RegistryEventThread events, String path, Node candidate) {
    this.registry = registry;
    this.events = events;
    this.path = path;
    this.candidate = candidate;
    this.hub = new MasterStateHub(events);
    this.cache = CuratorCache.build(registry.client(), path);
    this.latch = new LeaderLatch(registry.client(), path, Json.toJson(candidate));
  }

  @Override
  public Node candidate() {
    return candidate;
  }

  @Override
  public void start() {
    if (closed || !started.compareAndSet(false, true)) {
      return;
    }
    registry.ensurePath(path);
    cache.listenable().addListener((type, oldData, data) -> reevaluate());
    cache.start();
    latch.addListener(
        new LeaderLatchListener() {
          @Override
          public void isLeader() {
            reevaluate();
          }

          @Override
          public void notLeader() {
            reevaluate();
          }
        });
    try {
      latch.start();
    } catch (Exception e) {
      throw new RegistryException("Cannot join the election at " + path, e);
    }
    reevaluate();
  }

  /** Works out the state again on the event thread; calls while one is queued are merged. */
  void reevaluate() {
    if (evaluationQueued.compareAndSet(false, true)) {
      events.post(
          () -> {
            evaluationQueued.set(false);
            hub.deliver(evaluate());
          });
    }
  }

  private MasterState evaluate() {
    if (closed || !started.get() || !registry.isConnected()) {
      return MasterState.NONE;
    }
    ChildData leader =
        cache.stream()
            .filter(data -> path.equals(ZKPaths.getPathAndNode(data.getPath()).getPath()))
            .filter(data -> data.getPath().contains(LATCH_MARK))
            .min(Comparator.comparingLong(ZooKeeperMasterElector::sequence))
            .orElse(null);
    if (leader == null || leader.getData() == null || leader.getStat() == null) {
      return MasterState.NONE;
    }
    Node master;
    try {
      master = Json.fromBytes(leader.getData(), Node.class);
    } catch (JsonException e) {
      log.warn("Unreadable election entry {}: {}", leader.getPath(), e.getMessage());
      return MasterState.NONE;
    }
    boolean mine = latch.hasLeadership() && leader.getPath().equals(latch.getOurPath());
    return new MasterState(master, leader.getStat().getCzxid(), mine);
  }

  private static long sequence(ChildData data) {
    return sequence(data.getPath());
  }

  /** The sequence number a latch node's name ends with; the smallest one leads. */
  static long sequence(String name) {
    try {
      return Long.parseLong(name.substring(name.length() - SEQUENCE_DIGITS));
    } catch (NumberFormatException | IndexOutOfBoundsException e) {
      return Long.MAX_VALUE;
    }
  }

  @Override
  public boolean isMaster() {
    return !closed && registry.isConnected() && latch.hasLeadership() && hub.current().isMaster();
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
    if (closed) {
      return;
    }
    closed = true;
    registry.forgetElector(this);
    if (started.get()) {
      try {
        latch.close();
      } catch (IOException | RuntimeException e) {
        log.warn("Could not leave the election at {}", path, e);
      }
      cache.close();
    }
    hub.report(MasterState.NONE);
  }
}
