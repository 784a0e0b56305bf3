package com.lts.jobtracker.internal.feedback;

import com.lts.core.LtsException;
import com.lts.core.domain.JobResult;
import com.lts.core.event.NodeEvents;
import com.lts.core.internal.background.Background;
import com.lts.core.store.Feedback;
import com.lts.core.store.FeedbackQueue;
import com.lts.core.store.Page;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Master duty: re-sends queued feedback to its JobClient group and deletes what was acknowledged.
 * Each run sends at most a few pages per group and stops at the first page a group does not take,
 * so a group that is down costs one attempt per run, not a loop. Entries younger than {@link
 * #GRACE} are left to the delivery the completing JobTracker makes itself, so that a result is not
 * sent twice at once.
 */
public final class FeedbackResend implements Runnable {

  private static final String TASK = "Feedback re-send";
  private static final int PAGE = 100;
  private static final int MAX_PAGES_PER_RUN = 50;

  static final Duration GRACE = FeedbackSender.CALL_TIMEOUT.plusSeconds(5);

  private final FeedbackQueue queue;
  private final FeedbackSender sender;
  private final Clock clock;

  private final Background background;

  public FeedbackResend(
      FeedbackQueue queue, FeedbackSender sender, Clock clock, NodeEvents events) {
    this.background = new Background(events, FeedbackResend.class);
    this.queue = queue;
    this.sender = sender;
    this.clock = clock;
  }

  @Override
  public void run() {
    for (String group : queue.countByGroup().keySet()) {
      if (Thread.currentThread().isInterrupted()) {
        return; // stopped (no longer master, or past its deadline): the interrupt stays set
      }
      // One group that cannot be reached must not hold up the others.
      background.run(TASK, () -> resend(group));
    }
  }

  private void resend(String group) {
    String cursor = null;
    for (int page = 0; page < MAX_PAGES_PER_RUN; page++) {
      Page<Feedback> batch = queue.fetch(group, cursor, PAGE);
      if (batch.items().isEmpty()) {
        return;
      }
      long youngest = clock.millis() - GRACE.toMillis();
      List<JobResult> results = new ArrayList<>();
      Map<JobResult, String> ids = new IdentityHashMap<>();
      boolean reachedYoung = false;
      for (Feedback feedback : batch.items()) {
        if (feedback.createdTime() > youngest) {
          reachedYoung = true;
          break;
        }
        results.add(feedback.result());
        ids.put(feedback.result(), feedback.id());
      }
      if (results.isEmpty()) {
        if (reachedYoung || !batch.hasNext()) {
          return;
        }
        cursor = batch.nextCursor();
        continue;
      }
      List<JobResult> undelivered;
      try {
        undelivered = sender.deliver(group, results).get(1, TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (ExecutionException | TimeoutException e) {
        throw new LtsException(
            "Re-sending " + results.size() + " feedback results to JobClient group " + group,
            e instanceof ExecutionException ? e.getCause() : e);
      }
      Set<JobResult> kept = Collections.newSetFromMap(new IdentityHashMap<>());
      kept.addAll(undelivered);
      List<String> delivered = new ArrayList<>();
      ids.forEach(
          (result, id) -> {
            if (!kept.contains(result)) {
              delivered.add(id);
            }
          });
      if (!delivered.isEmpty()) {
        queue.delete(delivered);
      }
      if (delivered.isEmpty() || reachedYoung || !batch.hasNext()) {
        return;
      }
      cursor = batch.nextCursor();
    }
  }
}
