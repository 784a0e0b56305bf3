package com.lts.jobclient;

import com.lts.core.domain.Job;
import com.lts.core.domain.Response;
import com.lts.core.domain.ResponseCode;
import com.lts.core.failstore.DeadLetter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A {@link JobClient} that never loses a submit to an unreachable cluster: jobs no JobTracker takes
 * (none reachable, or the JobTracker's store is down) are kept in a local FailStore ({@code
 * job.fail.store}, under the data path), and the call returns success with {@link
 * ResponseCode#SUBMIT_FAILED_AND_SAVE_FOR_LATER}; so are submits over {@code job.submit.maxQPS}
 * ({@link ResponseCode#SUBMIT_TOO_BUSY_AND_SAVE_FOR_LATER}). A background loop re-sends them in
 * order, in batches, with back-off, until a JobTracker takes them; the store's task-id idempotency
 * means a job sent twice is stored once. While jobs wait, new submits queue behind them, so jobs
 * arrive in the order they were submitted. The master of the JobClient group also re-sends what
 * stopped peers left in their FailStores in a shared data path.
 *
 * <p>Invalid jobs, and jobs too large for one frame ({@code netty.frame.length.max}), are still
 * refused at once ({@link Response#isSuccess()} false), never kept. A kept job that can never be
 * accepted — it became invalid while it waited (a cron job whose only instant passed), a JobTracker
 * refused it for good, or its FailStore entry cannot be read — is moved to this client's dead
 * letters, logged once with the reason and told as {@code NodeEvent.FailStoreDeadLetter}; the jobs
 * behind it go on. List them with {@link #deadLetters(int)}, then {@link #removeDeadLetters} or
 * {@link #resubmitDeadLetters} them.
 */
public class RetryJobClient extends JobClient {

  public RetryJobClient() {
    super(true);
  }

  /**
   * The jobs set aside for good, oldest first, at most {@code max}, each with the reason and time.
   *
   * @throws IllegalStateException when the client is not started
   */
  public List<DeadLetteredJob> deadLetters(int max) {
    List<DeadLetteredJob> jobs = new ArrayList<>();
    for (DeadLetter letter : runtime().deadLetters(max)) {
      Job job;
      try {
        job = letter.value(Job.class);
      } catch (RuntimeException e) {
        job = null;
      }
      jobs.add(
          new DeadLetteredJob(letter.key(), job, letter.reason(), letter.time(), letter.value()));
    }
    return jobs;
  }

  /** How many jobs are set aside. */
  public long deadLetterCount() {
    return runtime().deadLetterCount();
  }

  /**
   * Removes these dead letters (ids from {@link DeadLetteredJob#id()}); unknown ids are ignored.
   */
  public void removeDeadLetters(Collection<String> ids) {
    runtime().removeDeadLetters(ids);
  }

  /**
   * Submits the jobs of these dead letters again, as {@link #submitJob(List)} does (e.g. after
   * fixing what made them fail), and removes them when the submit succeeds.
   */
  public Response resubmitDeadLetters(Collection<String> ids) {
    return runtime().resubmitDeadLetters(ids);
  }
}
