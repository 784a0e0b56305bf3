package com.lts.jobtracker.internal.stats;

import com.lts.core.store.NodeStats;
import com.lts.core.store.NodeStatsStore;
import com.lts.remoting.internal.Peer;
import com.lts.remoting.internal.RemotingChannel;
import com.lts.remoting.internal.RequestProcessor;
import com.lts.remoting.internal.command.Ack;
import com.lts.remoting.internal.command.NodeStatsSendRequest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * NODE_STATS_SEND: a JobClient's or TaskTracker's statistics, into {@code lts_node_stats} under the
 * connection's authenticated identity, type and group (a node can only write its own rows). A row
 * whose interval is stored already is skipped: a node sends rows again when it did not hear that
 * they were taken (a timeout, a JobTracker gone after storing them), and each node stamps each
 * interval once.
 */
public final class NodeStatsProcessor implements RequestProcessor<NodeStatsSendRequest, Ack> {

  /** Rows kept of one request; a node sends one per interval plus what it could not send. */
  static final int MAX_ROWS = 1_000;

  private final NodeStatsStore store;

  public NodeStatsProcessor(NodeStatsStore store) {
    this.store = store;
  }

  @Override
  public Ack process(RemotingChannel channel, NodeStatsSendRequest request) {
    Peer peer = channel.peer();
    List<NodeStatsSendRequest.Row> rows = request.getRows();
    List<NodeStats> stats = new ArrayList<>(Math.min(rows.size(), MAX_ROWS));
    for (NodeStatsSendRequest.Row row :
        rows.subList(Math.max(0, rows.size() - MAX_ROWS), rows.size())) {
      stats.add(
          new NodeStats(
              peer.identity(),
              peer.nodeType(),
              peer.nodeGroup(),
              row.getMinute(),
              row.getValues()));
    }
    appendNew(store, peer.identity(), stats);
    return new Ack();
  }

  /** Appends the rows of {@code identity} whose intervals are not stored yet. */
  public static void appendNew(NodeStatsStore store, String identity, List<NodeStats> rows) {
    if (rows.isEmpty()) {
      return;
    }
    long from = rows.stream().mapToLong(NodeStats::minute).min().orElseThrow();
    long to = rows.stream().mapToLong(NodeStats::minute).max().orElseThrow() + 1;
    Set<Long> stored = new HashSet<>();
    store.query(identity, from, to).forEach(row -> stored.add(row.minute()));
    List<NodeStats> fresh = rows.stream().filter(row -> !stored.contains(row.minute())).toList();
    if (!fresh.isEmpty()) {
      store.append(fresh);
    }
  }
}
