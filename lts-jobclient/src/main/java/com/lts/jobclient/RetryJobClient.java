package com.lts.jobclient;

import com.lts.core.domain.Response;
import com.lts.core.domain.ResponseCode;

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
 * <p>Invalid jobs are still refused at once ({@link Response#isSuccess()} false), never kept.
 */
public class RetryJobClient extends JobClient {

  public RetryJobClient() {
    super(true);
  }
}
