package com.lts.jobclient;

import com.lts.core.domain.JobResult;
import java.util.List;

/**
 * Receives the results of jobs this JobClient's group submitted with {@code needFeedback}. A result
 * counts as delivered only when this method returns; if it throws, the JobTracker keeps the results
 * and sends them again later (to this or another JobClient of the group), so handle them
 * idempotently.
 */
@FunctionalInterface
public interface JobCompletedHandler {

  void onComplete(List<JobResult> jobResults);
}
