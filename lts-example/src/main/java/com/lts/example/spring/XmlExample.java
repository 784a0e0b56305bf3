package com.lts.example.spring;

import com.lts.core.domain.Job;
import com.lts.jobclient.JobClient;
import org.springframework.context.support.GenericXmlApplicationContext;

/**
 * LTS in a Spring XML application ({@code lts-spring-example.xml}): a TaskTracker whose runner is a
 * bean with an injected service, and a JobClient; both start with the context and stop with it. Run
 * with a JobTracker up (e.g. the local demo): {@code -Dlts.registry-address=zookeeper://...}.
 */
public final class XmlExample {

  public static final String XML = "classpath:com/lts/example/spring/lts-spring-example.xml";

  private XmlExample() {}

  public static void main(String[] args) {
    GenericXmlApplicationContext context = new GenericXmlApplicationContext(XML);
    context.registerShutdownHook();
    Job job = new Job();
    job.setTaskId("shop-" + System.currentTimeMillis());
    job.setParam("shopId", "11111");
    job.setTaskTrackerNodeGroup("spring_xml_TaskTracker");
    System.out.println(context.getBean(JobClient.class).submitJob(job));
  }
}
