package com.lts.example.spring;

import com.lts.core.domain.Job;
import com.lts.tasktracker.runner.JobRunner;

/** A JobRunner with an injected dependency: the container makes it, not LTS. */
public class ShopSyncRunner implements JobRunner {

  private final ShopService shops;

  public ShopSyncRunner(ShopService shops) {
    this.shops = shops;
  }

  @Override
  public void run(Job job) {
    shops.sync(job.getParam("shopId"));
  }
}
