package com.lts.example.api;

import com.lts.jobtracker.JobTracker;
import com.lts.jobtracker.maintenance.OldDataDeletePolicy;

/**
 * The seed's JobTracker snippet. Jobs go to MongoDB here; leave job.queue out to use the embedded
 * H2.
 */
public final class JobTrackerExample {

  private JobTrackerExample() {}

  public static void main(String[] args) {
    final JobTracker jobTracker = new JobTracker();
    jobTracker.setRegistryAddress("zookeeper://127.0.0.1:2181");
    jobTracker.addConfig("job.queue", "mongo");
    jobTracker.addConfig("mongo.addresses", "127.0.0.1:27017");
    jobTracker.addConfig("mongo.database", "lts");
    jobTracker.setOldDataHandler(new OldDataDeletePolicy());
    jobTracker.start();
    Runtime.getRuntime().addShutdownHook(new Thread(jobTracker::stop));
  }
}
