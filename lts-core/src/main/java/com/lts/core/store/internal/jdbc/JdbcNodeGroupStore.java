package com.lts.core.store.internal.jdbc;

import com.lts.core.cluster.NodeType;
import com.lts.core.store.NodeGroup;
import com.lts.core.store.NodeGroupStore;
import com.lts.core.store.StoreArguments;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** {@link NodeGroupStore} on {@code lts_node_group}, keyed by (node type, name). */
final class JdbcNodeGroupStore implements NodeGroupStore {

  private final Jdbc jdbc;
  private final Clock clock;

  JdbcNodeGroupStore(Jdbc jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public boolean add(NodeType nodeType, String name) {
    Objects.requireNonNull(nodeType, "nodeType");
    StoreArguments.group("nodeGroup", name);
    return jdbc.autoCommit(
        "add node group " + nodeType + "/" + name,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO lts_node_group (node_type, name, created) VALUES (?, ?, ?)")) {
            ps.setString(1, nodeType.name());
            ps.setString(2, name);
            ps.setLong(3, clock.millis());
            ps.executeUpdate();
            return true;
          } catch (SQLException e) {
            if (jdbc.dialect().isDuplicateKey(e)) {
              return false;
            }
            throw e;
          }
        });
  }

  @Override
  public List<NodeGroup> list(NodeType nodeType) {
    Objects.requireNonNull(nodeType, "nodeType");
    return jdbc.autoCommit(
        "list node groups of " + nodeType,
        c -> {
          List<NodeGroup> groups = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT name, created FROM lts_node_group WHERE node_type = ? ORDER BY name")) {
            ps.setString(1, nodeType.name());
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                groups.add(new NodeGroup(nodeType, rs.getString(1), rs.getLong(2)));
              }
            }
          }
          return groups;
        });
  }

  @Override
  public boolean remove(NodeType nodeType, String name) {
    Objects.requireNonNull(nodeType, "nodeType");
    StoreArguments.group("nodeGroup", name);
    return jdbc.autoCommit(
        "remove node group " + nodeType + "/" + name,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("DELETE FROM lts_node_group WHERE node_type = ? AND name = ?")) {
            ps.setString(1, nodeType.name());
            ps.setString(2, name);
            return ps.executeUpdate() == 1;
          }
        });
  }
}
