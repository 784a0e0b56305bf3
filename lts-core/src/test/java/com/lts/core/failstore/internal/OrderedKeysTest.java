package com.lts.core.failstore.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class OrderedKeysTest {

  @Test
  void keysKeepOrderWhenTheClockStandsStillOrGoesBack() {
    AtomicLong now = new AtomicLong(1_000);
    OrderedKeys keys = new OrderedKeys(now::get, null);
    List<String> made = new ArrayList<>();
    made.add(keys.next());
    made.add(keys.next());
    now.set(500);
    made.add(keys.next());
    now.set(2_000);
    made.add(keys.next());

    assertThat(made)
        .isSorted()
        .doesNotHaveDuplicates()
        .containsExactly(
            "000000000001000.000000",
            "000000000001000.000001",
            "000000000001000.000002",
            "000000000002000.000000");
  }

  @Test
  void aReopenedStoreContinuesAfterItsLastKeyEvenWithAnEarlierClock() {
    OrderedKeys keys = new OrderedKeys(() -> 10, "000000000005000.000041");

    assertThat(keys.next()).isEqualTo("000000000005000.000042");
  }

  @Test
  void aFullSequenceMovesToTheNextMillisecond() {
    OrderedKeys keys = new OrderedKeys(() -> 7, "000000000000007.999999");

    assertThat(keys.next()).isEqualTo("000000000000008.000000");
  }

  @Test
  void aLastKeyInAnotherFormatIsIgnored() {
    OrderedKeys keys = new OrderedKeys(() -> 3, "not-a-key");

    assertThat(keys.next()).isEqualTo("000000000000003.000000");
    assertThat(OrderedKeys.isKey("00000000000000a.000000")).isFalse();
    assertThat(OrderedKeys.isKey("000000000000003.000000")).isTrue();
  }
}
