package com.lts.core.store.internal;

import com.lts.core.domain.JobResult;
import com.lts.core.internal.json.Json;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a stored feedback result; an entry that cannot be read is skipped and logged once (per
 * entry and store), so it never stops the entries behind it. Retention pruning removes it later.
 */
public final class UnreadableFeedback {

  private static final Logger log = LoggerFactory.getLogger(UnreadableFeedback.class);

  /** Bounds the memory of what was logged; past it, an unreadable entry may be logged again. */
  private static final int MAX_REMEMBERED = 10_000;

  private final Set<String> logged = ConcurrentHashMap.newKeySet();

  /**
   * @return the result, or null when {@code json} is not a readable result
   */
  public JobResult read(String id, String json) {
    try {
      JobResult result = Json.fromJson(json, JobResult.class);
      if (result != null && result.getJob() != null) {
        return result;
      }
      skipped(id, json, "no job in it");
    } catch (RuntimeException e) {
      skipped(id, json, e.toString());
    }
    return null;
  }

  private void skipped(String id, String json, String reason) {
    if (logged.size() >= MAX_REMEMBERED) {
      logged.clear();
    }
    if (logged.add(id)) {
      log.error(
          "Feedback entry {} cannot be read ({}) and is skipped; it stays until the feedback"
              + " retention (lts.feedback.retention) drops it: {}",
          id,
          reason,
          json == null ? "null" : json.substring(0, Math.min(json.length(), 200)));
    }
  }
}
