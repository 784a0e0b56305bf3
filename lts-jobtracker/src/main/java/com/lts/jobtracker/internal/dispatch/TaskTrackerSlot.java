package com.lts.jobtracker.internal.dispatch;

import com.lts.remoting.internal.RemotingChannel;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One TaskTracker connected to this JobTracker: its channel, its group, and how many more jobs it
 * can take as far as this JobTracker knows (what it last reported, minus what was pushed since).
 */
public final class TaskTrackerSlot {

  private final String identity;
  private final String group;
  private final RemotingChannel channel;
  private final AtomicInteger available = new AtomicInteger();
  private final AtomicBoolean dispatching = new AtomicBoolean();
  private final AtomicBoolean roundWanted = new AtomicBoolean();

  TaskTrackerSlot(String identity, String group, RemotingChannel channel) {
    this.identity = identity;
    this.group = group;
    this.channel = channel;
  }

  public String identity() {
    return identity;
  }

  public String group() {
    return group;
  }

  public RemotingChannel channel() {
    return channel;
  }

  public int available() {
    return available.get();
  }

  void report(int availableThreads) {
    available.set(Math.max(0, availableThreads));
  }

  /** Takes up to {@code wanted} of the free threads; returns how many were taken. */
  int take(int wanted) {
    while (true) {
      int now = available.get();
      int taken = Math.min(now, wanted);
      if (taken <= 0 || available.compareAndSet(now, now - taken)) {
        return Math.max(taken, 0);
      }
    }
  }

  void giveBack(int threads) {
    available.addAndGet(threads);
  }

  /** Asks for a dispatch round; a round that is running picks the request up before it ends. */
  void wantRound() {
    roundWanted.set(true);
  }

  boolean isRoundWanted() {
    return roundWanted.get();
  }

  /** No dispatch round running or asked for. */
  boolean isIdle() {
    return !dispatching.get() && !roundWanted.get();
  }

  /** Takes the request for a round, if there is one. */
  boolean takeRoundRequest() {
    return roundWanted.getAndSet(false);
  }

  /** Only one dispatch per TaskTracker at a time, so two never claim for the same free threads. */
  boolean tryBeginDispatch() {
    return dispatching.compareAndSet(false, true);
  }

  void endDispatch() {
    dispatching.set(false);
  }

  @Override
  public String toString() {
    return identity + "@" + group + "(free " + available.get() + ")";
  }
}
