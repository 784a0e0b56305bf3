package com.lts.core.failstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What every {@link FailStore} implementation must do; one subclass per implementation. */
public abstract class FailStoreContract {

  @TempDir Path dir;

  protected abstract FailStoreFactory factory();

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static List<String> values(List<FailStoreEntry> entries) {
    return entries.stream().map(e -> new String(e.value(), StandardCharsets.UTF_8)).toList();
  }

  @Test
  void putReadsBackInInsertionOrderAndDeleteRemovesByKey() {
    try (FailStore store = factory().open(dir.resolve("s"))) {
      assertThat(store.type()).isEqualTo(factory().name());
      assertThat(store.count()).isZero();
      assertThat(store.oldest(10)).isEmpty();
      List<String> keys = new ArrayList<>();
      for (String v : List.of("c", "a", "b")) {
        keys.add(store.put(bytes(v)));
      }
      assertThat(keys).isSorted().doesNotHaveDuplicates();
      assertThat(store.count()).isEqualTo(3);
      assertThat(values(store.oldest(10))).containsExactly("c", "a", "b");
      assertThat(values(store.oldest(2))).containsExactly("c", "a");
      assertThat(store.oldest(10)).extracting(FailStoreEntry::key).containsExactlyElementsOf(keys);

      store.delete(List.of(keys.get(1), "no-such-key"));

      assertThat(values(store.oldest(10))).containsExactly("c", "b");
      assertThat(store.count()).isEqualTo(2);
      assertThatThrownBy(() -> store.oldest(0)).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void putAllKeepsListOrderAndJsonValuesRoundTrip() {
    try (FailStore store = factory().open(dir.resolve("s"))) {
      List<String> keys = store.putAll(List.of(bytes("1"), bytes("2"), bytes("3")));
      String jsonKey = store.putJson(new Note("héllo \"x\"", 7));

      assertThat(keys).hasSize(3).isSorted();
      assertThat(jsonKey).isGreaterThan(keys.get(2));
      List<FailStoreEntry> all = store.oldest(10);
      assertThat(values(all.subList(0, 3))).containsExactly("1", "2", "3");
      Note note = all.get(3).value(Note.class);
      assertThat(note.text).isEqualTo("héllo \"x\"");
      assertThat(note.number).isEqualTo(7);
    }
  }

  @Test
  void orderIsKeptAcrossCloseAndReopen() {
    Path folder = dir.resolve("s");
    List<String> keys = new ArrayList<>();
    try (FailStore store = factory().open(folder)) {
      keys.add(store.put(bytes("first")));
      keys.add(store.put(bytes("second")));
    }
    try (FailStore store = factory().open(folder)) {
      assertThat(values(store.oldest(10))).containsExactly("first", "second");
      keys.add(store.put(bytes("third")));
    }
    try (FailStore store = factory().open(folder)) {
      assertThat(values(store.oldest(10))).containsExactly("first", "second", "third");
      assertThat(store.oldest(10)).extracting(FailStoreEntry::key).containsExactlyElementsOf(keys);
      assertThat(keys).isSorted();
    }
  }

  @Test
  void tenThousandEntriesAreReadInPagesInOrder() {
    int total = 10_000;
    try (FailStore store = factory().open(dir.resolve("s"))) {
      for (int batch = 0; batch < total / 1_000; batch++) {
        List<byte[]> values = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
          values.add(bytes(Integer.toString(batch * 1_000 + i)));
        }
        store.putAll(values);
      }
      assertThat(store.count()).isEqualTo(total);

      int expected = 0;
      List<FailStoreEntry> page;
      while (!(page = store.oldest(700)).isEmpty()) {
        assertThat(page.size()).isEqualTo(Math.min(700, total - expected));
        for (String value : values(page)) {
          assertThat(value).isEqualTo(Integer.toString(expected++));
        }
        store.delete(page.stream().map(FailStoreEntry::key).toList());
      }
      assertThat(expected).isEqualTo(total);
      assertThat(store.count()).isZero();
    }
  }

  @Test
  void aSecondOpenOfOneFolderFailsWithTheLockException() {
    Path folder = dir.resolve("s");
    try (FailStore first = factory().open(folder)) {
      first.put(bytes("kept"));

      assertThatThrownBy(() -> factory().open(folder))
          .isInstanceOf(FailStoreLockedException.class)
          .hasMessageContaining(folder.toString())
          .hasMessageContaining("in use");
      assertThat(values(first.oldest(10))).containsExactly("kept");
    }
    try (FailStore again = factory().open(folder)) {
      assertThat(values(again.oldest(10))).containsExactly("kept");
    }
  }

  @Test
  void aClosedStoreRefusesCallsAndCloseAndDeleteKeepsEntries() {
    Path folder = dir.resolve("s");
    FailStore store = factory().open(folder);
    store.put(bytes("x"));

    assertThatThrownBy(store::closeAndDelete)
        .isInstanceOf(FailStoreException.class)
        .hasMessageContaining("still holds 1 entries")
        .hasMessageContaining(folder.toString());
    assertThatThrownBy(() -> store.put(bytes("y")))
        .isInstanceOf(FailStoreException.class)
        .hasMessageContaining("closed");
    store.close();
    assertThat(folder).isDirectory();
    try (FailStore again = factory().open(folder)) {
      assertThat(values(again.oldest(10))).containsExactly("x");
    }
  }

  @Test
  void deadPeersAreDrainedAndDeletedWhileLiveOnesAreSkipped() {
    Path parent = dir.resolve("peers");
    try (FailStore dead = factory().open(parent.resolve("dead"))) {
      dead.putAll(List.of(bytes("d1"), bytes("d2")));
    }
    try (FailStore halfDrained = factory().open(parent.resolve("half"))) {
      halfDrained.putAll(List.of(bytes("h1"), bytes("h2")));
    }
    try (FailStore live = factory().open(parent.resolve("live"))) {
      live.put(bytes("l1"));
      List<String> seen = new ArrayList<>();

      int drained =
          FailStores.drainDeadPeers(
              live,
              store -> {
                List<FailStoreEntry> entries = store.oldest(100);
                seen.addAll(values(entries));
                // Re-sending "half"'s second entry fails: it stays.
                store.delete(
                    entries.stream()
                        .filter(e -> !new String(e.value(), StandardCharsets.UTF_8).equals("h2"))
                        .map(FailStoreEntry::key)
                        .toList());
              });

      assertThat(drained).isEqualTo(2);
      assertThat(seen).containsExactly("d1", "d2", "h1", "h2");
      assertThat(parent.resolve("dead")).doesNotExist();
      assertThat(values(live.oldest(10))).containsExactly("l1");
      try (FailStore half = factory().open(parent.resolve("half"))) {
        assertThat(values(half.oldest(10))).containsExactly("h2");
      }
    }
    assertThat(Files.exists(parent.resolve("live"))).isTrue();
  }

  /** A JSON value for {@link #putAllKeepsListOrderAndJsonValuesRoundTrip}. */
  static final class Note {
    String text;
    int number;

    Note() {}

    Note(String text, int number) {
      this.text = text;
      this.number = number;
    }
  }
}
