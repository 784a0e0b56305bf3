package com.lts.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The heap of another JVM after a full GC, read with jcmd and with the attach API fallback. */
class JvmTest {

  @Test
  void readsTheHeapOfAChildJvmAfterAFullGcBothWays() throws Exception {
    Process child =
        new ProcessBuilder(
                Jvm.java().toString(),
                "-Xmx64m",
                "-cp",
                ChildJobTracker.absoluteClassPath(),
                Idle.class.getName())
            .redirectErrorStream(true)
            .start();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      assertThat(out.readLine()).isEqualTo(Idle.READY);
      if (Jvm.jcmd() != null) {
        Jvm.Heap heap = Jvm.usedAfterFullGc(child.pid(), Duration.ofSeconds(60));
        assertThat(heap.usedBytes()).isPositive().isLessThan(64L << 20);
        assertThat(heap.method()).contains("jcmd");
      }
      assertThat(Jvm.attachAndGc(child.pid())).isPositive().isLessThan(64L << 20);
    } finally {
      child.destroyForcibly();
      child.waitFor(10, TimeUnit.SECONDS);
    }
  }

  /** A JVM that says it is ready and waits to be killed. */
  static final class Idle {
    static final String READY = "ready";

    public static void main(String[] args) throws InterruptedException {
      System.out.println(READY);
      System.out.flush();
      new CountDownLatch(1).await();
    }
  }
}
