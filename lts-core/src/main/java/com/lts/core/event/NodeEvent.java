package com.lts.core.event;

import java.util.Objects;

/**
 * Something that happened to a node that an operator, a metric or an alert may care about. Match on
 * the record types:
 *
 * <pre>{@code
 * node.addNodeListener(event -> {
 *   if (event instanceof NodeEvent.UnexpectedError e) {
 *     alert(e.task(), e.error());
 *   } else if (event instanceof NodeEvent.JobDeadLettered e) {
 *     alert("job " + e.taskId() + " gave up: " + e.reason());
 *   }
 * });
 * }</pre>
 */
public sealed interface NodeEvent {

  /**
   * A background task failed in a way the code does not expect (a bug, a bad state); logged as an
   * ERROR with its stack. The task runs again at its next turn.
   */
  record UnexpectedError(String task, Throwable error) implements NodeEvent {
    public UnexpectedError {
      Objects.requireNonNull(task);
      Objects.requireNonNull(error);
    }
  }

  /**
   * A background task failed for an expected, transient reason ({@code kind}: store, registry or
   * peer unreachable, no JobTracker); logged as one WARN line. The task runs again at its next
   * turn.
   */
  record BackgroundFailure(String task, FailureKind kind, String message) implements NodeEvent {
    public BackgroundFailure {
      Objects.requireNonNull(task);
      Objects.requireNonNull(kind);
    }
  }

  /** A background task that had failed {@code failures} times in a row works again. */
  record BackgroundRecovered(String task, FailureKind lastKind, long failures)
      implements NodeEvent {}

  /** The job store could not be reached by {@code task} (the first failure of an outage). */
  record StoreUnavailable(String task, String message) implements NodeEvent {}

  /** The job store works again after a {@link StoreUnavailable}. */
  record StoreBack() implements NodeEvent {}

  /** The connection to the registry at {@code address} is lost. */
  record RegistryLost(String address) implements NodeEvent {}

  /** The connection to the registry at {@code address} is back after a {@link RegistryLost}. */
  record RegistryBack(String address) implements NodeEvent {}

  /** This node became master of its node type and group. */
  record MasterGained(String nodeGroup) implements NodeEvent {}

  /** This node is no longer master of its node type and group. */
  record MasterLost(String nodeGroup) implements NodeEvent {}

  /**
   * A running job's lease ended (its TaskTracker died, froze or was cut off); it runs again with
   * the next attempt. Told by the master JobTracker.
   */
  record LeaseExpired(
      String jobId,
      String taskId,
      String taskTrackerNodeGroup,
      String taskTrackerIdentity,
      long expiredAttempt)
      implements NodeEvent {}

  /**
   * A run of a job failed or asked to run later, and the job runs again at {@code nextTriggerTime}
   * (epoch millis); {@code retryTimes} counts the retries before this one.
   */
  record JobRetried(
      String jobId,
      String taskId,
      String taskTrackerNodeGroup,
      int retryTimes,
      long nextTriggerTime,
      String reason)
      implements NodeEvent {}

  /** A job's runner reported failure (no retry asked for); the job is done. */
  record JobFailed(String jobId, String taskId, String taskTrackerNodeGroup, String reason)
      implements NodeEvent {}

  /**
   * A job failed again with no retries left ({@code retryTimes} used); it is given up and kept only
   * in the job log.
   */
  record JobDeadLettered(
      String jobId, String taskId, String taskTrackerNodeGroup, int retryTimes, String reason)
      implements NodeEvent {}

  /**
   * What waits in the FailStore {@code failStore} to be re-sent (job submits on a JobClient,
   * results on a TaskTracker) changed to {@code size} entries; 0 when it is drained.
   */
  record FailStoreBacklog(String failStore, long size) implements NodeEvent {}

  /**
   * An entry of the FailStore {@code failStore} can never be sent as it is ({@code what}, e.g. a
   * job and its group, or an unreadable entry's key) and was moved to the node's dead-letter store
   * for {@code reason}; the entries behind it go on. On a RetryJobClient see {@code deadLetters()}.
   */
  record FailStoreDeadLetter(String failStore, String what, String reason) implements NodeEvent {}
}
