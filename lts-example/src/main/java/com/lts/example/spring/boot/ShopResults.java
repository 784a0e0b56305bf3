package com.lts.example.spring.boot;

import com.lts.core.domain.JobResult;
import com.lts.jobclient.JobCompletedHandler;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The app's one JobCompletedHandler bean: the starter hands it the JobClient's results. */
@Component
public class ShopResults implements JobCompletedHandler {

  private static final Logger log = LoggerFactory.getLogger(ShopResults.class);
  private final List<JobResult> results = new CopyOnWriteArrayList<>();

  @Override
  public void onComplete(List<JobResult> jobResults) {
    jobResults.forEach(result -> log.info("Job done: {}", result));
    results.addAll(jobResults);
  }

  public List<JobResult> results() {
    return List.copyOf(results);
  }
}
