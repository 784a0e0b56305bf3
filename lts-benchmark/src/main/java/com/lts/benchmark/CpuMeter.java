package com.lts.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * CPU time spent by this JVM (where the measured scheduler runs, all of it) and by the database
 * server's processes, read from {@code /proc}: what a job costs, whichever side does the work. An
 * embedded H2 runs in this JVM, so it has no server processes.
 */
final class CpuMeter {

  /** Figure name: CPU milliseconds per job, JVM and database server together. */
  static final String CPU_PER_JOB = "CPU ms per job (JVM + database)";

  /** Figure name: the database server's share of {@link #CPU_PER_JOB}. */
  static final String DATABASE_CPU_PER_JOB = "database CPU ms per job";

  private static final long TICKS_PER_SECOND = ticksPerSecond();

  private final List<String> serverCommands;

  private CpuMeter(List<String> serverCommands) {
    this.serverCommands = serverCommands;
  }

  /** The meter for one of {@link BenchmarkOptions#STORES}. */
  static CpuMeter forStore(String store) {
    return new CpuMeter(
        switch (store) {
          case "mysql" -> List.of("mariadbd", "mysqld");
          case "postgresql" -> List.of("postgres");
          default -> List.of();
        });
  }

  Reading read() {
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    return new Reading(os.getProcessCpuTime(), serverNanos());
  }

  /** CPU time of every process whose command is one of the server's. */
  private long serverNanos() {
    if (serverCommands.isEmpty()) {
      return 0;
    }
    long ticks = 0;
    try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
      for (Path process : processes) {
        ticks += ticksOf(process.resolve("stat"));
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot read /proc to measure the database's CPU time", e);
    }
    return TimeUnit.SECONDS.toNanos(ticks) / TICKS_PER_SECOND;
  }

  /**
   * utime + stime of one process if its command is the server's, else 0, plus cutime + cstime: the
   * time of its children that ended and were reaped (PostgreSQL's postmaster reaps the backend of
   * every closed connection, whose own entry is gone by then).
   */
  private long ticksOf(Path stat) {
    String line;
    try {
      line = Files.readString(stat);
    } catch (IOException e) {
      return 0; // the process ended meanwhile
    }
    // pid (comm) state ...: comm may hold spaces, so fields are counted after its ')'.
    int open = line.indexOf('(');
    int close = line.lastIndexOf(')');
    if (open < 0 || close < open || !serverCommands.contains(line.substring(open + 1, close))) {
      return 0;
    }
    String[] fields = line.substring(close + 2).split(" ");
    // After comm: state is field 3 of the line; utime, stime, cutime, cstime are fields 14 to 17.
    return Long.parseLong(fields[11])
        + Long.parseLong(fields[12])
        + Long.parseLong(fields[13])
        + Long.parseLong(fields[14]);
  }

  private static long ticksPerSecond() {
    try {
      Process getconf = new ProcessBuilder("getconf", "CLK_TCK").start();
      String out = new String(getconf.getInputStream().readAllBytes()).trim();
      if (getconf.waitFor(5, TimeUnit.SECONDS) && getconf.exitValue() == 0) {
        return Long.parseLong(out);
      }
    } catch (IOException | NumberFormatException e) {
      // Linux's USER_HZ below
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 100;
  }

  /** CPU nanoseconds used so far by this JVM and by the database server. */
  record Reading(long jvmNanos, long databaseNanos) {

    /** Adds the two figures of the work between this reading and {@code later} to {@code into}. */
    void perJob(Reading later, int jobs, java.util.Map<String, Double> into) {
      double database = (later.databaseNanos - databaseNanos) / 1e6 / jobs;
      double jvm = (later.jvmNanos - jvmNanos) / 1e6 / jobs;
      into.put(CPU_PER_JOB, jvm + database);
      into.put(DATABASE_CPU_PER_JOB, database);
    }
  }
}
