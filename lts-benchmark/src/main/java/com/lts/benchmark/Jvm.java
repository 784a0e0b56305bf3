package com.lts.benchmark;

import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * This JVM's java launcher, and the heap another JVM on this machine uses right after a full GC:
 * {@code jcmd PID GC.run} (a {@code System.gc()}, a full collection with G1) then {@code jcmd PID
 * GC.heap_info}, both from this JVM's own Java home. Without jcmd (a JRE) the same is done over the
 * attach API: the child's local JMX agent, {@code MemoryMXBean.gc()} then its heap usage.
 */
final class Jvm {

  /** G1, Shenandoah: {@code garbage-first heap total 262144K, used 23456K [...}. */
  private static final Pattern HEAP_USED = Pattern.compile("heap\\s+total \\d+K, used (\\d+)K");

  /** Serial and Parallel GC: one line per generation ({@code PSYoungGen total .., used ..K}). */
  private static final Pattern GEN_USED =
      Pattern.compile("[Gg]en(?:eration)?\\s+total \\d+K, used (\\d+)K");

  private Jvm() {}

  /** The java launcher this JVM runs on. */
  static Path java() {
    return ProcessHandle.current()
        .info()
        .command()
        .map(Path::of)
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java"));
  }

  /** jcmd next to the java launcher, or null when this Java home has none. */
  static Path jcmd() {
    for (Path home : List.of(java().getParent(), Path.of(System.getProperty("java.home"), "bin"))) {
      Path jcmd = home.resolve("jcmd");
      if (Files.isExecutable(jcmd)) {
        return jcmd;
      }
    }
    return null;
  }

  /** Heap of process {@code pid} used after a full GC, in bytes, and how it was read. */
  record Heap(long usedBytes, String method) {}

  static Heap usedAfterFullGc(long pid, Duration timeout) {
    Path jcmd = jcmd();
    if (jcmd == null) {
      return new Heap(attachAndGc(pid), "attach API, MemoryMXBean.gc()");
    }
    jcmd(jcmd, pid, "GC.run", timeout);
    String info = jcmd(jcmd, pid, "GC.heap_info", timeout);
    Matcher m = HEAP_USED.matcher(info);
    if (m.find()) {
      return new Heap(Long.parseLong(m.group(1)) * 1024, "jcmd GC.run + GC.heap_info");
    }
    long kb = 0;
    boolean found = false;
    for (Matcher g = GEN_USED.matcher(info); g.find(); found = true) {
      kb += Long.parseLong(g.group(1));
    }
    if (!found) {
      throw new IllegalStateException("no heap usage in the output of jcmd GC.heap_info:\n" + info);
    }
    return new Heap(kb * 1024, "jcmd GC.run + GC.heap_info");
  }

  private static String jcmd(Path jcmd, long pid, String command, Duration timeout) {
    try {
      Path out = Files.createTempFile("lts-bench-jcmd-", ".txt");
      try {
        Process p =
            new ProcessBuilder(jcmd.toString(), String.valueOf(pid), command)
                .redirectErrorStream(true)
                .redirectOutput(out.toFile())
                .start();
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
          p.destroyForcibly();
          throw new Waits.BenchmarkTimeoutException(
              "jcmd " + pid + " " + command + " took longer than " + timeout.toSeconds() + " s");
        }
        String text = Files.readString(out, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
          throw new IllegalStateException(
              "jcmd " + pid + " " + command + " failed (" + p.exitValue() + "): " + text);
        }
        return text;
      } finally {
        Files.deleteIfExists(out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not run " + jcmd + " " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running jcmd " + command, e);
    }
  }

  /** The fallback without jcmd: heap used after {@code MemoryMXBean.gc()}, over the attach API. */
  static long attachAndGc(long pid) {
    try {
      VirtualMachine vm = VirtualMachine.attach(String.valueOf(pid));
      try (JMXConnector connector =
          JMXConnectorFactory.connect(new JMXServiceURL(vm.startLocalManagementAgent()))) {
        MemoryMXBean memory =
            ManagementFactory.newPlatformMXBeanProxy(
                connector.getMBeanServerConnection(),
                ManagementFactory.MEMORY_MXBEAN_NAME,
                MemoryMXBean.class);
        memory.gc();
        return memory.getHeapMemoryUsage().getUsed();
      } finally {
        vm.detach();
      }
    } catch (Exception e) {
      throw new IllegalStateException(
          "neither jcmd nor the attach API could read the heap of process " + pid + ": " + e, e);
    }
  }
}
