package com.lts.core.store;

import java.util.List;

/**
 * What {@link JobStore#submitAndClaim} did.
 *
 * @param results one per submitted job, in order, as {@link JobStore#submit} answers
 * @param claimed the jobs stored already claimed, in submit order, ready to push
 */
public record ClaimingSubmit(List<SubmitResult> results, List<StoredJob> claimed) {

  public ClaimingSubmit {
    results = List.copyOf(results);
    claimed = List.copyOf(claimed);
  }
}
