package com.lts.core.store.internal.mongo;

import com.lts.core.cluster.NodeType;
import com.lts.core.store.NodeGroup;
import com.lts.core.store.NodeGroupStore;
import com.lts.core.store.StoreArguments;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.bson.Document;

/** {@link NodeGroupStore} on {@code lts_node_group}; {@code _id} is "nodeType:name". */
final class MongoNodeGroupStore implements NodeGroupStore {

  private final MongoCollection<Document> groups;
  private final MongoCalls calls;
  private final Clock clock;

  MongoNodeGroupStore(MongoCollection<Document> groups, MongoCalls calls, Clock clock) {
    this.groups = groups;
    this.calls = calls;
    this.clock = clock;
  }

  @Override
  public boolean add(NodeType nodeType, String name) {
    Objects.requireNonNull(nodeType, "nodeType");
    StoreArguments.group("nodeGroup", name);
    return calls.run(
        "add node group " + nodeType + "/" + name,
        () -> {
          try {
            groups.insertOne(
                new Document("_id", nodeType + ":" + name)
                    .append("nodeType", nodeType.name())
                    .append("name", name)
                    .append("created", clock.millis()));
            return true;
          } catch (MongoWriteException e) {
            if (MongoCalls.isDuplicateKey(e)) {
              return false;
            }
            throw e;
          }
        });
  }

  @Override
  public List<NodeGroup> list(NodeType nodeType) {
    Objects.requireNonNull(nodeType, "nodeType");
    return calls.run(
        "list node groups of " + nodeType,
        () -> {
          List<NodeGroup> list = new ArrayList<>();
          for (Document doc :
              groups.find(Filters.eq("nodeType", nodeType.name())).sort(Sorts.ascending("name"))) {
            list.add(
                new NodeGroup(
                    nodeType, doc.getString("name"), ((Number) doc.get("created")).longValue()));
          }
          return list;
        });
  }

  @Override
  public boolean remove(NodeType nodeType, String name) {
    Objects.requireNonNull(nodeType, "nodeType");
    StoreArguments.group("nodeGroup", name);
    return calls.run(
        "remove node group " + nodeType + "/" + name,
        () -> groups.deleteOne(Filters.eq("_id", nodeType + ":" + name)).getDeletedCount() == 1);
  }
}
