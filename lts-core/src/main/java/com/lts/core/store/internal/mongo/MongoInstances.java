package com.lts.core.store.internal.mongo;

import static com.lts.core.store.internal.mongo.JobDocuments.KIND;
import static com.lts.core.store.internal.mongo.JobDocuments.MODIFIED;
import static com.lts.core.store.internal.mongo.JobDocuments.REPEATED_COUNT;
import static com.lts.core.store.internal.mongo.JobDocuments.SCHEDULE_JOB_ID;
import static com.lts.core.store.internal.mongo.JobDocuments.SCHEDULE_TIME;
import static com.lts.core.store.internal.mongo.JobDocuments.STATE;
import static com.lts.core.store.internal.mongo.JobDocuments.TRIGGER_TIME;
import static com.lts.core.store.internal.mongo.JobDocuments.VERSION;

import com.lts.core.store.InstanceResult;
import com.lts.core.store.JobIds;
import com.lts.core.store.JobKind;
import com.lts.core.store.JobState;
import com.lts.core.store.StoreArguments;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Creates schedule instances without multi-document transactions. The schedule is advanced first,
 * by a compare-and-set on its version, so only one caller wins an instant; then the winner inserts
 * the instance, whose unique key refuses a second one for the same schedule and instant. An
 * instance found there already (left by a JobTracker that crashed before the schedule was advanced,
 * under LTS versions that inserted first) counts as created: the schedule stays advanced past it,
 * so the instant never fires again once that instance has run. A crash between the two steps loses
 * that one instant rather than firing it twice.
 */
final class MongoInstances {

  /** Compare-and-set rounds before giving up to the next feed (other writers bump the version). */
  private static final int MAX_ROUNDS = 5;

  private final MongoCollection<Document> jobs;
  private final MongoCalls calls;
  private final Clock clock;
  private final JobIds ids;

  MongoInstances(MongoCollection<Document> jobs, MongoCalls calls, Clock clock, JobIds ids) {
    this.jobs = jobs;
    this.calls = calls;
    this.clock = clock;
    this.ids = ids;
  }

  InstanceResult create(String scheduleJobId, long triggerTime, boolean outOfTurn) {
    StoreArguments.jobId(scheduleJobId);
    return calls.run(
        "create an instance of schedule " + scheduleJobId,
        () -> {
          for (int round = 0; round < MAX_ROUNDS; round++) {
            Document schedule = activeSchedule(scheduleJobId);
            if (schedule == null) {
              return new InstanceResult(InstanceResult.Status.NO_SCHEDULE, null);
            }
            boolean created = ((Number) schedule.get(REPEATED_COUNT)).intValue() > 0;
            long last = ((Number) schedule.get(TRIGGER_TIME)).longValue();
            if (!outOfTurn && created && triggerTime <= last) {
              return exists(scheduleJobId, triggerTime);
            }
            long now = clock.millis();
            if (!advance(schedule, triggerTime, now)) {
              continue; // changed meanwhile (another JobTracker, an edit): read it again
            }
            return insert(schedule, triggerTime, now);
          }
          return exists(scheduleJobId, triggerTime);
        });
  }

  /** Moves the schedule to {@code triggerTime} if nobody changed it since it was read. */
  private boolean advance(Document schedule, long triggerTime, long now) {
    return jobs.updateOne(
                Filters.and(
                    Filters.eq("_id", schedule.getString("_id")),
                    Filters.eq(STATE, JobState.SCHEDULED.name()),
                    Filters.eq(VERSION, ((Number) schedule.get(VERSION)).longValue())),
                Updates.combine(
                    Updates.max(TRIGGER_TIME, triggerTime),
                    Updates.inc(REPEATED_COUNT, 1),
                    Updates.inc(VERSION, 1L),
                    Updates.set(MODIFIED, now)))
            .getMatchedCount()
        == 1;
  }

  private InstanceResult insert(Document schedule, long triggerTime, long now) {
    String scheduleJobId = schedule.getString("_id");
    String instanceId = ids.next();
    try {
      jobs.insertOne(JobDocuments.instance(instanceId, schedule, triggerTime, now));
    } catch (MongoWriteException e) {
      if (MongoCalls.isDuplicateKey(e)) {
        return exists(scheduleJobId, triggerTime);
      }
      throw e;
    }
    if (activeSchedule(scheduleJobId) == null) {
      // Suspended or cancelled after the advance: take the instance back (a suspend that set the
      // state after this check removes it itself, see dropWaiting).
      jobs.deleteOne(
          Filters.and(
              Filters.eq("_id", instanceId), Filters.eq(STATE, JobState.EXECUTABLE.name())));
      return new InstanceResult(InstanceResult.Status.NO_SCHEDULE, null);
    }
    return new InstanceResult(InstanceResult.Status.CREATED, instanceId);
  }

  private Document activeSchedule(String scheduleJobId) {
    return jobs.find(
            Filters.and(
                Filters.eq("_id", scheduleJobId),
                Filters.eq(KIND, JobKind.SCHEDULE.name()),
                Filters.eq(STATE, JobState.SCHEDULED.name())))
        .first();
  }

  private InstanceResult exists(String scheduleJobId, long triggerTime) {
    Document instance =
        jobs.find(
                Filters.and(
                    Filters.eq(SCHEDULE_JOB_ID, scheduleJobId),
                    Filters.eq(SCHEDULE_TIME, triggerTime)))
            .first();
    return new InstanceResult(
        InstanceResult.Status.EXISTS, instance == null ? null : instance.getString("_id"));
  }

  /**
   * Removes the waiting instances of a schedule that was just suspended ({@code justSuspended}) or
   * is found suspended already. A racing {@link #create} checks the schedule after inserting its
   * instance and takes it back when the schedule is no longer active, so no waiting instance
   * survives a suspend that finished. A crash between a suspend's two steps leaves waiting
   * instances of a suspended schedule; the next suspend of it (which returns false) removes them.
   */
  void dropWaiting(String jobId, boolean justSuspended) {
    Bson suspendedSchedule =
        Filters.and(
            Filters.eq("_id", jobId),
            Filters.eq(KIND, JobKind.SCHEDULE.name()),
            Filters.eq(STATE, JobState.SUSPENDED.name()));
    calls.run(
        "remove the waiting instances of suspended schedule " + jobId,
        () -> {
          if (justSuspended || jobs.find(suspendedSchedule).first() != null) {
            jobs.deleteMany(
                Filters.and(
                    Filters.eq(SCHEDULE_JOB_ID, jobId),
                    Filters.eq(STATE, JobState.EXECUTABLE.name())));
          }
        });
  }
}
