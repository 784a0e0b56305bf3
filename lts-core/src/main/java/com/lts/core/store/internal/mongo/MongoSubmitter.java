package com.lts.core.store.internal.mongo;

import static com.lts.core.store.internal.mongo.JobDocuments.KEY;
import static com.lts.core.store.internal.mongo.JobDocuments.SUBMIT_ID;

import com.lts.core.domain.Job;
import com.lts.core.store.ClaimingSubmit;
import com.lts.core.store.JobIds;
import com.lts.core.store.JobKind;
import com.lts.core.store.JobState;
import com.lts.core.store.StoreArguments;
import com.lts.core.store.StoreException;
import com.lts.core.store.StoredJob;
import com.lts.core.store.SubmitResult;
import com.lts.core.store.SubmitStatus;
import com.lts.core.store.internal.ClaimAtSubmit;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Stores submitted jobs with one unordered {@code insertMany}; the unique {@code key} index refuses
 * the duplicates, which are then replaced (replaceOnExist) or reported. A job's submit id is kept
 * in its document and, once it is stored, in {@code lts_submit_id} (unique {@code _id}), which
 * outlives the job: a re-send is recognised by either. Without multi-document transactions the
 * record follows the job's insert; a crash between the two leaves the submit id in the job only, so
 * it is recognised while the job exists (see docs/storage.md).
 */
final class MongoSubmitter {

  private final MongoCollection<Document> jobs;
  private final MongoCollection<Document> submitIds;
  private final MongoCalls calls;
  private final Clock clock;
  private final JobIds ids;

  MongoSubmitter(
      MongoCollection<Document> jobs,
      MongoCollection<Document> submitIds,
      MongoCalls calls,
      Clock clock,
      JobIds ids) {
    this.jobs = jobs;
    this.submitIds = submitIds;
    this.calls = calls;
    this.clock = clock;
    this.ids = ids;
  }

  List<SubmitResult> submit(List<Job> batch) {
    return submit(batch, null).results();
  }

  /**
   * Stores the jobs; with {@code claimFor}, the due one-time jobs it adds for that TaskTracker's
   * group are stored claimed by it (see {@link com.lts.core.store.JobStore#submitAndClaim}).
   */
  ClaimingSubmit submit(List<Job> batch, ClaimAtSubmit claimFor) {
    StoreArguments.jobs(batch);
    if (batch.isEmpty()) {
      return new ClaimingSubmit(List.of(), List.of());
    }
    return calls.run("submit " + batch.size() + " job(s)", () -> submitAll(batch, claimFor));
  }

  private ClaimingSubmit submitAll(List<Job> batch, ClaimAtSubmit claimFor) {
    long now = clock.millis();
    Set<Integer> claimedDocs = new HashSet<>();
    Map<String, String> received = received(batch);
    SubmitResult[] results = new SubmitResult[batch.size()];
    List<Integer> toStore = new ArrayList<>();
    List<Document> docs = new ArrayList<>();
    Map<String, Integer> firstInBatch = new HashMap<>();
    for (int i = 0; i < batch.size(); i++) {
      Job job = batch.get(i);
      String submitId = job.getSubmitId();
      if (submitId != null && received.containsKey(submitId)) {
        results[i] = result(job, received.get(submitId), SubmitStatus.ALREADY_RECEIVED);
      } else if (submitId != null && firstInBatch.containsKey(submitId)) {
        results[i] = null; // answered after the first copy is stored
      } else {
        if (submitId != null) {
          firstInBatch.put(submitId, i);
        }
        toStore.add(i);
        Document doc = JobDocuments.newJob(ids.next(), job, now);
        if (claimFor != null && claimFor.wants(job, now, claimedDocs.size())) {
          JobDocuments.claimAtSubmit(doc, claimFor.identity(), claimFor.leaseDeadline());
          claimedDocs.add(docs.size());
        }
        docs.add(doc);
      }
    }
    Set<Integer> duplicates = insert(batch, toStore, docs);
    List<Document> records = new ArrayList<>();
    for (int d = 0; d < docs.size(); d++) {
      int i = toStore.get(d);
      Job job = batch.get(i);
      SubmitResult result =
          duplicates.contains(d)
              ? existing(job, docs.get(d), now)
              : result(job, docs.get(d).getString("_id"), SubmitStatus.ADDED);
      results[i] = result;
      if (job.getSubmitId() != null
          && (result.status() == SubmitStatus.ADDED || result.status() == SubmitStatus.REPLACED)) {
        records.add(
            new Document("_id", job.getSubmitId())
                .append("jobId", result.jobId())
                .append("created", now));
      }
    }
    record(records);
    List<StoredJob> claimed = new ArrayList<>();
    for (int d = 0; d < docs.size(); d++) {
      if (claimedDocs.contains(d) && results[toStore.get(d)].status() == SubmitStatus.ADDED) {
        claimed.add(JobDocuments.read(docs.get(d)));
      }
    }
    for (int i = 0; i < batch.size(); i++) {
      if (results[i] == null) {
        Job job = batch.get(i);
        SubmitResult first = results[firstInBatch.get(job.getSubmitId())];
        results[i] = result(job, first.jobId(), SubmitStatus.ALREADY_RECEIVED);
      }
    }
    return new ClaimingSubmit(List.of(results), claimed);
  }

  /** Inserts the documents; returns the positions (in {@code docs}) whose key existed. */
  private Set<Integer> insert(List<Job> batch, List<Integer> toStore, List<Document> docs) {
    Set<Integer> duplicates = new HashSet<>();
    if (docs.isEmpty()) {
      return duplicates;
    }
    try {
      jobs.insertMany(docs, new InsertManyOptions().ordered(false));
    } catch (MongoBulkWriteException e) {
      for (BulkWriteError error : e.getWriteErrors()) {
        if (error.getCode() != 11000) {
          throw new StoreException(
              "Mongo refused job '"
                  + batch.get(toStore.get(error.getIndex())).getTaskId()
                  + "': "
                  + error.getMessage()
                  + " (the other jobs of the batch were stored)",
              e);
        }
        duplicates.add(error.getIndex());
      }
    }
    return duplicates;
  }

  /** The answer for a job whose key exists. */
  private SubmitResult existing(Job job, Document doc, long now) {
    String key = doc.getString(KEY);
    Document existing = jobs.find(Filters.eq(KEY, key)).first();
    if (existing == null) {
      // Completed since: store it now.
      jobs.insertOne(doc);
      return result(job, doc.getString("_id"), SubmitStatus.ADDED);
    }
    String jobId = existing.getString("_id");
    if (job.getSubmitId() != null && job.getSubmitId().equals(existing.getString(SUBMIT_ID))) {
      return result(job, jobId, SubmitStatus.ALREADY_RECEIVED);
    }
    if (!job.isReplaceOnExist()) {
      return result(job, jobId, SubmitStatus.DUPLICATE);
    }
    if (JobState.EXECUTING.name().equals(existing.getString(JobDocuments.STATE))
        || !replace(key, job, now)) {
      return result(job, jobId, SubmitStatus.REFUSED_RUNNING);
    }
    // Instances made for the old definition must not run for the new one.
    jobs.deleteMany(
        Filters.and(
            Filters.eq(JobDocuments.SCHEDULE_JOB_ID, jobId),
            Filters.eq(JobDocuments.STATE, JobState.EXECUTABLE.name())));
    return result(job, jobId, SubmitStatus.REPLACED);
  }

  /** The recorded submit ids of the batch, each with its job's id: records, then live jobs. */
  private Map<String, String> received(List<Job> batch) {
    List<String> wanted =
        batch.stream().map(Job::getSubmitId).filter(Objects::nonNull).distinct().toList();
    Map<String, String> received = new HashMap<>();
    for (int from = 0; from < wanted.size(); from += StoreArguments.IDS_PER_QUERY) {
      List<String> chunk =
          wanted.subList(from, Math.min(wanted.size(), from + StoreArguments.IDS_PER_QUERY));
      for (Document doc : submitIds.find(Filters.in("_id", chunk))) {
        received.put(doc.getString("_id"), doc.getString("jobId"));
      }
      for (Document doc :
          jobs.find(
                  Filters.and(
                      Filters.in(SUBMIT_ID, chunk),
                      Filters.ne(JobDocuments.KIND, JobKind.INSTANCE.name())))
              .projection(Projections.include(SUBMIT_ID))) {
        received.putIfAbsent(doc.getString(SUBMIT_ID), doc.getString("_id"));
      }
    }
    return received;
  }

  private void record(List<Document> records) {
    if (records.isEmpty()) {
      return;
    }
    try {
      submitIds.insertMany(records, new InsertManyOptions().ordered(false));
    } catch (MongoBulkWriteException e) {
      for (BulkWriteError error : e.getWriteErrors()) {
        if (error.getCode() != 11000) { // 11000: recorded by a racing copy already
          throw e;
        }
      }
    }
  }

  /**
   * Drops records made before {@code createdBefore} whose job is gone, reading at most ten pages of
   * {@code max} records (oldest first; records of live jobs are stepped over).
   */
  int forget(long createdBefore, int max) {
    StoreArguments.limit("max", max);
    return calls.run(
        "forget submit ids",
        () -> {
          int deleted = 0;
          Bson after = Filters.lt("created", createdBefore);
          for (int page = 0; page < 10 && deleted < max; page++) {
            List<Document> old = new ArrayList<>();
            submitIds.find(after).sort(Sorts.ascending("created", "_id")).limit(max).into(old);
            if (old.isEmpty()) {
              break;
            }
            Set<String> live = new HashSet<>();
            List<String> jobIds = old.stream().map(d -> d.getString("jobId")).toList();
            for (Document doc :
                jobs.find(Filters.in("_id", jobIds)).projection(Projections.include("_id"))) {
              live.add(doc.getString("_id"));
            }
            List<String> gone = new ArrayList<>();
            for (Document doc : old) {
              if (!live.contains(doc.getString("jobId")) && gone.size() < max - deleted) {
                gone.add(doc.getString("_id"));
              }
            }
            if (!gone.isEmpty()) {
              deleted += (int) submitIds.deleteMany(Filters.in("_id", gone)).getDeletedCount();
            }
            Document last = old.get(old.size() - 1);
            long lastCreated = ((Number) last.get("created")).longValue();
            after =
                Filters.and(
                    Filters.lt("created", createdBefore),
                    Filters.or(
                        Filters.gt("created", lastCreated),
                        Filters.and(
                            Filters.eq("created", lastCreated),
                            Filters.gt("_id", last.getString("_id")))));
            if (old.size() < max) {
              break;
            }
          }
          return deleted;
        });
  }

  /** Replaces a job that is not running; false when it started running meanwhile. */
  private boolean replace(String key, Job job, long now) {
    Document fresh = JobDocuments.newJob("unused", job, now);
    List<Bson> sets = new ArrayList<>();
    for (String field :
        List.of(
            JobDocuments.KIND,
            JobDocuments.STATE,
            JobDocuments.REPEATED_COUNT,
            JobDocuments.RETRY_TIMES,
            JobDocuments.IDENTITY,
            JobDocuments.LEASE_DEADLINE,
            SUBMIT_ID)) {
      sets.add(Updates.set(field, fresh.get(field)));
    }
    JobDocuments.editable(job, ((Number) fresh.get(JobDocuments.TRIGGER_TIME)).longValue())
        .forEach((k, v) -> sets.add(Updates.set(k, v)));
    sets.add(Updates.set(JobDocuments.MODIFIED, now));
    sets.add(Updates.inc(JobDocuments.ATTEMPT, 1L));
    sets.add(Updates.inc(JobDocuments.VERSION, 1L));
    return jobs.updateOne(
                Filters.and(
                    Filters.eq(KEY, key),
                    Filters.ne(JobDocuments.STATE, JobState.EXECUTING.name())),
                Updates.combine(sets))
            .getMatchedCount()
        > 0;
  }

  private static SubmitResult result(Job job, String jobId, SubmitStatus status) {
    return new SubmitResult(job.getTaskTrackerNodeGroup(), job.getTaskId(), jobId, status);
  }
}
