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
    return select(
        "query stats of node " + identity,
        "node_identity = ? AND ",
        identity,
        fromMinute,
        toMinute);
  }

  @Override
  public List<NodeStats> queryAll(long fromMinute, long toMinute) {
    return select("query stats of all nodes", "", null, fromMinute, toMinute);
  }

  private List<NodeStats> select(
      String what, String identityCondition, String identity, long fromMinute, long toMinute) {
    return jdbc.autoCommit(
        what,
        c -> {
          List<NodeStats> rows = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT node_identity, node_type, node_group, stat_minute, stats FROM"
                      + " lts_node_stats WHERE "
                      + identityCondition
                      + "stat_minute >= ? AND stat_minute < ? ORDER BY stat_minute, id")) {
            int i = 1;
            if (identity != null) {
              ps.setString(i++, identity);
            }
            ps.setLong(i++, fromMinute);
            ps.setLong(i, toMinute);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                rows.add(
                    new NodeStats(
                        rs.getString(1),
                        NodeType.valueOf(rs.getString(2)),
                        rs.getString(3),
                        rs.getLong(4),
                        Json.fromJson(rs.getString(5), VALUES)));
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

  @Override
  public long pruneOlderThan(long time, int maxRows) {
    int limit = StoreArguments.limit("maxRows", maxRows);
    return jdbc.autoCommit(
        "prune node stats",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  jdbc.dialect()
                      .deleteOldest("lts_node_stats", "stat_minute < ?", "stat_minute"))) {
            ps.setLong(1, time);
            ps.setInt(2, limit);
            return (long) ps.executeUpdate();
          }
        });
  }
}
