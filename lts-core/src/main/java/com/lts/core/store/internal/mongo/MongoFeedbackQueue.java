package com.lts.core.store.internal.mongo;

import com.lts.core.domain.JobResult;
import com.lts.core.internal.json.Json;
import com.lts.core.store.Feedback;
import com.lts.core.store.FeedbackQueue;
import com.lts.core.store.InvalidStoreArgumentException;
import com.lts.core.store.Page;
import com.lts.core.store.StoreArguments;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.bson.types.ObjectId;

/** {@link FeedbackQueue} on {@code lts_feedback}; entries are paged by their ObjectId. */
final class MongoFeedbackQueue implements FeedbackQueue {

  private static final String GROUP = "jobClientNodeGroup";

  private final MongoCollection<Document> feedback;
  private final MongoCalls calls;
  private final Clock clock;

  MongoFeedbackQueue(MongoCollection<Document> feedback, MongoCalls calls, Clock clock) {
    this.feedback = feedback;
    this.calls = calls;
    this.clock = clock;
  }

  @Override
  public void add(String jobClientNodeGroup, List<JobResult> results) {
    StoreArguments.group("jobClientNodeGroup", jobClientNodeGroup);
    StoreArguments.batch("add feedback", results);
    if (results.isEmpty()) {
      return;
    }
    long now = clock.millis();
    List<Document> docs = new ArrayList<>(results.size());
    for (JobResult result : results) {
      docs.add(
          new Document("_id", new ObjectId())
              .append(GROUP, jobClientNodeGroup)
              .append("result", Json.toJson(result))
              .append("created", now));
    }
    calls.run("add feedback", () -> feedback.insertMany(docs));
  }

  @Override
  public Page<Feedback> fetch(String jobClientNodeGroup, String cursor, int max) {
    StoreArguments.group("jobClientNodeGroup", jobClientNodeGroup);
    StoreArguments.limit("max", max);
    var filter =
        cursor == null
            ? Filters.eq(GROUP, jobClientNodeGroup)
            : Filters.and(Filters.eq(GROUP, jobClientNodeGroup), Filters.gt("_id", id(cursor)));
    return calls.run(
        "fetch feedback of " + jobClientNodeGroup,
        () -> {
          List<Feedback> rows = new ArrayList<>();
          for (Document doc : feedback.find(filter).sort(Sorts.ascending("_id")).limit(max + 1)) {
            rows.add(
                new Feedback(
                    doc.getObjectId("_id").toHexString(),
                    jobClientNodeGroup,
                    Json.fromJson(doc.getString("result"), JobResult.class),
                    ((Number) doc.get("created")).longValue()));
          }
          if (rows.size() <= max) {
            return new Page<>(rows, null);
          }
          List<Feedback> page = rows.subList(0, max);
          return new Page<>(page, page.get(max - 1).id());
        });
  }

  @Override
  public int delete(Collection<String> ids) {
    StoreArguments.batch("delete feedback", ids);
    if (ids.isEmpty()) {
      return 0;
    }
    List<ObjectId> objectIds = ids.stream().map(MongoFeedbackQueue::id).toList();
    return calls.run(
        "delete feedback",
        () -> (int) feedback.deleteMany(Filters.in("_id", objectIds)).getDeletedCount());
  }

  @Override
  public Map<String, Long> countByGroup() {
    return calls.run(
        "count feedback",
        () -> {
          Map<String, Long> counts = new TreeMap<>();
          for (Document doc :
              feedback.aggregate(
                  List.of(Aggregates.group("$" + GROUP, Accumulators.sum("n", 1))))) {
            counts.put(doc.getString("_id"), ((Number) doc.get("n")).longValue());
          }
          return counts;
        });
  }

  private static ObjectId id(String value) {
    if (value == null || !ObjectId.isValid(value)) {
      throw new InvalidStoreArgumentException("feedback id: not an ObjectId: '" + value + "'");
    }
    return new ObjectId(value);
  }
}
