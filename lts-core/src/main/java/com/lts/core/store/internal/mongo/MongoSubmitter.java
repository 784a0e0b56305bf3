package com.lts.core.store.internal.mongo;

import static com.lts.core.store.internal.mongo.JobDocuments.KEY;

import com.lts.core.domain.Job;
import com.lts.core.store.JobIds;
import com.lts.core.store.JobState;
import com.lts.core.store.StoreArguments;
import com.lts.core.store.StoreException;
import com.lts.core.store.SubmitResult;
import com.lts.core.store.SubmitStatus;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Stores submitted jobs with one unordered {@code insertMany}; the unique {@code key} index refuses
 * the duplicates, which are then replaced (replaceOnExist) or reported.
 */
final class MongoSubmitter {

  private final MongoCollection<Document> jobs;
  private final MongoCalls calls;
  private final Clock clock;
  private final JobIds ids;

  MongoSubmitter(MongoCollection<Document> jobs, MongoCalls calls, Clock clock, JobIds ids) {
    this.jobs = jobs;
    this.calls = calls;
    this.clock = clock;
    this.ids = ids;
  }

  List<SubmitResult> submit(List<Job> batch) {
    StoreArguments.jobs(batch);
    if (batch.isEmpty()) {
      return List.of();
    }
    return calls.run("submit " + batch.size() + " job(s)", () -> submitAll(batch));
  }

  private List<SubmitResult> submitAll(List<Job> batch) {
    long now = clock.millis();
    List<Document> docs = new ArrayList<>(batch.size());
    for (Job job : batch) {
      docs.add(JobDocuments.newJob(ids.next(), job, now));
    }
    Set<Integer> duplicates = new HashSet<>();
    try {
      jobs.insertMany(docs, new InsertManyOptions().ordered(false));
    } catch (MongoBulkWriteException e) {
      for (BulkWriteError error : e.getWriteErrors()) {
        if (error.getCode() != 11000) {
          throw new StoreException(
              "Mongo refused job '"
                  + batch.get(error.getIndex()).getTaskId()
                  + "': "
                  + error.getMessage()
                  + " (the other jobs of the batch were stored)",
              e);
        }
        duplicates.add(error.getIndex());
      }
    }
    List<SubmitResult> results = new ArrayList<>(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      Job job = batch.get(i);
      if (!duplicates.contains(i)) {
        results.add(result(job, docs.get(i).getString("_id"), SubmitStatus.ADDED));
        continue;
      }
      String key = docs.get(i).getString(KEY);
      Document existing = jobs.find(Filters.eq(KEY, key)).first();
      if (existing == null) {
        // Completed since: store it now.
        jobs.insertOne(docs.get(i));
        results.add(result(job, docs.get(i).getString("_id"), SubmitStatus.ADDED));
      } else if (job.isReplaceOnExist()) {
        replace(key, job, now);
        // Instances made for the old definition must not run for the new one.
        jobs.deleteMany(
            Filters.and(
                Filters.eq(JobDocuments.SCHEDULE_JOB_ID, existing.getString("_id")),
                Filters.eq(JobDocuments.STATE, JobState.EXECUTABLE.name())));
        results.add(result(job, existing.getString("_id"), SubmitStatus.REPLACED));
      } else {
        results.add(result(job, existing.getString("_id"), SubmitStatus.DUPLICATE));
      }
    }
    return results;
  }

  private void replace(String key, Job job, long now) {
    Document fresh = JobDocuments.newJob("unused", job, now);
    List<Bson> sets = new ArrayList<>();
    for (String field :
        List.of(
            JobDocuments.KIND,
            JobDocuments.STATE,
            JobDocuments.REPEATED_COUNT,
            JobDocuments.RETRY_TIMES,
            JobDocuments.IDENTITY,
            JobDocuments.LEASE_DEADLINE)) {
      sets.add(Updates.set(field, fresh.get(field)));
    }
    JobDocuments.editable(job, ((Number) fresh.get(JobDocuments.TRIGGER_TIME)).longValue())
        .forEach((k, v) -> sets.add(Updates.set(k, v)));
    sets.add(Updates.set(JobDocuments.MODIFIED, now));
    sets.add(Updates.inc(JobDocuments.ATTEMPT, 1L));
    sets.add(Updates.inc(JobDocuments.VERSION, 1L));
    jobs.updateOne(Filters.eq(KEY, key), Updates.combine(sets));
  }

  private static SubmitResult result(Job job, String jobId, SubmitStatus status) {
    return new SubmitResult(job.getTaskTrackerNodeGroup(), job.getTaskId(), jobId, status);
  }
}
