package com.lts.jobtracker.internal.dispatch;

import com.lts.core.cluster.NodeType;
import com.lts.remoting.internal.ConnectionListener;
import com.lts.remoting.internal.Peer;
import com.lts.remoting.internal.RemotingChannel;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The TaskTrackers connected to this JobTracker, by identity and group. */
public final class TaskTrackerDirectory implements ConnectionListener {

  private final Map<String, TaskTrackerSlot> byIdentity = new ConcurrentHashMap<>();

  /** Records what a TaskTracker reported (in a pull or completion); returns its slot. */
  public TaskTrackerSlot report(RemotingChannel channel, int availableThreads) {
    Peer peer = channel.peer();
    TaskTrackerSlot slot =
        byIdentity.compute(
            peer.identity(),
            (id, existing) ->
                existing != null && existing.channel() == channel
                    ? existing
                    : new TaskTrackerSlot(id, peer.nodeGroup(), channel));
    slot.report(availableThreads);
    return slot;
  }

  /** The connected TaskTrackers of {@code group}. */
  public List<TaskTrackerSlot> inGroup(String group) {
    return byIdentity.values().stream().filter(s -> s.group().equals(group)).toList();
  }

  public TaskTrackerSlot find(String identity) {
    return byIdentity.get(identity);
  }

  @Override
  public void connected(RemotingChannel channel) {}

  @Override
  public void disconnected(RemotingChannel channel) {
    Peer peer = channel.peer();
    if (peer != null && peer.nodeType() == NodeType.TASK_TRACKER) {
      byIdentity.computeIfPresent(
          peer.identity(), (id, slot) -> slot.channel() == channel ? null : slot);
    }
  }
}
