package com.lts.core.store.internal.mongo;

import com.lts.core.cluster.NodeType;
import com.lts.core.store.NodeStats;
import com.lts.core.store.NodeStatsStore;
import com.lts.core.store.StoreArguments;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;

/** {@link NodeStatsStore} on {@code lts_node_stats}: one document per node and minute. */
final class MongoNodeStatsStore implements NodeStatsStore {

  private final MongoCollection<Document> stats;
  private final MongoCalls calls;

  MongoNodeStatsStore(MongoCollection<Document> stats, MongoCalls calls) {
    this.stats = stats;
    this.calls = calls;
  }

  @Override
  public void append(List<NodeStats> rows) {
    StoreArguments.batch("append node stats", rows);
    if (rows.isEmpty()) {
      return;
    }
    List<Document> docs = new ArrayList<>(rows.size());
    for (NodeStats s : rows) {
      docs.add(
          new Document("_id", new ObjectId())
              .append("identity", s.identity())
              .append("nodeType", s.nodeType().name())
              .append("nodeGroup", s.nodeGroup())
              .append("minute", s.minute())
              .append("values", new Document(new LinkedHashMap<String, Object>(s.values()))));
    }
    calls.run("append node stats", () -> stats.insertMany(docs));
  }

  @Override
  public List<NodeStats> query(String identity, long fromMinute, long toMinute) {
    StoreArguments.group("identity", identity);
    return find(
        "query stats of node " + identity,
        Filters.and(
            Filters.eq("identity", identity),
            Filters.gte("minute", fromMinute),
            Filters.lt("minute", toMinute)));
  }

  @Override
  public List<NodeStats> queryAll(long fromMinute, long toMinute) {
    return find(
        "query stats of all nodes",
        Filters.and(Filters.gte("minute", fromMinute), Filters.lt("minute", toMinute)));
  }

  private List<NodeStats> find(String what, Bson filter) {
    return calls.run(
        what,
        () -> {
          List<NodeStats> rows = new ArrayList<>();
          for (Document d : stats.find(filter).sort(Sorts.ascending("minute", "_id"))) {
            Map<String, Double> values = new LinkedHashMap<>();
            d.get("values", Document.class)
                .forEach((k, v) -> values.put(k, ((Number) v).doubleValue()));
            rows.add(
                new NodeStats(
                    d.getString("identity"),
                    NodeType.valueOf(d.getString("nodeType")),
                    d.getString("nodeGroup"),
                    ((Number) d.get("minute")).longValue(),
                    values));
          }
          return rows;
        });
  }

  @Override
  public long pruneOlderThan(long time) {
    return calls.run(
        "prune node stats", () -> stats.deleteMany(Filters.lt("minute", time)).getDeletedCount());
  }

  @Override
  public long pruneOlderThan(long time, int maxRows) {
    int limit = StoreArguments.limit("maxRows", maxRows);
    return calls.run(
        "prune node stats",
        () -> {
          List<Object> ids = new ArrayList<>(limit);
          stats
              .find(Filters.lt("minute", time))
              .sort(Sorts.ascending("minute"))
              .limit(limit)
              .projection(Projections.include("_id"))
              .forEach(doc -> ids.add(doc.get("_id")));
          return ids.isEmpty() ? 0L : stats.deleteMany(Filters.in("_id", ids)).getDeletedCount();
        });
  }
}
