package com.lts.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lts.core.domain.Job;
import com.lts.core.domain.JobValidationException;
import com.lts.core.domain.MisfirePolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the JobTracker's scheduler needs from every {@link JobStore}: misfire policies kept with
 * schedules and their instances, suspend taking a schedule's waiting instances away, the jobs due
 * per instant for the timing wheel, and the live instances per schedule.
 */
public abstract class ScheduleTimingContract extends StoreContractBase {

  private static final String GROUP_A = "group-a";
  private static final String GROUP_B = "group-b";

  private static Job in(String group, Job job) {
    job.setTaskTrackerNodeGroup(group);
    return job;
  }

  private static Job at(String taskId, String group, long triggerTime) {
    Job job = in(group, job(taskId));
    job.setTriggerTime(triggerTime);
    return job;
  }

  private String instance(String scheduleId, long triggerTime) {
    InstanceResult result = jobs().createInstance(scheduleId, triggerTime);
    assertThat(result.status()).isEqualTo(InstanceResult.Status.CREATED);
    return result.jobId();
  }

  @Test
  void anInstanceLeftByACrashedFeedIsNotCreatedAgainAfterItRan() {
    String scheduleId = submitOne(cron("crashed-feed"));
    long instant = T0 + 60_000;
    fixture().leaveInstanceOfACrashedFeed(scheduleId, instant);

    assertThat(jobs().createInstance(scheduleId, instant).status())
        .isEqualTo(InstanceResult.Status.EXISTS);
    assertThat(jobs().liveInstances(List.of(scheduleId))).isEqualTo(Map.of(scheduleId, 1));
    clock().set(instant);
    StoredJob run = claimOne();
    assertThat(jobs().complete(List.of(run.attemptRef())).accepted()).hasSize(1);

    assertThat(jobs().createInstance(scheduleId, instant).status())
        .as("the instant ran once; feeding it again must not fire it again")
        .isEqualTo(InstanceResult.Status.EXISTS);
    assertThat(jobs().liveInstances(List.of(scheduleId)).getOrDefault(scheduleId, 0)).isZero();
    assertThat(jobs().createInstance(scheduleId, instant + 60_000).status())
        .isEqualTo(InstanceResult.Status.CREATED);
  }

  @Test
  void replacingAScheduleDropsTheWaitingInstancesOfItsOldDefinition() {
    String scheduleId = submitOne(cron("redefined"));
    String running = instance(scheduleId, T0 + 1_000);
    String waiting = instance(scheduleId, T0 + 2_000);
    clock().set(T0 + 1_500);
    List<StoredJob> claimed = jobs().claim(GROUP, WORKER, 1, LEASE);
    assertThat(claimed).extracting(StoredJob::jobId).containsExactly(running);

    Job replacement = cron("redefined");
    replacement.setCronExpression("0 0 12 * * ?");
    replacement.setReplaceOnExist(true);
    assertThat(jobs().submit(List.of(replacement)).get(0).status())
        .isEqualTo(SubmitStatus.REPLACED);

    assertThat(jobs().find(waiting)).as("waiting instance of the old definition").isEmpty();
    assertThat(jobs().find(running)).as("a running instance finishes").isPresent();
    assertThat(jobs().complete(List.of(claimed.get(0).attemptRef())).accepted()).hasSize(1);
    assertThat(jobs().find(scheduleId).orElseThrow().job().getCronExpression())
        .isEqualTo("0 0 12 * * ?");
  }

  @Test
  void misfirePolicyIsStoredReplacedEditedAndCopiedToInstances() {
    Job skipping = cron("skipping");
    skipping.setMisfirePolicy(MisfirePolicy.SKIP);
    String cronId = submitOne(skipping);
    String oneTimeId = submitOne(job("one-time"));

    assertThat(jobs().find(cronId).orElseThrow().job().getMisfirePolicy())
        .isEqualTo(MisfirePolicy.SKIP);
    assertThat(jobs().find(oneTimeId).orElseThrow().job().getMisfirePolicy())
        .isEqualTo(MisfirePolicy.FIRE_ONCE_NOW);

    String instanceId = instance(cronId, T0 - 1_000);
    assertThat(jobs().find(instanceId).orElseThrow().job().getMisfirePolicy())
        .isEqualTo(MisfirePolicy.SKIP);
    List<StoredJob> claimed = jobs().claim(GROUP, WORKER, 10, LEASE);
    assertThat(claimed).extracting(StoredJob::jobId).contains(instanceId);
    StoredJob run = claimed.stream().filter(j -> j.jobId().equals(instanceId)).findFirst().get();
    assertThat(run.toJobMeta().getJob().getMisfirePolicy()).isEqualTo(MisfirePolicy.SKIP);

    Job replacement = cron("skipping");
    replacement.setReplaceOnExist(true);
    assertThat(jobs().submit(List.of(replacement)).get(0).status())
        .isEqualTo(SubmitStatus.REPLACED);
    StoredJob replaced = jobs().find(cronId).orElseThrow();
    assertThat(replaced.job().getMisfirePolicy()).isEqualTo(MisfirePolicy.FIRE_ONCE_NOW);

    Job edited = cron("skipping");
    edited.setMisfirePolicy(MisfirePolicy.SKIP);
    assertThat(jobs().edit(cronId, replaced.version(), edited)).isTrue();
    assertThat(jobs().find(cronId).orElseThrow().job().getMisfirePolicy())
        .isEqualTo(MisfirePolicy.SKIP);

    Job invalid = cron("no-policy");
    invalid.setMisfirePolicy(null);
    assertThatThrownBy(() -> jobs().submit(List.of(invalid)))
        .isInstanceOf(JobValidationException.class)
        .hasMessageContaining("misfirePolicy: must not be null");
    assertThat(jobs().find(GROUP, "no-policy")).isEmpty();
  }

  @Test
  void suspendingAScheduleRemovesItsWaitingInstancesButNotItsRunningOne() {
    Job startedEarlier = cron("suspended");
    startedEarlier.setTriggerTime(T0 - 300_000);
    String cronId = submitOne(startedEarlier);
    String otherId = submitOne(cron("untouched"));
    String runningId = instance(cronId, T0 - 120_000);
    instance(cronId, T0 - 60_000);
    instance(cronId, T0 + 60_000);
    String otherInstance = instance(otherId, T0 + 60_000);
    StoredJob run = claimOne();
    assertThat(run.jobId()).isEqualTo(runningId);
    assertThat(jobs().liveInstances(List.of(cronId))).isEqualTo(Map.of(cronId, 3));

    assertThat(jobs().suspend(cronId)).isTrue();

    assertThat(jobs().find(cronId).orElseThrow().state()).isEqualTo(JobState.SUSPENDED);
    assertThat(jobs().browse(QueueQuery.of(JobQueue.EXECUTABLE, 100)).items())
        .extracting(StoredJob::jobId)
        .containsExactly(otherInstance);
    assertThat(jobs().liveInstances(List.of(cronId, otherId)))
        .isEqualTo(Map.of(cronId, 1, otherId, 1));
    assertThat(jobs().createInstance(cronId, T0 + 120_000).status())
        .isEqualTo(InstanceResult.Status.NO_SCHEDULE);
    assertThat(jobs().complete(List.of(run.attemptRef())).accepted())
        .containsExactly(run.attemptRef());
    assertThat(jobs().liveInstances(List.of(cronId))).isEmpty();
    assertThat(jobs().suspend(cronId)).as("suspended already").isFalse();

    assertThat(jobs().resume(cronId)).isTrue();
    assertThat(jobs().find(cronId).orElseThrow().state()).isEqualTo(JobState.SCHEDULED);
    String next = instance(cronId, T0 + 120_000);
    clock().advance(120_000);
    assertThat(jobs().claim(GROUP, WORKER, 10, LEASE))
        .extracting(StoredJob::jobId)
        .containsExactlyInAnyOrder(otherInstance, next);
  }

  @Test
  void suspendingAOneTimeJobOrAnInstanceLeavesOtherRowsAlone() {
    String cronId = submitOne(cron("c"));
    String first = instance(cronId, T0 + 60_000);
    String second = instance(cronId, T0 + 120_000);

    assertThat(jobs().suspend(first)).isTrue();

    assertThat(jobs().find(first).orElseThrow().state()).isEqualTo(JobState.SUSPENDED);
    assertThat(jobs().find(second).orElseThrow().state()).isEqualTo(JobState.EXECUTABLE);
    assertThat(jobs().find(cronId).orElseThrow().state()).isEqualTo(JobState.SCHEDULED);
  }

  @Test
  void dueBetweenGroupsExecutableRowsByInstantAndGroup() {
    String cronId = submitOne(in(GROUP_A, cron("cron-a")));
    jobs()
        .submit(
            List.of(
                at("a1", GROUP_A, T0 + 1_000),
                at("a2", GROUP_A, T0 + 1_000),
                at("b1", GROUP_B, T0 + 1_000),
                at("a3", GROUP_A, T0 + 2_000),
                at("b2", GROUP_B, T0 + 3_000),
                at("paused", GROUP_A, T0 + 2_000),
                at("running", GROUP_A, T0 - 500)));
    instance(cronId, T0 + 2_000);
    Job scheduleAt2000 = in(GROUP_A, cron("definition"));
    scheduleAt2000.setTriggerTime(T0 + 2_000);
    submitOne(scheduleAt2000);
    jobs().suspend(jobs().find(GROUP_A, "paused").orElseThrow().jobId());
    assertThat(jobs().claim(GROUP_A, WORKER, 10, LEASE))
        .extracting(StoredJob::taskId)
        .containsExactly("running");

    assertThat(jobs().dueBetween(T0 + 1_000, T0 + 3_000, 10))
        .containsExactly(
            new DueGroup(GROUP_A, T0 + 1_000, 2),
            new DueGroup(GROUP_B, T0 + 1_000, 1),
            new DueGroup(GROUP_A, T0 + 2_000, 2));
    assertThat(jobs().dueBetween(T0 + 1_001, T0 + 3_001, 10))
        .containsExactly(
            new DueGroup(GROUP_A, T0 + 2_000, 2), new DueGroup(GROUP_B, T0 + 3_000, 1));
    assertThat(jobs().dueBetween(T0 + 1_000, T0 + 3_001, 2))
        .containsExactly(
            new DueGroup(GROUP_A, T0 + 1_000, 2), new DueGroup(GROUP_B, T0 + 1_000, 1));
    assertThat(jobs().dueBetween(T0 - 1_000, T0 + 1_000, 10))
        .as("running, suspended and schedule rows are not due")
        .isEmpty();
    assertThat(jobs().dueBetween(T0 + 1_000, T0 + 1_000, 10)).isEmpty();
  }

  @Test
  void dueBetweenRefusesABackwardWindowAndABadMax() {
    assertThatThrownBy(() -> jobs().dueBetween(T0 + 1, T0, 10))
        .isInstanceOf(InvalidStoreArgumentException.class)
        .hasMessageContaining("fromInclusive");
    assertThatThrownBy(() -> jobs().dueBetween(T0, T0 + 1, 0))
        .isInstanceOf(InvalidStoreArgumentException.class)
        .hasMessageContaining("max");
    assertThatThrownBy(() -> jobs().dueBetween(T0, T0 + 1, StoreArguments.MAX_BATCH + 1))
        .isInstanceOf(InvalidStoreArgumentException.class);
  }

  @Test
  void liveInstancesCountsWaitingAndRunningInstancesPerSchedule() {
    String busy = submitOne(cron("busy"));
    String paused = submitOne(cron("paused"));
    String idle = submitOne(repeat("idle"));
    String oneTime = submitOne(job("one-time"));
    instance(busy, T0 - 2_000);
    instance(busy, T0 + 60_000);
    jobs().suspend(instance(paused, T0 - 1_000));
    claimOne();

    assertThat(jobs().liveInstances(List.of(busy, paused, idle, oneTime, "0000000000000000")))
        .as("schedules with none are absent")
        .isEqualTo(Map.of(busy, 2));
    assertThat(jobs().liveInstances(List.of())).isEmpty();

    // More ids than one query takes, with the live schedule after the first chunk, twice.
    List<String> many = new ArrayList<>();
    for (int i = 0; i < 2 * StoreArguments.IDS_PER_QUERY + 100; i++) {
      many.add(String.format("%032x", i));
    }
    many.add(busy);
    many.add(busy);
    assertThat(jobs().liveInstances(many)).isEqualTo(Map.of(busy, 2));

    List<String> invalid = List.of(busy, "");
    assertThatThrownBy(() -> jobs().liveInstances(invalid))
        .isInstanceOf(InvalidStoreArgumentException.class)
        .hasMessageContaining("jobId");
  }
}
