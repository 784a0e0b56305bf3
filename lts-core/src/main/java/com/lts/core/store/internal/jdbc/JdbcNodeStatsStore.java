package com.lts.core.store.internal.jdbc;

import com.alibaba.fastjson2.TypeReference;
import com.lts.core.cluster.NodeType;
import com.lts.core.internal.json.Json;
import com.lts.core.store.NodeStats;
import com.lts.core.store.NodeStatsStore;
import com.lts.core.store.StoreArguments;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@link NodeStatsStore} on {@code lts_node_stats}: one row per node and minute, figures as JSON.
 */
final class JdbcNodeStatsStore implements NodeStatsStore {

  private static final TypeReference<Map<String, Double>> VALUES = new TypeReference<>() {};

  private final Jdbc jdbc;

  JdbcNodeStatsStore(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void append(List<NodeStats> stats) {
    StoreArguments.batch("append node stats", stats);
    if (stats.isEmpty()) {
      return;
    }
    jdbc.transaction(
        "append " + stats.size() + " node stats rows",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO lts_node_stats (node_identity, node_type, node_group, stat_minute, stats)"
                      + " VALUES (?, ?, ?, ?, ?)")) {
            for (NodeStats s : stats) {
              ps.setString(1, s.identity());
              ps.setString(2, s.nodeType().name());
              ps.setString(3, s.nodeGroup());
              ps.setLong(4, s.minute());
              ps.setString(5, Json.toJson(s.values()));
              ps.addBatch();
            }
            ps.executeBatch();
          }
          return null;
        });
  }

  @Override
  public List<NodeStats> query(String identity, long fromMinute, long toMinute) {
    StoreArguments.group("identity", identity);
    return jdbc.autoCommit(
        "query stats of node " + identity,
        c -> {
          List<NodeStats> rows = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT node_type, node_group, stat_minute, stats FROM lts_node_stats"
                      + " WHERE node_identity = ? AND stat_minute >= ? AND stat_minute < ?"
                      + " ORDER BY stat_minute, id")) {
            ps.setString(1, identity);
            ps.setLong(2, fromMinute);
            ps.setLong(3, toMinute);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                rows.add(
                    new NodeStats(
                        identity,
                        NodeType.valueOf(rs.getString(1)),
                        rs.getString(2),
                        rs.getLong(3),
                        Json.fromJson(rs.getString(4), VALUES)));
              }
            }
          }
          return rows;
        });
  }

  @Override
  public long pruneOlderThan(long time) {
    return jdbc.autoCommit(
        "prune node stats",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("DELETE FROM lts_node_stats WHERE stat_minute < ?")) {
            ps.setLong(1, time);
            return (long) ps.executeUpdate();
          }
        });
  }
}
