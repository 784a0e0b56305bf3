package com.lts.core.store;

import java.util.List;

/**
 * The answer to a batched operation on running jobs: which (jobId, attempt) pairs were applied and
 * which were refused because the job is no longer running under that attempt.
 */
public record AttemptOutcome(List<AttemptRef> accepted, List<AttemptRef> refused) {

  public AttemptOutcome {
    accepted = List.copyOf(accepted);
    refused = List.copyOf(refused);
  }

  public boolean allAccepted() {
    return refused.isEmpty();
  }
}
