package com.lts.jobtracker.maintenance;

import com.lts.core.store.Feedback;
import com.lts.core.store.FeedbackQueue;
import com.lts.core.store.Page;
import com.lts.core.store.Store;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes feedback no JobClient of its group took for a long time (30 days by default), group by
 * group — the group the feedback is for, unlike LTS, which looked in the wrong group's queue.
 */
public final class OldDataDeletePolicy implements OldDataHandler {

  private static final Logger log = LoggerFactory.getLogger(OldDataDeletePolicy.class);
  private static final int PAGE = 500;

  private final Duration keep;

  public OldDataDeletePolicy() {
    this(Duration.ofDays(30));
  }

  public OldDataDeletePolicy(Duration keep) {
    this.keep = keep;
  }

  @Override
  public void handle(Store store, long now) {
    long cutoff = now - keep.toMillis();
    FeedbackQueue queue = store.feedback();
    for (String group : queue.countByGroup().keySet()) {
      if (Thread.currentThread().isInterrupted()) {
        return; // past the duty's deadline, or no longer master: the next run goes on
      }
      int deleted = 0;
      String cursor = null;
      do {
        Page<Feedback> page = queue.fetch(group, cursor, PAGE);
        List<String> old = new ArrayList<>();
        for (Feedback feedback : page.items()) {
          if (feedback.createdTime() < cutoff) {
            old.add(feedback.id());
          }
        }
        deleted += old.isEmpty() ? 0 : queue.delete(old);
        cursor = page.nextCursor();
      } while (cursor != null && !Thread.currentThread().isInterrupted());
      if (deleted > 0) {
        log.info(
            "Deleted {} undelivered feedback results of JobClient group {} older than {}",
            deleted,
            group,
            keep);
      }
    }
  }
}
