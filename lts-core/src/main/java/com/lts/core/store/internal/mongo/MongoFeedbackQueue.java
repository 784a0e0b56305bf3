package com.lts.core.store.internal.mongo;

import com.lts.core.domain.JobResult;
import com.lts.core.internal.json.Json;
import com.lts.core.store.AttemptRef;
import com.lts.core.store.Feedback;
import com.lts.core.store.FeedbackQueue;
import com.lts.core.store.InvalidStoreArgumentException;
import com.lts.core.store.Page;
import com.lts.core.store.StoreArguments;
import com.lts.core.store.internal.UnreadableFeedback;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;

/**
 * {@link FeedbackQueue} on {@code lts_feedback}; entries are paged by their ObjectId.
 *
 * <p>Mongo has no transaction spanning the job and its feedback, so a completion writes them in
 * three idempotent steps ({@link #stage}, the job's conditional delete, then {@link #release} or
 * {@link #discard}): the entry is written first with {@code pending: attempt} and is not delivered
 * while it is pending. A JobTracker that dies between the steps leaves a pending entry, which
 * {@link #fetch} settles from the job's document once it is older than {@link #SETTLE_AFTER_MS}:
 * the job still running under that attempt – it waits; the job there under another attempt or state
 * – the completion was refused, the entry is deleted; the job gone – the completion was accepted,
 * the entry is released.
 */
final class MongoFeedbackQueue implements FeedbackQueue {

  static final long SETTLE_AFTER_MS = 60_000;

  private static final String GROUP = "jobClientNodeGroup";
  private static final String JOB_ID = "jobId";
  private static final String PENDING = "pending";

  private final MongoCollection<Document> feedback;
  private final MongoCollection<Document> jobs;
  private final MongoCalls calls;
  private final Clock clock;
  private final UnreadableFeedback unreadable = new UnreadableFeedback();

  MongoFeedbackQueue(
      MongoCollection<Document> feedback,
      MongoCollection<Document> jobs,
      MongoCalls calls,
      Clock clock) {
    this.feedback = feedback;
    this.jobs = jobs;
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
      docs.add(entry(jobClientNodeGroup, result, now).append("_id", new ObjectId()));
    }
    calls.run("add feedback", () -> feedback.insertMany(docs));
  }

  private static Document entry(String group, JobResult result, long now) {
    return new Document(GROUP, group)
        .append("result", Json.toJson(result))
        .append("created", now)
        .append(JOB_ID, result.getJobId());
  }

  /** Step 1 of a completion: the entry, pending until the job's delete is known to be accepted. */
  void stage(AttemptRef run, String group, JobResult result) {
    feedback.replaceOne(
        Filters.eq(JOB_ID, run.jobId()),
        entry(group, result, clock.millis()).append(PENDING, run.attempt()),
        new ReplaceOptions().upsert(true));
  }

  /** Step 3 when the job's delete was accepted: the entry may be delivered. */
  void release(AttemptRef run) {
    feedback.updateOne(pending(run), Updates.unset(PENDING));
  }

  /** Step 3 when the job's delete was refused: the entry goes. */
  void discard(AttemptRef run) {
    feedback.deleteOne(pending(run));
  }

  private static Bson pending(AttemptRef run) {
    return Filters.and(Filters.eq(JOB_ID, run.jobId()), Filters.eq(PENDING, run.attempt()));
  }

  @Override
  public Page<Feedback> fetch(String jobClientNodeGroup, String cursor, int max) {
    StoreArguments.group("jobClientNodeGroup", jobClientNodeGroup);
    StoreArguments.limit("max", max);
    Bson ready = Filters.and(Filters.eq(GROUP, jobClientNodeGroup), Filters.exists(PENDING, false));
    Bson filter = cursor == null ? ready : Filters.and(ready, Filters.gt("_id", id(cursor)));
    return calls.run(
        "fetch feedback of " + jobClientNodeGroup,
        () -> {
          if (cursor == null) {
            settle(jobClientNodeGroup);
          }
          List<Feedback> rows = new ArrayList<>();
          String lastRead = null;
          boolean more = false;
          int read = 0;
          for (Document doc : feedback.find(filter).sort(Sorts.ascending("_id")).limit(max + 1)) {
            if (++read > max) {
              more = true;
              break;
            }
            String id = doc.getObjectId("_id").toHexString();
            lastRead = id;
            JobResult result = unreadable.read(id, doc.getString("result"));
            if (result != null) {
              rows.add(
                  new Feedback(
                      id, jobClientNodeGroup, result, ((Number) doc.get("created")).longValue()));
            }
          }
          return new Page<>(rows, more ? lastRead : null);
        });
  }

  /** Settles the group's pending entries left by a JobTracker that died mid-completion. */
  private void settle(String group) {
    long before = clock.millis() - SETTLE_AFTER_MS;
    List<Document> stale = new ArrayList<>();
    feedback
        .find(
            Filters.and(
                Filters.eq(GROUP, group), Filters.exists(PENDING), Filters.lt("created", before)))
        .limit(100)
        .into(stale);
    for (Document entry : stale) {
      AttemptRef run =
          new AttemptRef(entry.getString(JOB_ID), ((Number) entry.get(PENDING)).longValue());
      switch (JobDocuments.completionOutcome(jobs, run)) {
        case ACCEPTED -> release(run);
        case REFUSED -> discard(run);
        case UNDECIDED -> {} // its run goes on: settled later
      }
    }
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
  public int acknowledge(String jobClientNodeGroup, Collection<String> jobIds) {
    StoreArguments.group("jobClientNodeGroup", jobClientNodeGroup);
    List<String> ids = StoreArguments.jobIds("acknowledge feedback", jobIds);
    if (ids.isEmpty()) {
      return 0;
    }
    return calls.run(
        "acknowledge feedback",
        () ->
            (int)
                feedback
                    .deleteMany(
                        Filters.and(
                            Filters.eq(GROUP, jobClientNodeGroup),
                            Filters.in(JOB_ID, ids),
                            Filters.exists(PENDING, false)))
                    .getDeletedCount());
  }

  @Override
  public int pruneOlderThan(long createdBefore, int max) {
    StoreArguments.limit("max", max);
    return calls.run(
        "prune feedback",
        () -> {
          List<ObjectId> old = new ArrayList<>();
          for (Document doc :
              feedback
                  .find(Filters.lt("created", createdBefore))
                  .sort(Sorts.ascending("created", "_id"))
                  .limit(max)) {
            old.add(doc.getObjectId("_id"));
          }
          return old.isEmpty()
              ? 0
              : (int) feedback.deleteMany(Filters.in("_id", old)).getDeletedCount();
        });
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
