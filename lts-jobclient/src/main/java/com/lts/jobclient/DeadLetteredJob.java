package com.lts.jobclient;

import com.lts.core.domain.Job;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * A job a {@link RetryJobClient} kept for later but can never send as it is: a JobTracker refused
 * it for good (e.g. a cron job whose only instant passed while no JobTracker was up), it is too
 * large for one frame, or its FailStore entry cannot be read. Listed by {@link
 * RetryJobClient#deadLetters(int)}, removed with {@link RetryJobClient#removeDeadLetters}, sent
 * again with {@link RetryJobClient#resubmitDeadLetters}.
 *
 * @param id identifies it for removal and re-submission
 * @param job the job; null when the entry could not be read (then {@code raw} holds its bytes)
 * @param reason why it was set aside
 * @param time when it was set aside
 * @param raw the entry's bytes as they were kept in the FailStore (the job as JSON)
 */
public record DeadLetteredJob(String id, Job job, String reason, Instant time, byte[] raw) {

  public DeadLetteredJob {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(raw, "raw");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DeadLetteredJob other
        && id.equals(other.id)
        && Objects.equals(job, other.job)
        && reason.equals(other.reason)
        && time.equals(other.time)
        && Arrays.equals(raw, other.raw);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, reason, time, Arrays.hashCode(raw));
  }

  @Override
  public String toString() {
    return "DeadLetteredJob{id="
        + id
        + ", "
        + (job == null ? "unreadable, " + raw.length + " bytes" : "taskId=" + job.getTaskId())
        + ", "
        + time
        + ", "
        + reason
        + "}";
  }
}
