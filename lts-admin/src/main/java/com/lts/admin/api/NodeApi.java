package com.lts.admin.api;

import com.lts.admin.web.Access;
import com.lts.admin.web.AdminHandler;
import com.lts.admin.web.ApiException;
import com.lts.admin.web.Exchange;
import com.lts.core.cluster.Names;
import com.lts.core.cluster.NodeType;
import com.lts.core.store.NodeGroup;
import com.lts.core.store.NodeStats;
import com.lts.core.store.Store;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Nodes online (with a live stream of joins and leaves), node groups, and node statistics. */
final class NodeApi {

  private static final Set<String> GROUP_TYPES = Set.of("TASK_TRACKER", "JOB_CLIENT");
  private static final Set<String> STATS_PARAMS = Set.of("identity", "from", "to");
  private static final long HOUR = 3_600_000;

  private final ClusterView cluster;
  private final Store store;
  private final BooleanSupplier running;

  NodeApi(ClusterView cluster, Store store, BooleanSupplier running) {
    this.cluster = cluster;
    this.store = store;
    this.running = running;
  }

  void register(AdminHandler handler) {
    handler.add("GET", "/api/nodes", Access.VIEW, this::nodes);
    handler.add("GET", "/api/nodes/stream", Access.VIEW, this::stream);
    handler.add("GET", "/api/node-groups", Access.VIEW, this::groups);
    handler.add("POST", "/api/node-groups", Access.CHANGE, this::addGroup);
    handler.add("DELETE", "/api/node-groups/{type}/{name}", Access.CHANGE, this::removeGroup);
    handler.add("GET", "/api/stats", Access.VIEW, this::stats);
  }

  private void nodes(Exchange exchange) throws Exception {
    exchange.json(
        200,
        Map.of(
            "items",
            cluster.nodes().stream().map(ClusterView::json).toList(),
            "masters",
            cluster.masters()));
  }

  /**
   * Server-sent events: the nodes online now ("snapshot"), then each "added" and "removed", and the
   * masters per type and group ("masters") whenever they change. Elections follow joins and leaves
   * a moment later, so the masters are read again every second.
   */
  private void stream(Exchange exchange) throws Exception {
    BlockingQueue<ClusterView.Change> changes = cluster.watch();
    try {
      exchange.startEvents();
      exchange.event("snapshot", cluster.nodes().stream().map(ClusterView::json).toList());
      Map<String, String> masters = cluster.masters();
      exchange.event("masters", masters);
      long quietSince = System.currentTimeMillis();
      while (running.getAsBoolean()) {
        ClusterView.Change change = changes.poll(1, TimeUnit.SECONDS);
        if (change != null) {
          exchange.event(change.kind(), change.node());
          quietSince = System.currentTimeMillis();
        }
        Map<String, String> now = cluster.masters();
        if (!now.equals(masters)) {
          masters = now;
          exchange.event("masters", masters);
          quietSince = System.currentTimeMillis();
        }
        if (System.currentTimeMillis() - quietSince > 5_000) {
          exchange.keepAlive(); // also finds out that the client has gone
          quietSince = System.currentTimeMillis();
        }
      }
    } finally {
      cluster.unwatch(changes);
    }
  }

  private void groups(Exchange exchange) throws Exception {
    Map<String, Object> json = new LinkedHashMap<>();
    for (String type : GROUP_TYPES.stream().sorted().toList()) {
      List<NodeGroup> groups = store.nodeGroups().list(NodeType.valueOf(type));
      json.put(
          type,
          groups.stream()
              .map(g -> Map.of("name", g.name(), "createdTime", g.createdTime()))
              .toList());
    }
    exchange.json(200, json);
  }

  private static NodeType groupType(String value) {
    if (value == null || !GROUP_TYPES.contains(value)) {
      throw ApiException.badRequest("nodeType: must be TASK_TRACKER or JOB_CLIENT");
    }
    return NodeType.valueOf(value);
  }

  private static String groupName(String value) {
    String problem = Names.problem("name", value);
    if (problem != null) {
      throw ApiException.badRequest(problem);
    }
    return value;
  }

  // Node groups are names the console lists and offers; they hold no job state, so Admin keeps
  // them in the store itself as LTS Admin always did.
  private void addGroup(Exchange exchange) throws Exception {
    var body = exchange.body();
    NodeType type = groupType(body.getString("nodeType"));
    String name = groupName(body.getString("name"));
    if (!store.nodeGroups().add(type, name)) {
      throw new ApiException(409, "Node group " + name + " exists already");
    }
    exchange.json(201, Map.of("status", "DONE", "message", "Node group " + name + " added"));
  }

  private void removeGroup(Exchange exchange) throws Exception {
    NodeType type = groupType(exchange.path("type"));
    String name = groupName(exchange.path("name"));
    if (!store.nodeGroups().remove(type, name)) {
      throw ApiException.notFound("No node group " + name + " of " + type);
    }
    exchange.json(200, Map.of("status", "DONE", "message", "Node group " + name + " removed"));
  }

  /** One node's per-minute figures (whatever figures the node reports), default the last hour. */
  private void stats(Exchange exchange) throws Exception {
    String identity = exchange.query("identity", STATS_PARAMS);
    if (identity == null || identity.length() > 200) {
      throw ApiException.badRequest("identity: the node whose figures to show is required");
    }
    long now = System.currentTimeMillis();
    Long to = Params.time("to", exchange.query("to", STATS_PARAMS));
    Long from = Params.time("from", exchange.query("from", STATS_PARAMS));
    long toTime = to == null ? now + 60_000 : to;
    long fromTime = from == null ? toTime - HOUR : from;
    if (fromTime > toTime || toTime - fromTime > 31 * 24 * HOUR) {
      throw ApiException.badRequest("from/to: from must be before to, at most 31 days apart");
    }
    List<NodeStats> minutes = store.nodeStats().query(identity, fromTime, toTime);
    exchange.json(
        200,
        Map.of(
            "identity",
            identity,
            "items",
            minutes.stream()
                .map(m -> Map.of("minute", m.minute(), "values", m.values()))
                .toList()));
  }
}
