package com.lts.core.store.internal.mongo;

import com.lts.core.domain.Job;
import com.lts.core.internal.json.Json;
import com.lts.core.store.AttemptRef;
import com.lts.core.store.DeadJob;
import com.lts.core.store.DeadJobStore;
import com.lts.core.store.Page;
import com.lts.core.store.StoreArguments;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * {@link DeadJobStore} on {@code lts_dead_job}, one document per dead letter keyed by job id.
 *
 * <p>As for feedback, with no transaction spanning the job and its dead letter a completion writes
 * them in three idempotent steps ({@link #stage}, the job's conditional delete, then {@link
 * #release} or {@link #discard}); a pending letter is never shown. One left pending by a JobTracker
 * that died between the steps is settled from the job's document once older than {@link
 * MongoFeedbackQueue#SETTLE_AFTER_MS} (by {@link #pruneOlderThan}, which a master runs regularly):
 * the job gone — released; the job there under another attempt or state — discarded.
 */
final class MongoDeadJobStore implements DeadJobStore {

  private static final String PENDING = "pending";
  private static final String GROUP = "taskTrackerNodeGroup";
  private static final String TASK_ID = "taskId";
  private static final String DEAD_TIME = "deadTime";

  private final MongoCollection<Document> dead;
  private final MongoCollection<Document> jobs;
  private final MongoCalls calls;
  private final Clock clock;

  MongoDeadJobStore(
      MongoCollection<Document> dead,
      MongoCollection<Document> jobs,
      MongoCalls calls,
      Clock clock) {
    this.dead = dead;
    this.jobs = jobs;
    this.calls = calls;
    this.clock = clock;
  }

  /** Step 1 of a completion: the letter, pending until the job's delete is known accepted. */
  void stage(AttemptRef run, DeadJob job) {
    dead.replaceOne(
        Filters.eq("_id", job.jobId()),
        document(job.at(clock.millis())).append(PENDING, run.attempt()),
        new ReplaceOptions().upsert(true));
  }

  /** Step 3 when the job's delete was accepted: the letter shows. */
  void release(AttemptRef run) {
    dead.updateOne(pending(run), Updates.unset(PENDING));
  }

  /** Step 3 when the job's delete was refused: the letter goes. */
  void discard(AttemptRef run) {
    dead.deleteOne(pending(run));
  }

  private static Bson pending(AttemptRef run) {
    return Filters.and(Filters.eq("_id", run.jobId()), Filters.eq(PENDING, run.attempt()));
  }

  private static Bson shown(Bson filter) {
    return Filters.and(filter, Filters.exists(PENDING, false));
  }

  private static Document document(DeadJob d) {
    return new Document("_id", d.jobId())
        .append(GROUP, d.taskTrackerNodeGroup())
        .append(TASK_ID, d.taskId())
        .append("job", Json.toJson(d.job()))
        .append("scheduleJobId", d.scheduleJobId())
        .append("attempt", d.attempt())
        .append("retryTimes", d.retryTimes())
        .append("action", d.action())
        .append("msg", d.msg())
        .append(DEAD_TIME, d.deadTime());
  }

  private static DeadJob deadJob(Document doc) {
    return new DeadJob(
        doc.getString("_id"),
        doc.getString(GROUP),
        doc.getString(TASK_ID),
        Json.fromJson(doc.getString("job"), Job.class),
        doc.getString("scheduleJobId"),
        ((Number) doc.get("attempt")).longValue(),
        ((Number) doc.get("retryTimes")).intValue(),
        doc.getString("action"),
        doc.getString("msg"),
        ((Number) doc.get(DEAD_TIME)).longValue());
  }

  @Override
  public Page<DeadJob> browse(String group, String taskId, String cursor, int limit) {
    StoreArguments.optionalGroup("group", group);
    if (taskId != null) {
      StoreArguments.taskId(taskId);
    }
    if (cursor != null) {
      StoreArguments.jobId(cursor);
    }
    StoreArguments.limit("limit", limit);
    List<Bson> filters = new ArrayList<>();
    filters.add(Filters.exists(PENDING, false));
    if (group != null) {
      filters.add(Filters.eq(GROUP, group));
    }
    if (taskId != null) {
      filters.add(Filters.eq(TASK_ID, taskId));
    }
    if (cursor != null) {
      filters.add(Filters.gt("_id", cursor));
    }
    return calls.run(
        "browse dead jobs",
        () -> {
          List<DeadJob> rows = new ArrayList<>();
          for (Document doc :
              dead.find(Filters.and(filters)).sort(Sorts.ascending("_id")).limit(limit + 1)) {
            rows.add(deadJob(doc));
          }
          return Page.ofFetched(rows, limit, DeadJob::jobId);
        });
  }

  @Override
  public Optional<DeadJob> find(String jobId) {
    StoreArguments.jobId(jobId);
    return calls
        .run(
            "find dead job " + jobId,
            () -> Optional.ofNullable(dead.find(shown(Filters.eq("_id", jobId))).first()))
        .map(MongoDeadJobStore::deadJob);
  }

  @Override
  public Optional<DeadJob> latest(String taskTrackerNodeGroup, String taskId) {
    StoreArguments.group("taskTrackerNodeGroup", taskTrackerNodeGroup);
    StoreArguments.taskId(taskId);
    return calls
        .run(
            "find the latest dead job of " + taskTrackerNodeGroup + "/" + taskId,
            () ->
                Optional.ofNullable(
                    dead.find(
                            shown(
                                Filters.and(
                                    Filters.eq(GROUP, taskTrackerNodeGroup),
                                    Filters.eq(TASK_ID, taskId))))
                        .sort(Sorts.descending(DEAD_TIME, "_id"))
                        .first()))
        .map(MongoDeadJobStore::deadJob);
  }

  @Override
  public boolean delete(String jobId) {
    StoreArguments.jobId(jobId);
    return calls.run(
        "delete dead job " + jobId,
        () -> dead.deleteOne(shown(Filters.eq("_id", jobId))).getDeletedCount() > 0);
  }

  @Override
  public Map<String, Long> countByGroup() {
    return calls.run(
        "count dead jobs",
        () -> {
          Map<String, Long> counts = new LinkedHashMap<>();
          for (Document doc :
              dead.aggregate(
                  List.of(
                      Aggregates.match(Filters.exists(PENDING, false)),
                      Aggregates.group("$" + GROUP, Accumulators.sum("n", 1)),
                      Aggregates.sort(Sorts.ascending("_id"))))) {
            counts.put(doc.getString("_id"), ((Number) doc.get("n")).longValue());
          }
          return counts;
        });
  }

  @Override
  public int pruneOlderThan(long time, int max) {
    StoreArguments.limit("max", max);
    return calls.run(
        "prune dead jobs",
        () -> {
          settle();
          List<String> old = new ArrayList<>();
          for (Document doc :
              dead.find(Filters.lt(DEAD_TIME, time))
                  .sort(Sorts.ascending(DEAD_TIME, "_id"))
                  .limit(max)) {
            old.add(doc.getString("_id"));
          }
          return old.isEmpty()
              ? 0
              : (int) dead.deleteMany(Filters.in("_id", old)).getDeletedCount();
        });
  }

  /** Settles letters left pending by a JobTracker that died mid-completion. */
  private void settle() {
    long before = clock.millis() - MongoFeedbackQueue.SETTLE_AFTER_MS;
    List<Document> stale = new ArrayList<>();
    dead.find(Filters.and(Filters.exists(PENDING), Filters.lt(DEAD_TIME, before)))
        .limit(100)
        .into(stale);
    for (Document letter : stale) {
      AttemptRef run =
          new AttemptRef(letter.getString("_id"), ((Number) letter.get(PENDING)).longValue());
      switch (JobDocuments.completionOutcome(jobs, run)) {
        case ACCEPTED -> release(run);
        case REFUSED -> discard(run);
        case UNDECIDED -> {} // its run goes on: settled later
      }
    }
  }
}
