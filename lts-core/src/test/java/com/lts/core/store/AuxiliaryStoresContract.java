package com.lts.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lts.core.cluster.NodeType;
import com.lts.core.domain.Action;
import com.lts.core.domain.BizLog;
import com.lts.core.domain.JobResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Feedback queue, node groups, job log and node statistics. */
public abstract class AuxiliaryStoresContract extends StoreContractBase {

  private static JobResult result(String taskId, Action action) {
    return new JobResult(job(taskId), action, "msg of " + taskId, T0);
  }

  @Test
  void feedbackIsFetchedOldestFirstInPagesAndDeletedOnceDelivered() {
    store()
        .feedback()
        .add(
            "clients",
            List.of(result("a", Action.EXECUTE_SUCCESS), result("b", Action.EXECUTE_FAILED)));
    store().feedback().add("clients", List.of(result("c", Action.EXECUTE_SUCCESS)));
    store().feedback().add("others", List.of(result("d", Action.EXECUTE_SUCCESS)));

    Page<Feedback> first = store().feedback().fetch("clients", null, 2);
    assertThat(first.items())
        .extracting(f -> f.result().getJob().getTaskId())
        .containsExactly("a", "b");
    assertThat(first.items().get(1).result().getAction()).isEqualTo(Action.EXECUTE_FAILED);
    assertThat(first.items().get(0).result().getMsg()).isEqualTo("msg of a");
    Page<Feedback> rest = store().feedback().fetch("clients", first.nextCursor(), 2);
    assertThat(rest.items()).extracting(f -> f.result().getJob().getTaskId()).containsExactly("c");
    assertThat(rest.hasNext()).isFalse();
    assertThat(store().feedback().countByGroup()).isEqualTo(Map.of("clients", 3L, "others", 1L));

    int deleted = store().feedback().delete(first.items().stream().map(Feedback::id).toList());

    assertThat(deleted).isEqualTo(2);
    assertThat(store().feedback().fetch("clients", null, 10).items())
        .extracting(f -> f.result().getJob().getTaskId())
        .containsExactly("c");
    assertThatThrownBy(() -> store().feedback().add("bad group", List.of()))
        .isInstanceOf(InvalidStoreArgumentException.class);
  }

  @Test
  void nodeGroupsAreAddedOncePerTypeListedAndRemoved() {
    NodeGroupStore groups = store().nodeGroups();
    assertThat(groups.add(NodeType.TASK_TRACKER, "workers")).isTrue();
    assertThat(groups.add(NodeType.TASK_TRACKER, "workers")).isFalse();
    assertThat(groups.add(NodeType.TASK_TRACKER, "alpha")).isTrue();
    assertThat(groups.add(NodeType.JOB_CLIENT, "workers")).isTrue();

    assertThat(groups.list(NodeType.TASK_TRACKER))
        .extracting(NodeGroup::name)
        .containsExactly("alpha", "workers");
    assertThat(groups.list(NodeType.TASK_TRACKER).get(0).createdTime()).isEqualTo(T0);
    assertThat(groups.remove(NodeType.TASK_TRACKER, "workers")).isTrue();
    assertThat(groups.remove(NodeType.TASK_TRACKER, "workers")).isFalse();
    assertThat(groups.list(NodeType.TASK_TRACKER))
        .extracting(NodeGroup::name)
        .containsExactly("alpha");
    assertThat(groups.list(NodeType.JOB_CLIENT))
        .extracting(NodeGroup::name)
        .containsExactly("workers");
  }

  @Test
  void jobLogIsQueriedByJobTaskTimeAndLevelAndPruned() {
    List<JobLogEntry> entries = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      entries.add(
          JobLogEntry.of(
              T0 + i * 1_000L,
              "job-" + (i % 3),
              GROUP,
              "task-" + (i % 3),
              1,
              i % 10 == 0 ? JobLogType.DISPATCHED : JobLogType.BIZ,
              i % 5 == 0 ? BizLog.Level.ERROR : BizLog.Level.INFO,
              WORKER,
              "line " + i));
    }
    entries.add(
        JobLogEntry.of(
            T0,
            "job-long",
            GROUP,
            "task-long",
            2,
            JobLogType.FINISHED,
            BizLog.Level.INFO,
            null,
            "x".repeat(JobLogEntry.MAX_MSG_LENGTH + 100)));
    store().jobLogs().append(entries);
    JobLogStore log = store().jobLogs();

    Page<JobLogEntry> byJob = log.query(JobLogQuery.forJob("job-0", 4));
    assertThat(byJob.items())
        .extracting(JobLogEntry::msg)
        .containsExactly("line 0", "line 3", "line 6", "line 9");
    Page<JobLogEntry> nextByJob =
        log.query(JobLogQuery.forJob("job-0", 4).after(byJob.nextCursor()));
    assertThat(nextByJob.items()).extracting(JobLogEntry::msg).startsWith("line 12");
    assertThat(log.query(JobLogQuery.forTask(GROUP, "task-1", 100)).items()).hasSize(10);
    assertThat(log.query(JobLogQuery.between(T0 + 10_000, T0 + 20_000, 100)).items()).hasSize(10);
    assertThat(
            log.query(JobLogQuery.forTask(GROUP, "task-0", 100).level(BizLog.Level.ERROR)).items())
        .extracting(JobLogEntry::msg)
        .containsExactly("line 0", "line 15");
    JobLogEntry first = byJob.items().get(0);
    assertThat(first.type()).isEqualTo(JobLogType.DISPATCHED);
    assertThat(first.attempt()).isEqualTo(1);
    assertThat(first.taskTrackerIdentity()).isEqualTo(WORKER);
    assertThat(log.query(JobLogQuery.forJob("job-long", 1)).items().get(0).msg())
        .hasSize(JobLogEntry.MAX_MSG_LENGTH)
        .endsWith("...");
    assertThatThrownBy(
            () -> log.query(new JobLogQuery(null, null, null, null, null, null, null, 10)))
        .isInstanceOf(InvalidStoreArgumentException.class);

    JobLogEntry last = log.query(JobLogQuery.forJob("job-2", 100)).items().get(9);
    assertThat(log.query(JobLogQuery.forJob("job-2", 100).after(last.id())).items())
        .as("following a job's log: nothing after its last line yet")
        .isEmpty();
    log.append(
        List.of(
            JobLogEntry.of(
                T0 + 40_000,
                "job-2",
                GROUP,
                "task-2",
                1,
                JobLogType.FINISHED,
                BizLog.Level.INFO,
                WORKER,
                "done")));
    assertThat(log.query(JobLogQuery.forJob("job-2", 100).after(last.id())).items())
        .extracting(JobLogEntry::msg)
        .containsExactly("done");

    assertThat(log.pruneOlderThan(T0 + 15_000)).isEqualTo(16);
    assertThat(log.query(JobLogQuery.between(0, Long.MAX_VALUE, 100)).items()).hasSize(16);
  }

  @Test
  void theJobLogIsPrunedOldestFirstInBoundedBatches() {
    JobLogStore log = store().jobLogs();
    List<JobLogEntry> entries = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      entries.add(
          JobLogEntry.of(
              T0 + i,
              "job-" + i,
              GROUP,
              "task-" + i,
              1,
              JobLogType.RECEIVED,
              BizLog.Level.INFO,
              WORKER,
              "line " + i));
    }
    log.append(entries);

    assertThat(log.pruneOlderThan(T0 + 5, 2)).isEqualTo(2);
    assertThat(log.query(JobLogQuery.between(0, Long.MAX_VALUE, 100)).items())
        .extracting(JobLogEntry::msg)
        .containsExactly("line 2", "line 3", "line 4", "line 5", "line 6");
    assertThat(log.pruneOlderThan(T0 + 5, 2)).isEqualTo(2);
    assertThat(log.pruneOlderThan(T0 + 5, 2)).isEqualTo(1);
    assertThat(log.pruneOlderThan(T0 + 5, 2)).isZero();
    assertThat(log.query(JobLogQuery.between(0, Long.MAX_VALUE, 100)).items()).hasSize(2);
  }

  @Test
  void nodeStatsAreQueriedPerNodeAndTimeRange() {
    List<NodeStats> stats = new ArrayList<>();
    for (int minute = 0; minute < 5; minute++) {
      stats.add(
          new NodeStats(
              "JT_1",
              NodeType.JOB_TRACKER,
              "jt",
              T0 + minute * 60_000L,
              Map.of("pushed", minute * 10.0)));
      stats.add(
          new NodeStats(
              "TT_1",
              NodeType.TASK_TRACKER,
              "tt",
              T0 + minute * 60_000L,
              Map.of("succeeded", 1.0)));
    }
    store().nodeStats().append(stats);

    List<NodeStats> jt = store().nodeStats().query("JT_1", T0 + 60_000, T0 + 240_000);

    assertThat(jt)
        .extracting(NodeStats::minute)
        .containsExactly(T0 + 60_000, T0 + 120_000, T0 + 180_000);
    assertThat(jt.get(2).values()).isEqualTo(Map.of("pushed", 30.0));
    assertThat(jt.get(0).nodeType()).isEqualTo(NodeType.JOB_TRACKER);
    assertThat(store().nodeStats().pruneOlderThan(T0 + 120_000)).isEqualTo(4);
    assertThat(store().nodeStats().query("TT_1", 0, Long.MAX_VALUE)).hasSize(3);
  }

  @Test
  void allNodesStatsAreQueriedByTimeRangeAndPrunedOldestFirstInBoundedBatches() {
    List<NodeStats> stats = new ArrayList<>();
    for (int minute = 0; minute < 5; minute++) {
      for (String node : List.of("JT_2", "TT_2")) {
        stats.add(
            new NodeStats(
                node,
                node.startsWith("JT") ? NodeType.JOB_TRACKER : NodeType.TASK_TRACKER,
                "g",
                T0 + minute * 60_000L,
                Map.of("m", (double) minute)));
      }
    }
    NodeStatsStore nodeStats = store().nodeStats();
    nodeStats.append(stats);

    assertThat(nodeStats.queryAll(T0 + 60_000, T0 + 180_000))
        .extracting(s -> s.identity() + "@" + s.values().get("m"))
        .containsExactlyInAnyOrder("JT_2@1.0", "TT_2@1.0", "JT_2@2.0", "TT_2@2.0");

    assertThat(nodeStats.pruneOlderThan(T0 + 180_000, 4)).isEqualTo(4);
    assertThat(nodeStats.queryAll(0, Long.MAX_VALUE))
        .extracting(NodeStats::minute)
        .allMatch(minute -> minute >= T0 + 120_000);
    assertThat(nodeStats.pruneOlderThan(T0 + 180_000, 4)).isEqualTo(2);
    assertThat(nodeStats.pruneOlderThan(T0 + 180_000, 4)).isZero();
    assertThat(nodeStats.queryAll(0, Long.MAX_VALUE)).hasSize(4);
  }

  @Test
  void settingsAreStoredReplacedListedAndRemoved() {
    SettingStore settings = store().settings();
    assertThat(settings.all()).isEmpty();

    settings.put("lts.alert.job.failed", "5", "ops");
    clock().set(T0 + 1_000);
    settings.put("lts.alert.queue.depth", "1000", null);
    settings.put("lts.alert.job.failed", "7", "support");

    assertThat(settings.all().keySet())
        .containsExactly("lts.alert.job.failed", "lts.alert.queue.depth");
    assertThat(settings.all().get("lts.alert.job.failed"))
        .isEqualTo(new Setting("lts.alert.job.failed", "7", T0 + 1_000, "support"));
    assertThat(settings.remove("lts.alert.job.failed")).isTrue();
    assertThat(settings.remove("lts.alert.job.failed")).isFalse();
    assertThat(settings.all().keySet()).containsExactly("lts.alert.queue.depth");
    assertThatThrownBy(() -> settings.put("x'; DROP TABLE lts_job", "1", null))
        .isInstanceOf(InvalidStoreArgumentException.class);
    assertThatThrownBy(() -> settings.put("lts.big", "x".repeat(4_001), null))
        .isInstanceOf(InvalidStoreArgumentException.class)
        .hasMessageContaining("4000");
  }
}
