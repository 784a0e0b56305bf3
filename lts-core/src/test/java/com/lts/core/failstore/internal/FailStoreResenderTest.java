package com.lts.core.failstore.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lts.core.event.NodeEvent;
import com.lts.core.failstore.DeadLetter;
import com.lts.core.failstore.FailStore;
import com.lts.core.failstore.FailStoreEntry;
import com.lts.core.failstore.FailStores;
import com.lts.core.internal.json.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FailStoreResenderTest {

  public static class Note {
    public String text;

    public Note() {}

    Note(String text) {
      this.text = text;
    }
  }

  @TempDir Path dir;

  private final List<List<String>> batches = new CopyOnWriteArrayList<>();
  private final List<NodeEvent> events = new CopyOnWriteArrayList<>();

  private FailStoreResender<Note> resender(
      long maxBatchBytes, FailStoreResender.Sender<Note> sender) {
    Path folder = dir.resolve("JOB_CLIENT/g/failstore/mvstore/me");
    FailStore store = new MvStoreFailStoreFactory().open(folder);
    return new FailStoreResender<>(
        "test",
        store,
        FailStoreResender.openDeadLetters(store),
        Note.class,
        100,
        maxBatchBytes,
        batch -> {
          batches.add(batch.stream().map(n -> n.text).toList());
          return sender.send(batch);
        },
        n -> "note " + n.text,
        () -> false,
        events::add);
  }

  private static List<byte[]> notes(String... texts) {
    List<byte[]> values = new ArrayList<>();
    for (String text : texts) {
      values.add(Json.toBytes(new Note(text)));
    }
    return values;
  }

  private static List<String> sent(List<List<String>> batches) {
    return batches.stream().flatMap(List::stream).toList();
  }

  @Test
  void batchesStayWithinTheByteLimitAndKeepTheOrder() {
    int noteBytes = Json.toBytes(new Note("n00")).length + 1;
    try (FailStoreResender<Note> resender =
        resender(3L * noteBytes, batch -> FailStoreResender.Outcome.taken())) {
      List<String> texts = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        texts.add(String.format("n%02d", i));
      }
      resender.putAll(notes(texts.toArray(String[]::new)));
      await().atMost(Duration.ofSeconds(10)).until(() -> resender.pending() == 0);
      assertThat(batches).allSatisfy(b -> assertThat(b).hasSizeLessThanOrEqualTo(3));
      assertThat(sent(batches)).containsExactlyElementsOf(texts);
    }
  }

  @Test
  void anEntryRefusedForGoodIsMovedAsideAndTheOthersAreTaken() {
    try (FailStoreResender<Note> resender =
        resender(
            Long.MAX_VALUE,
            batch -> {
              for (int i = 0; i < batch.size(); i++) {
                if (batch.get(i).text.equals("bad")) {
                  return FailStoreResender.Outcome.refused(Map.of(i, "invalid: bad"));
                }
              }
              return FailStoreResender.Outcome.taken();
            })) {
      resender.putAll(notes("a", "bad", "b"));
      await().atMost(Duration.ofSeconds(10)).until(() -> resender.pending() == 0);
      List<DeadLetter> letters = resender.deadLetters().oldest(10);
      assertThat(letters).hasSize(1);
      assertThat(letters.get(0).reason()).isEqualTo("invalid: bad");
      assertThat(letters.get(0).value(Note.class).text).isEqualTo("bad");
      assertThat(sent(batches)).containsExactly("a", "bad", "b");
      assertThat(events)
          .contains(new NodeEvent.FailStoreDeadLetter("test", "note bad", "invalid: bad"));
    }
  }

  @Test
  void anUnreadableEntryIsMovedAsideWithItsBytesAndTheRestIsSent() {
    try (FailStoreResender<Note> resender =
        resender(Long.MAX_VALUE, batch -> FailStoreResender.Outcome.taken())) {
      byte[] corrupt = "{\"text\": not json".getBytes(StandardCharsets.UTF_8);
      List<byte[]> values = new ArrayList<>(notes("a"));
      values.add(corrupt);
      values.addAll(notes("b"));
      resender.putAll(values);
      await().atMost(Duration.ofSeconds(10)).until(() -> resender.pending() == 0);
      assertThat(sent(batches)).containsExactly("a", "b");
      List<DeadLetter> letters = resender.deadLetters().oldest(10);
      assertThat(letters).hasSize(1);
      assertThat(letters.get(0).value()).isEqualTo(corrupt);
      assertThat(letters.get(0).reason()).startsWith("unreadable entry: ");
    }
  }

  @Test
  void aTransientFailureKeepsEverythingForLater() {
    List<Boolean> up = new CopyOnWriteArrayList<>(List.of(false));
    try (FailStoreResender<Note> resender =
        resender(
            Long.MAX_VALUE,
            batch ->
                up.get(0)
                    ? FailStoreResender.Outcome.taken()
                    : FailStoreResender.Outcome.retryLater(batch.size(), null))) {
      resender.putAll(notes("a", "b"));
      await().atMost(Duration.ofSeconds(10)).until(() -> batches.size() >= 2);
      assertThat(resender.pending()).isEqualTo(2);
      assertThat(resender.deadLetters().count()).isZero();
      up.set(0, true);
      await().atMost(Duration.ofSeconds(10)).until(() -> resender.pending() == 0);
    }
  }

  @Test
  void deadLettersLiveNextToTheFailStoreFolderNotAmongPeerStores() {
    Path folder = dir.resolve(".lts/JOB_CLIENT/g/failstore/leveldb/JC_1");
    assertThat(FailStores.deadLetterFolder(folder))
        .isEqualTo(dir.resolve(".lts/JOB_CLIENT/g/deadletter/leveldb/JC_1"));
    assertThat(
            DeadLetterStore.decode(
                    new FailStoreEntry(
                        "k",
                        DeadLetterStore.encode(Clock.systemUTC().millis(), "why", new byte[] {1})))
                .reason())
        .isEqualTo("why");
  }
}
