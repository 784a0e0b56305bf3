package com.lts.example.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lts.core.domain.Job;
import com.lts.core.domain.Response;
import com.lts.core.store.JdbcFixture;
import com.lts.jobclient.JobClient;
import com.lts.jobtracker.JobTracker;
import com.lts.remoting.internal.command.CommandCode;
import com.lts.remoting.internal.fuzz.FuzzPeer;
import com.lts.remoting.internal.fuzz.Mutator;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The protocol fuzzer (lts-core's ProtocolFuzzTest) against a whole JobTracker with its store:
 * authenticated peers send mutated frames of every command, so the real processors get bodies that
 * decode but make little sense (missing fields, negative counts, huge numbers, unknown ids). Every
 * connection must be answered or closed, and the JobTracker must still take and run a job. Fuzzes
 * for 3 s (the whole test takes about 10); {@code -Dlts.long.tests=true} fuzzes for two minutes,
 * {@code -Dlts.fuzz.seed=N} replays a run.
 */
class JobTrackerFuzzTest {

  private static final String TOKEN = "jt-fuzz-token";
  private static final boolean LONG = Boolean.getBoolean("lts.long.tests");
  private static final long SEED = Long.getLong("lts.fuzz.seed", System.nanoTime());

  @TempDir Path dir;
  private JdbcFixture database;
  private LocalCluster cluster;

  @BeforeEach
  void setUp() {
    database = JdbcFixture.h2();
    cluster =
        LocalCluster.start(dir)
            .beforeStart(
                node -> {
                  node.addConfig("lts.cluster.token", TOKEN);
                  // A frame whose length prefix promises more than was sent waits for the rest
                  // until the connection has been silent for three heartbeats: keep that short.
                  node.addConfig("lts.remoting.heartbeat.interval", "100ms");
                });
  }

  @AfterEach
  void tearDown() throws Exception {
    cluster.close();
    database.drop();
  }

  /** Request frames of the commands a JobTracker serves (internal ones are the core test's). */
  private static List<byte[]> commandFrames() {
    List<byte[]> frames = new ArrayList<>();
    for (byte[] frame : FuzzPeer.seeds()) {
      short code = ByteBuffer.wrap(frame).getShort(8);
      CommandCode command = CommandCode.fromCode(code);
      if (command != null && !command.isInternal() && frame[7] == 0) { // kind 0: request
        frames.add(frame);
      }
    }
    return frames;
  }

  @Test
  void aJobTrackerFedMutatedCommandsKeepsWorking() throws Exception {
    JobTracker jobTracker = cluster.jobTracker(database.config());
    int port = jobTracker.getListenPort();
    List<byte[]> frames = commandFrames();
    assertThat(frames).hasSizeGreaterThan(10);
    Mutator mutator = new Mutator(SEED);
    long deadline = System.nanoTime() + Duration.ofSeconds(LONG ? 120 : 3).toNanos();
    int max = LONG ? 50_000 : 1_000;
    int attacks = 0;
    for (; attacks < max && System.nanoTime() < deadline; attacks++) {
      byte[] frame = frames.get(mutator.nextInt(frames.size()));
      long seed = SEED + attacks;
      String problem = FuzzPeer.attack(port, TOKEN, new Mutator(seed), false, frame);
      assertThat(problem).as("fuzz seed %d, attack seed %d", SEED, seed).isNull();
    }
    assertThat(attacks).isGreaterThan(10);

    CountingRunner runner = new CountingRunner();
    cluster.taskTracker("after-fuzz", 2, runner);
    JobClient client = cluster.jobClient("web", results -> {});
    Job job = new Job();
    job.setTaskId("still-works");
    job.setTaskTrackerNodeGroup("after-fuzz");
    Response response = client.submitJob(job);
    assertThat(response.isSuccess()).as(response.toString()).isTrue();
    await().atMost(Duration.ofSeconds(30)).until(() -> runner.runsOf("still-works") == 1);
  }
}
