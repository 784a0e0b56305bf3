package com.lts.core.internal.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class BatcherTest {

  @Test
  void aLoneItemIsDeliveredWithoutWaitingForABatch() {
    List<List<Integer>> batches = new CopyOnWriteArrayList<>();
    try (Batcher<Integer> batcher = new Batcher<>("t", 10, 100, batches::add)) {
      assertThat(batcher.offer(1)).isTrue();
      await().atMost(2, TimeUnit.SECONDS).until(() -> batches.size() == 1);
      assertThat(batches.get(0)).containsExactly(1);
    }
  }

  @Test
  void itemsQueuedWhileTheSinkIsBusyGoOutTogetherUpToTheBatchSize() throws Exception {
    List<List<Integer>> batches = new CopyOnWriteArrayList<>();
    CountDownLatch firstEntered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    try (Batcher<Integer> batcher =
        new Batcher<>(
            "t",
            4,
            100,
            batch -> {
              batches.add(new ArrayList<>(batch));
              firstEntered.countDown();
              block(release);
            })) {
      batcher.offer(0);
      assertThat(firstEntered.await(2, TimeUnit.SECONDS)).isTrue();
      for (int i = 1; i <= 9; i++) {
        batcher.offer(i);
      }
      release.countDown();
      await()
          .atMost(2, TimeUnit.SECONDS)
          .until(() -> batches.stream().mapToInt(List::size).sum() == 10);
    }
    assertThat(batches).extracting(List::size).containsExactly(1, 4, 4, 1);
    assertThat(batches.stream().flatMap(List::stream))
        .containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
  }

  @Test
  void aFullBatcherRefusesAndCounts() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    AtomicBoolean entered = new AtomicBoolean();
    try (Batcher<Integer> batcher =
        new Batcher<>(
            "t",
            1,
            2,
            batch -> {
              entered.set(true);
              block(release);
            })) {
      batcher.offer(0);
      await().atMost(2, TimeUnit.SECONDS).untilTrue(entered);
      assertThat(batcher.offer(1)).isTrue();
      assertThat(batcher.offer(2)).isTrue();
      assertThat(batcher.offer(3)).isFalse();
      assertThat(batcher.rejected()).isEqualTo(1);
      release.countDown();
    }
  }

  @Test
  void putWaitsForRoomWhileFullAndOnlyAClosedBatcherRefuses() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    AtomicBoolean entered = new AtomicBoolean();
    List<Integer> delivered = new CopyOnWriteArrayList<>();
    Batcher<Integer> batcher =
        new Batcher<>(
            "t",
            1,
            2,
            batch -> {
              entered.set(true);
              block(release);
              delivered.addAll(batch);
            });
    batcher.put(0);
    await().atMost(2, TimeUnit.SECONDS).untilTrue(entered);
    assertThat(batcher.put(1)).isTrue();
    assertThat(batcher.put(2)).isTrue();
    AtomicBoolean third = new AtomicBoolean();
    Thread waiting = new Thread(() -> third.set(batcher.put(3)));
    waiting.start();
    await()
        .atMost(2, TimeUnit.SECONDS)
        .until(() -> waiting.getState() == Thread.State.TIMED_WAITING);
    assertThat(waiting.isAlive()).isTrue();
    release.countDown();
    waiting.join(5_000);
    assertThat(third).isTrue();
    batcher.close(5_000);
    assertThat(delivered).containsExactly(0, 1, 2, 3);
    assertThat(batcher.put(4)).isFalse();
    assertThat(batcher.rejected()).isEqualTo(1);
  }

  @Test
  void closeDeliversWhatIsQueuedAndThenRefuses() {
    List<Integer> delivered = new CopyOnWriteArrayList<>();
    Batcher<Integer> batcher = new Batcher<>("t", 3, 1_000, delivered::addAll);
    for (int i = 0; i < 500; i++) {
      batcher.offer(i);
    }
    batcher.close(5_000);
    assertThat(delivered).hasSize(500);
    assertThat(batcher.offer(1)).isFalse();
  }

  @Test
  void aThrowingSinkIsCountedAndLaterBatchesStillFlow() {
    List<Integer> delivered = new CopyOnWriteArrayList<>();
    try (Batcher<Integer> batcher =
        new Batcher<>(
            "t",
            1,
            10,
            batch -> {
              if (batch.get(0) == 1) {
                throw new IllegalStateException("down");
              }
              delivered.addAll(batch);
            })) {
      batcher.offer(1);
      batcher.offer(2);
      await().atMost(2, TimeUnit.SECONDS).until(() -> delivered.contains(2));
      assertThat(batcher.sinkFailures()).isEqualTo(1);
    }
  }

  private static void block(CountDownLatch latch) {
    try {
      latch.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
