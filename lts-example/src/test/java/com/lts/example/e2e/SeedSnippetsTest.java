package com.lts.example.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lts.core.domain.Job;
import com.lts.core.domain.Response;
import com.lts.core.registry.EmbeddedZooKeeper;
import com.lts.jobclient.JobClient;
import com.lts.jobclient.RetryJobClient;
import com.lts.jobtracker.JobTracker;
import com.lts.jobtracker.maintenance.OldDataDeletePolicy;
import com.lts.tasktracker.TaskTracker;
import com.lts.tasktracker.runner.JobRunner;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The three snippets of the LTS 1.5.4 README, as written there apart from imports and addresses (an
 * embedded ZooKeeper on a free port, mongo-java-server instead of a mongod, a free JobTracker
 * port), and the plain {@code JobClient} the snippet offers as its alternative to {@code
 * RetryJobClient}.
 */
class SeedSnippetsTest {

  static final List<String> shopIds = new CopyOnWriteArrayList<>();

  @TempDir Path dataDir;

  private EmbeddedZooKeeper zooKeeper;
  private MongoServer mongo;
  private final List<Runnable> stops = new CopyOnWriteArrayList<>();

  @AfterEach
  void tearDown() {
    stops.forEach(Runnable::run);
    if (mongo != null) {
      mongo.shutdownNow();
    }
    if (zooKeeper != null) {
      zooKeeper.close();
    }
  }

  // 任务执行类 — the seed's runner, unchanged.
  public static class TestJobRunner implements JobRunner {
    @Override
    public void run(Job job) throws Throwable {
      System.out.println("我要执行" + job);
      System.out.println(job.getParam("shopId"));
      shopIds.add(job.getParam("shopId"));
      // TODO 用户自己的业务逻辑, 应该保证幂等
      try {
        Thread.sleep(5 * 1000L);
      } catch (InterruptedException e) {
        e.printStackTrace();
      }
    }
  }

  @Test
  void theSeedsJobTrackerTaskTrackerAndJobClientRunAJob() {
    zooKeeper = EmbeddedZooKeeper.start(dataDir.resolve("zk"), 0);
    mongo = new MongoServer(new MemoryBackend());
    InetSocketAddress mongoAddress = mongo.bind();
    String registry = zooKeeper.address();

    // JobTracker 端
    final JobTracker jobTracker = new JobTracker();
    // 节点信息配置
    jobTracker.setRegistryAddress(registry);
    jobTracker.setListenPort(0);
    jobTracker.setDataPath(dataDir.toString());
    // 1. 任务队列用mongo
    jobTracker.addConfig("job.queue", "mongo");
    // mongo 配置
    jobTracker.addConfig("mongo.addresses", "127.0.0.1:" + mongoAddress.getPort());
    jobTracker.addConfig("mongo.database", "lts");
    jobTracker.setOldDataHandler(new OldDataDeletePolicy());
    // 启动节点
    jobTracker.start();
    stops.add(0, jobTracker::stop);

    // TaskTracker端
    TaskTracker taskTracker = new TaskTracker();
    taskTracker.setJobRunnerClass(TestJobRunner.class);
    taskTracker.setRegistryAddress(registry);
    taskTracker.setNodeGroup("test_trade_TaskTracker");
    taskTracker.setWorkThreads(20);
    taskTracker.setDataPath(dataDir.toString());
    taskTracker.start();
    stops.add(0, taskTracker::stop);

    // JobClient端
    JobClient jobClient = new RetryJobClient();
    // final JobClient jobClient = new JobClient();
    jobClient.setNodeGroup("test_jobClient");
    jobClient.setDataPath(dataDir.toString());
    jobClient.setRegistryAddress(registry);
    jobClient.start();
    stops.add(0, jobClient::stop);

    // 提交任务
    Job job = new Job();
    job.setTaskId("3213213123");
    job.setParam("shopId", "11111");
    job.setTaskTrackerNodeGroup("test_trade_TaskTracker");
    // job.setCronExpression("0 0/1 * * * ?");  // 支持 cronExpression表达式
    // job.setTriggerTime(new Date()); // 支持指定时间执行
    Response response = jobClient.submitJob(job);

    assertThat(response.isSuccess()).as(response.toString()).isTrue();
    await().atMost(Duration.ofSeconds(20)).until(() -> shopIds.contains("11111"));
    assertThat(shopIds).containsExactly("11111");
  }
}
