package com.lts.core.store.internal.mongo;

import static com.lts.core.store.internal.mongo.JobDocuments.ATTEMPT;
import static com.lts.core.store.internal.mongo.JobDocuments.GROUP;
import static com.lts.core.store.internal.mongo.JobDocuments.JOB_TYPE;
import static com.lts.core.store.internal.mongo.JobDocuments.SCHEDULE_JOB_ID;
import static com.lts.core.store.internal.mongo.JobDocuments.STATE;
import static com.lts.core.store.internal.mongo.JobDocuments.SUBMIT_NODE_GROUP;
import static com.lts.core.store.internal.mongo.JobDocuments.TASK_ID;
import static com.lts.core.store.internal.mongo.JobDocuments.TRIGGER_TIME;

import com.lts.core.store.DueGroup;
import com.lts.core.store.JobQueue;
import com.lts.core.store.JobState;
import com.lts.core.store.Page;
import com.lts.core.store.QueueQuery;
import com.lts.core.store.StoreArguments;
import com.lts.core.store.StoredJob;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Reads of the job collection: lookups, keyset pages of a queue (by {@code _id}), counts per group,
 * due jobs per instant and live instances per schedule.
 */
final class MongoJobBrowser {

  private final MongoCollection<Document> jobs;
  private final MongoCalls calls;

  MongoJobBrowser(MongoCollection<Document> jobs, MongoCalls calls) {
    this.jobs = jobs;
    this.calls = calls;
  }

  static Bson inQueue(JobQueue queue) {
    return switch (queue) {
      case EXECUTABLE -> Filters.eq(STATE, JobState.EXECUTABLE.name());
      case EXECUTING -> Filters.eq(STATE, JobState.EXECUTING.name());
      case SUSPENDED -> Filters.eq(STATE, JobState.SUSPENDED.name());
      case CRON ->
          Filters.and(Filters.eq(STATE, JobState.SCHEDULED.name()), Filters.eq(JOB_TYPE, "CRON"));
      case REPEAT ->
          Filters.and(Filters.eq(STATE, JobState.SCHEDULED.name()), Filters.eq(JOB_TYPE, "REPEAT"));
    };
  }

  Optional<StoredJob> find(Bson filter) {
    return calls.run(
        "find a job", () -> Optional.ofNullable(jobs.find(filter).first()).map(JobDocuments::read));
  }

  Page<StoredJob> browse(QueueQuery query) {
    String group =
        StoreArguments.optionalGroup("taskTrackerNodeGroup", query.taskTrackerNodeGroup());
    int limit = StoreArguments.limit("limit", query.limit());
    List<Bson> filters = new ArrayList<>();
    filters.add(inQueue(query.queue()));
    if (group != null) {
      filters.add(Filters.eq(GROUP, group));
    }
    if (query.taskId() != null) {
      filters.add(Filters.eq(TASK_ID, StoreArguments.taskId(query.taskId())));
    }
    if (query.submitNodeGroup() != null) {
      filters.add(
          Filters.eq(
              SUBMIT_NODE_GROUP, StoreArguments.group("submitNodeGroup", query.submitNodeGroup())));
    }
    if (query.fromTriggerTime() != null) {
      filters.add(Filters.gte(TRIGGER_TIME, query.fromTriggerTime()));
    }
    if (query.toTriggerTime() != null) {
      filters.add(Filters.lt(TRIGGER_TIME, query.toTriggerTime()));
    }
    if (query.cursor() != null) {
      filters.add(Filters.gt("_id", StoreArguments.jobId(query.cursor())));
    }
    return calls.run(
        "browse the " + query.queue() + " queue",
        () -> {
          List<StoredJob> rows = new ArrayList<>(limit + 1);
          for (Document doc :
              jobs.find(Filters.and(filters))
                  .sort(
                      query.taskId() != null
                          ? Sorts.ascending(TASK_ID, "_id") // the taskId index's order
                          : Sorts.ascending("_id"))
                  .limit(limit + 1)) {
            rows.add(JobDocuments.read(doc));
          }
          return Page.ofFetched(rows, limit, StoredJob::jobId);
        });
  }

  Map<String, Long> countByGroup(JobQueue queue) {
    return calls.run(
        "count the " + queue + " queue",
        () -> {
          Map<String, Long> counts = new TreeMap<>();
          for (Document doc :
              jobs.aggregate(
                  List.of(
                      Aggregates.match(inQueue(queue)),
                      Aggregates.group("$" + GROUP, Accumulators.sum("n", 1))))) {
            counts.put(doc.getString("_id"), ((Number) doc.get("n")).longValue());
          }
          return counts;
        });
  }

  List<DueGroup> dueBetween(long fromInclusive, long toExclusive, int max) {
    StoreArguments.timeRange(fromInclusive, toExclusive);
    StoreArguments.limit("max", max);
    if (fromInclusive == toExclusive) {
      return List.of();
    }
    Bson due =
        Filters.and(
            Filters.eq(STATE, JobState.EXECUTABLE.name()),
            Filters.gte(TRIGGER_TIME, fromInclusive),
            Filters.lt(TRIGGER_TIME, toExclusive));
    Document pair = new Document("t", "$" + TRIGGER_TIME).append("g", "$" + GROUP);
    return calls.run(
        "find the jobs due in [" + fromInclusive + ", " + toExclusive + ")",
        () -> {
          List<DueGroup> groups = new ArrayList<>();
          for (Document doc :
              jobs.aggregate(
                  List.of(
                      Aggregates.match(due),
                      Aggregates.group(pair, Accumulators.sum("n", 1)),
                      Aggregates.sort(Sorts.ascending("_id.t", "_id.g")),
                      Aggregates.limit(max)))) {
            Document id = doc.get("_id", Document.class);
            groups.add(
                new DueGroup(
                    id.getString("g"),
                    ((Number) id.get("t")).longValue(),
                    ((Number) doc.get("n")).intValue()));
          }
          return groups;
        });
  }

  Map<String, Long> attempts(Collection<String> jobIds) {
    List<String> ids = StoreArguments.jobIds("jobIds", jobIds);
    if (ids.isEmpty()) {
      return Map.of();
    }
    return calls.run(
        "read the attempts of " + ids.size() + " job(s)",
        () -> {
          Map<String, Long> attempts = new HashMap<>();
          for (int from = 0; from < ids.size(); from += StoreArguments.IDS_PER_QUERY) {
            List<String> chunk =
                ids.subList(from, Math.min(ids.size(), from + StoreArguments.IDS_PER_QUERY));
            for (Document doc : jobs.find(Filters.in("_id", chunk))) {
              attempts.put(doc.getString("_id"), ((Number) doc.get(ATTEMPT)).longValue());
            }
          }
          return attempts;
        });
  }

  Map<String, Integer> liveInstances(Collection<String> scheduleJobIds) {
    List<String> ids = StoreArguments.jobIds("scheduleJobIds", scheduleJobIds);
    if (ids.isEmpty()) {
      return Map.of();
    }
    return calls.run(
        "count the live instances of " + ids.size() + " schedule(s)",
        () -> {
          Map<String, Integer> counts = new HashMap<>();
          for (int from = 0; from < ids.size(); from += StoreArguments.IDS_PER_QUERY) {
            List<String> chunk =
                ids.subList(from, Math.min(ids.size(), from + StoreArguments.IDS_PER_QUERY));
            Bson live =
                Filters.and(
                    Filters.in(SCHEDULE_JOB_ID, chunk),
                    Filters.in(STATE, JobState.EXECUTABLE.name(), JobState.EXECUTING.name()));
            for (Document doc :
                jobs.aggregate(
                    List.of(
                        Aggregates.match(live),
                        Aggregates.group("$" + SCHEDULE_JOB_ID, Accumulators.sum("n", 1))))) {
              counts.put(doc.getString("_id"), ((Number) doc.get("n")).intValue());
            }
          }
          return counts;
        });
  }
}
