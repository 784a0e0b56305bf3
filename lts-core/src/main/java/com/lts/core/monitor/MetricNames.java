package com.lts.core.monitor;

/**
 * The names of the meters LTS nodes record (Micrometer's dotted form; Prometheus shows {@code
 * lts.jobs.completed} as {@code lts_jobs_completed_total}). Every meter also has the tags {@link
 * #TAG_NODE}, {@link #TAG_NODE_TYPE} and {@link #TAG_NODE_GROUP}. docs/monitoring.md describes
 * each.
 */
public final class MetricNames {

  /** Tag: the node's identity. */
  public static final String TAG_NODE = "lts.node";

  /** Tag: the node's type ({@code JOB_TRACKER}, {@code TASK_TRACKER}, {@code JOB_CLIENT}). */
  public static final String TAG_NODE_TYPE = "lts.node.type";

  /** Tag: the node's group. */
  public static final String TAG_NODE_GROUP = "lts.node.group";

  /** Tag: a TaskTracker group a job belongs to. */
  public static final String TAG_GROUP = "group";

  /** Tag: a job's {@code Action}. */
  public static final String TAG_ACTION = "action";

  // JobTracker
  /** Counter {group}: jobs stored from submits. */
  public static final String JOBS_RECEIVED = "lts.jobs.received";

  /** Counter {group}: jobs claimed and handed to TaskTrackers. */
  public static final String JOBS_DISPATCHED = "lts.jobs.dispatched";

  /**
   * Counter {group}: of {@link #JOBS_DISPATCHED}, the jobs claimed in their submit's own write for
   * an idle TaskTracker and pushed at once.
   */
  public static final String JOBS_DISPATCHED_AT_SUBMIT = "lts.jobs.dispatched.at.submit";

  /** Counter {group, action}: results accepted that ended a job (no retry follows). */
  public static final String JOBS_COMPLETED = "lts.jobs.completed";

  /** Counter {group}: results accepted that scheduled a retry. */
  public static final String JOBS_RETRIED = "lts.jobs.retried";

  /** Counter {group}: jobs whose retries were used up. */
  public static final String JOBS_DEAD_LETTERED = "lts.jobs.dead.lettered";

  /** Counter {group}: leases that expired (the job was put back to run again). */
  public static final String LEASES_EXPIRED = "lts.leases.expired";

  /** Counter: results delivered to JobClients. */
  public static final String FEEDBACK_SENT = "lts.feedback.sent";

  /** Gauge (master only): results waiting in the feedback queue. */
  public static final String FEEDBACK_WAITING = "lts.feedback.waiting";

  /** Gauge {group} (master only): jobs waiting to run. */
  public static final String QUEUE_DEPTH = "lts.queue.depth";

  /** Timer: one claim statement in the store. */
  public static final String STORE_CLAIM = "lts.store.claim";

  /** Timer: storing one submitted batch. */
  public static final String STORE_SUBMIT = "lts.store.submit";

  // TaskTracker
  /** Counter {action}: jobs the TaskTracker's runners finished, by their result. */
  public static final String JOBS_RUN = "lts.jobs.run";

  /** Timer: how long runners took (with 50th, 95th and 99th percentiles). */
  public static final String JOBS_RUN_TIME = "lts.jobs.run.time";

  /** Gauge: runner threads running a job. */
  public static final String THREADS_BUSY = "lts.threads.busy";

  /** Gauge: runner threads free. */
  public static final String THREADS_FREE = "lts.threads.free";

  // JobClient
  /** Counter: jobs a JobTracker took. */
  public static final String JOBS_SUBMITTED = "lts.jobs.submitted";

  /** Counter: jobs refused (invalid, or no JobTracker took them and none was saved). */
  public static final String JOBS_REFUSED = "lts.jobs.refused";

  /** Counter: jobs saved in the FailStore to be sent again later. */
  public static final String JOBS_SAVED_FOR_LATER = "lts.jobs.saved.for.later";

  /** Counter: job results received as feedback. */
  public static final String FEEDBACK_RECEIVED = "lts.feedback.received";

  // every node
  /** Gauge (JobClient, TaskTracker): entries waiting in the node's FailStore. */
  public static final String FAILSTORE_BACKLOG = "lts.failstore.backlog";

  /** Counter {task, kind}: background failures (see {@code failureCounts()}). */
  public static final String BACKGROUND_FAILURES = "lts.background.failures";

  private MetricNames() {}
}
