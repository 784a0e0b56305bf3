package com.lts.jobtracker.internal.maintenance;

import com.lts.core.store.FeedbackQueue;
import com.lts.core.store.JobStore;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Master duty: drops feedback older than {@code lts.feedback.retention} (with one warning per run
 * that counts what no JobClient took) and forgets submit ids older than {@code
 * lts.submit.id.retention} whose jobs are gone. Both in bounded steps, so one run never holds the
 * store for long; what is left waits for the next run.
 */
public final class DeliveryRetention implements Runnable {

  private static final Logger log = LoggerFactory.getLogger(DeliveryRetention.class);

  static final int STEP = 1_000;
  static final int MAX_STEPS_PER_RUN = 20;

  private final FeedbackQueue feedback;
  private final JobStore jobs;
  private final Duration feedbackRetention;
  private final Duration submitIdRetention;
  private final Clock clock;

  public DeliveryRetention(
      FeedbackQueue feedback,
      JobStore jobs,
      Duration feedbackRetention,
      Duration submitIdRetention,
      Clock clock) {
    this.feedback = feedback;
    this.jobs = jobs;
    this.feedbackRetention = feedbackRetention;
    this.submitIdRetention = submitIdRetention;
    this.clock = clock;
  }

  @Override
  public void run() {
    long now = clock.millis();
    int dropped = 0;
    for (int step = 0; step < MAX_STEPS_PER_RUN; step++) {
      int n = feedback.pruneOlderThan(now - feedbackRetention.toMillis(), STEP);
      dropped += n;
      if (n < STEP) {
        break;
      }
    }
    if (dropped > 0) {
      log.warn(
          "Dropped {} job results that no JobClient acknowledged within {} (lts.feedback.retention)",
          dropped,
          feedbackRetention);
    }
    for (int step = 0; step < MAX_STEPS_PER_RUN; step++) {
      if (jobs.forgetSubmitIds(now - submitIdRetention.toMillis(), STEP) < STEP) {
        break;
      }
    }
  }
}
