package com.lts.example.using;

import com.lts.jobtracker.JobTracker;

/** A JobTracker embedded in your own process, keeping jobs in an H2 file under ./lts-data. */
public class ShopJobTracker {

  public static void main(String[] args) {
    JobTracker jobTracker = new JobTracker();
    jobTracker.setRegistryAddress("zookeeper://127.0.0.1:2181");
    jobTracker.setListenPort(35001);
    jobTracker.setDataPath("lts-data");
    // For MySQL or PostgreSQL instead: job.queue, jdbc.url, jdbc.username, jdbc.password
    jobTracker.start(); // throws, saying what to fix, when it cannot start
    Runtime.getRuntime().addShutdownHook(new Thread(jobTracker::stop));
  }
}
