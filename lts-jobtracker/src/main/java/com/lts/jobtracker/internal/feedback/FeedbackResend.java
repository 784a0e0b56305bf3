package com.lts.jobtracker.internal.feedback;

import com.lts.core.domain.JobResult;
import com.lts.core.store.Feedback;
import com.lts.core.store.FeedbackQueue;
import com.lts.core.store.Page;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Master duty: re-sends queued feedback to its JobClient group and deletes what was delivered. Each
 * run sends at most a few pages per group and stops at the first page a group does not take, so a
 * group that is down costs one attempt per run, not a loop.
 */
public final class FeedbackResend implements Runnable {

  private static final Logger log = LoggerFactory.getLogger(FeedbackResend.class);
  private static final int PAGE = 100;
  private static final int MAX_PAGES_PER_RUN = 50;

  private final FeedbackQueue queue;
  private final FeedbackSender sender;

  public FeedbackResend(FeedbackQueue queue, FeedbackSender sender) {
    this.queue = queue;
    this.sender = sender;
  }

  @Override
  public void run() {
    for (String group : queue.countByGroup().keySet()) {
      resend(group);
    }
  }

  private void resend(String group) {
    String cursor = null;
    for (int page = 0; page < MAX_PAGES_PER_RUN; page++) {
      Page<Feedback> batch = queue.fetch(group, cursor, PAGE);
      if (batch.items().isEmpty()) {
        return;
      }
      List<JobResult> results = new ArrayList<>();
      Map<JobResult, String> ids = new HashMap<>();
      for (Feedback feedback : batch.items()) {
        results.add(feedback.result());
        ids.put(feedback.result(), feedback.id());
      }
      List<JobResult> undelivered;
      try {
        undelivered = sender.deliver(group, results).get(1, TimeUnit.MINUTES);
      } catch (Exception e) {
        log.info("Re-sending feedback to group {} failed: {}", group, e.toString());
        return;
      }
      Set<JobResult> kept = new HashSet<>(undelivered);
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
      if (delivered.isEmpty() || !batch.hasNext()) {
        return;
      }
      cursor = batch.nextCursor();
    }
  }
}
