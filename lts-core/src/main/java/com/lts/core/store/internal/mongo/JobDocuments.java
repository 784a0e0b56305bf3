package com.lts.core.store.internal.mongo;

import com.lts.core.domain.Job;
import com.lts.core.domain.JobType;
import com.lts.core.domain.MisfirePolicy;
import com.lts.core.store.AttemptRef;
import com.lts.core.store.JobKind;
import com.lts.core.store.JobState;
import com.lts.core.store.StoredJob;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bson.Document;

/**
 * Converts between job documents and jobs. A document's {@code _id} is the job id; {@code key}
 * (unique) is the natural key "group:scheduleTime:taskId" in one field, because mongo-java-server
 * ignores compound unique indexes. Groups cannot contain ':', so the key is unambiguous.
 */
final class JobDocuments {

  static final String KIND = "kind";
  static final String STATE = "state";
  static final String KEY = "key";
  static final String GROUP = "taskTrackerNodeGroup";
  static final String TASK_ID = "taskId";
  static final String SCHEDULE_JOB_ID = "scheduleJobId";
  static final String SCHEDULE_TIME = "scheduleTime";
  static final String PRIORITY = "priority";
  static final String TRIGGER_TIME = "triggerTime";
  static final String REPEATED_COUNT = "repeatedCount";
  static final String RETRY_TIMES = "retryTimes";
  static final String ATTEMPT = "attempt";
  static final String VERSION = "version";
  static final String IDENTITY = "taskTrackerIdentity";
  static final String LEASE_DEADLINE = "leaseDeadline";
  static final String MODIFIED = "modified";
  static final String JOB_TYPE = "jobType";
  static final String SUBMIT_NODE_GROUP = "submitNodeGroup";
  static final String MISFIRE_POLICY = "misfirePolicy";
  static final String SUBMIT_ID = "submitId";

  static final long NO_SCHEDULE_TIME = -1L;

  private JobDocuments() {}

  static String key(String group, long scheduleTime, String taskId) {
    return group + ":" + scheduleTime + ":" + taskId;
  }

  static JobKind kindOf(Job job) {
    JobType type = job.getJobType();
    return type == JobType.CRON || type == JobType.REPEAT ? JobKind.SCHEDULE : JobKind.JOB;
  }

  /** A newly submitted job or schedule. */
  static Document newJob(String jobId, Job job, long now) {
    JobKind kind = kindOf(job);
    Document doc = new Document("_id", jobId);
    doc.append(KEY, key(job.getTaskTrackerNodeGroup(), NO_SCHEDULE_TIME, job.getTaskId()));
    doc.append(KIND, kind.name());
    doc.append(STATE, (kind == JobKind.SCHEDULE ? JobState.SCHEDULED : JobState.EXECUTABLE).name());
    doc.append(TASK_ID, job.getTaskId());
    doc.append(GROUP, job.getTaskTrackerNodeGroup());
    doc.append(SCHEDULE_TIME, NO_SCHEDULE_TIME);
    doc.append(SCHEDULE_JOB_ID, null);
    doc.putAll(editable(job, job.getTriggerTime() != null ? job.getTriggerTime() : now));
    doc.append(REPEATED_COUNT, 0);
    doc.append(RETRY_TIMES, 0);
    doc.append(ATTEMPT, 0L);
    doc.append(VERSION, 0L);
    doc.append(IDENTITY, null);
    doc.append(LEASE_DEADLINE, null);
    doc.append("created", now);
    doc.append(MODIFIED, now);
    doc.append(SUBMIT_ID, job.getSubmitId());
    return doc;
  }

  /**
   * Turns a new one-time job's document into the one a claim right after its submit would leave:
   * executing under attempt 1 (version 1) for {@code identity}.
   */
  static void claimAtSubmit(Document doc, String identity, long leaseDeadline) {
    doc.put(STATE, JobState.EXECUTING.name());
    doc.put(ATTEMPT, 1L);
    doc.put(VERSION, 1L);
    doc.put(IDENTITY, identity);
    doc.put(LEASE_DEADLINE, leaseDeadline);
  }

  /** The fields a submit with replaceOnExist or an operator's edit sets. */
  static Document editable(Job job, long triggerTime) {
    Document doc = new Document();
    doc.append(JOB_TYPE, job.getJobType().name());
    doc.append(SUBMIT_NODE_GROUP, job.getSubmitNodeGroup());
    doc.append(PRIORITY, job.getPriority());
    doc.append(TRIGGER_TIME, triggerTime);
    doc.append("cronExpression", job.isCron() ? job.getCronExpression() : null);
    doc.append("repeatCount", job.getRepeatCount());
    doc.append("repeatInterval", job.getRepeatInterval());
    doc.append("maxRetryTimes", job.getMaxRetryTimes());
    doc.append("needFeedback", job.isNeedFeedback());
    doc.append("relyOnPrevCycle", job.isRelyOnPrevCycle());
    doc.append("params", new Document(new LinkedHashMap<String, Object>(job.getExtParams())));
    doc.append(MISFIRE_POLICY, job.getMisfirePolicy().name());
    return doc;
  }

  /** An instance of {@code schedule} for {@code triggerTime}. */
  static Document instance(String jobId, Document schedule, long triggerTime, long now) {
    Document doc = new Document(schedule);
    doc.put("_id", jobId);
    doc.put(KEY, key(schedule.getString(GROUP), triggerTime, schedule.getString(TASK_ID)));
    doc.put(KIND, JobKind.INSTANCE.name());
    doc.put(STATE, JobState.EXECUTABLE.name());
    doc.put(SCHEDULE_TIME, triggerTime);
    doc.put(SCHEDULE_JOB_ID, schedule.getString("_id"));
    doc.put(TRIGGER_TIME, triggerTime);
    doc.put(RETRY_TIMES, 0);
    doc.put(ATTEMPT, 0L);
    doc.put(VERSION, 0L);
    doc.put(IDENTITY, null);
    doc.put(LEASE_DEADLINE, null);
    doc.put("created", now);
    doc.put(MODIFIED, now);
    doc.remove(SUBMIT_ID);
    return doc;
  }

  static StoredJob read(Document doc) {
    Job job = new Job();
    job.setTaskId(doc.getString(TASK_ID));
    job.setTaskTrackerNodeGroup(doc.getString(GROUP));
    job.setSubmitNodeGroup(doc.getString(SUBMIT_NODE_GROUP));
    job.setPriority(number(doc, PRIORITY).intValue());
    long triggerTime = number(doc, TRIGGER_TIME).longValue();
    if (JobType.valueOf(doc.getString(JOB_TYPE)) != JobType.REAL_TIME) {
      job.setTriggerTime(triggerTime);
    }
    job.setCronExpression(doc.getString("cronExpression"));
    job.setRepeatCount(number(doc, "repeatCount").intValue());
    Number interval = number(doc, "repeatInterval");
    job.setRepeatInterval(interval == null ? null : interval.longValue());
    job.setMaxRetryTimes(number(doc, "maxRetryTimes").intValue());
    job.setNeedFeedback(doc.getBoolean("needFeedback", false));
    job.setRelyOnPrevCycle(doc.getBoolean("relyOnPrevCycle", true));
    // Documents written before the field existed are FIRE_ONCE_NOW, the JDBC column's default.
    String misfire = doc.getString(MISFIRE_POLICY);
    job.setMisfirePolicy(
        misfire == null ? MisfirePolicy.FIRE_ONCE_NOW : MisfirePolicy.valueOf(misfire));
    Document params = doc.get("params", Document.class);
    if (params != null && !params.isEmpty()) {
      Map<String, String> map = new LinkedHashMap<>();
      params.forEach((k, v) -> map.put(k, v == null ? null : v.toString()));
      job.setExtParams(map);
    }
    long scheduleTime = number(doc, SCHEDULE_TIME).longValue();
    Number lease = number(doc, LEASE_DEADLINE);
    return new StoredJob(
        doc.getString("_id"),
        JobKind.valueOf(doc.getString(KIND)),
        JobState.valueOf(doc.getString(STATE)),
        job,
        number(doc, ATTEMPT).longValue(),
        number(doc, RETRY_TIMES).intValue(),
        number(doc, REPEATED_COUNT).intValue(),
        triggerTime,
        doc.getString(IDENTITY),
        lease == null ? null : lease.longValue(),
        doc.getString(SCHEDULE_JOB_ID),
        scheduleTime == NO_SCHEDULE_TIME ? null : scheduleTime,
        number(doc, VERSION).longValue(),
        number(doc, "created").longValue(),
        number(doc, MODIFIED).longValue());
  }

  private static Number number(Document doc, String field) {
    return (Number) doc.get(field);
  }

  /** What a completion left half-done by a crash came to, read from its job's document. */
  enum CompletionOutcome {
    /** The job is gone: the completion was accepted. */
    ACCEPTED,
    /** The job is there under another attempt or state: the completion was refused. */
    REFUSED,
    /** The job still runs under that attempt: not known yet. */
    UNDECIDED
  }

  static CompletionOutcome completionOutcome(MongoCollection<Document> jobs, AttemptRef run) {
    Document job = jobs.find(Filters.eq("_id", run.jobId())).first();
    if (job == null) {
      return CompletionOutcome.ACCEPTED;
    }
    return ((Number) job.get(ATTEMPT)).longValue() != run.attempt()
            || !JobState.EXECUTING.name().equals(job.getString(STATE))
        ? CompletionOutcome.REFUSED
        : CompletionOutcome.UNDECIDED;
  }
}
