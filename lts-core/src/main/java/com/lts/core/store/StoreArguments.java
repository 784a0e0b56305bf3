package com.lts.core.store;

import com.lts.core.cluster.Names;
import com.lts.core.domain.Job;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Checks of the arguments every store implementation shares, with one message style. */
public final class StoreArguments {

  /** Most jobs one submit call stores. */
  public static final int MAX_SUBMIT_BATCH = 10_000;

  /** Most rows one claim, expiry or page returns. */
  public static final int MAX_BATCH = 10_000;

  /** Most ids one {@code IN (...)} list or {@code $in} filter holds; longer lists are split. */
  public static final int IDS_PER_QUERY = 500;

  private StoreArguments() {}

  public static String group(String what, String value) {
    String problem = Names.problem(what, value);
    if (problem != null) {
      throw new InvalidStoreArgumentException(problem);
    }
    return value;
  }

  /** A group filter: null means all groups. */
  public static String optionalGroup(String what, String value) {
    return value == null ? null : group(what, value);
  }

  public static String taskId(String value) {
    if (value == null || value.isBlank() || value.length() > Job.MAX_TASK_ID_LENGTH) {
      throw new InvalidStoreArgumentException(
          "taskId: must be 1 to " + Job.MAX_TASK_ID_LENGTH + " characters, got '" + value + "'");
    }
    return value;
  }

  public static String jobId(String value) {
    if (value == null || value.isEmpty() || value.length() > 32) {
      throw new InvalidStoreArgumentException(
          "jobId: must be 1 to 32 characters, got '" + value + "'");
    }
    return value;
  }

  /** A setting's name: a configuration key's form (lower case, digits, '.', '-', '_'). */
  public static String settingName(String value) {
    if (value == null || !value.matches("[a-z0-9][a-z0-9._-]{0,127}")) {
      throw new InvalidStoreArgumentException(
          "setting name: 1 to 128 of a-z, 0-9, '.', '-', '_', got '" + value + "'");
    }
    return value;
  }

  public static int limit(String what, int value) {
    if (value < 1 || value > MAX_BATCH) {
      throw new InvalidStoreArgumentException(
          what + ": must be 1 to " + MAX_BATCH + ", got " + value);
    }
    return value;
  }

  /** A time window {@code [from, to)}; an empty one ({@code from == to}) is allowed. */
  public static void timeRange(long fromInclusive, long toExclusive) {
    if (fromInclusive > toExclusive) {
      throw new InvalidStoreArgumentException(
          "time range: fromInclusive ("
              + fromInclusive
              + ") must not be after toExclusive ("
              + toExclusive
              + ")");
    }
  }

  /** Checks every id and drops repeats, keeping the first-seen order. */
  public static List<String> jobIds(String what, Collection<String> ids) {
    if (ids == null) {
      throw new InvalidStoreArgumentException(what + ": must not be null");
    }
    Set<String> distinct = new LinkedHashSet<>();
    for (String id : ids) {
      distinct.add(jobId(id));
    }
    return List.copyOf(distinct);
  }

  /** Checks the arguments of a claim: group, TaskTracker identity, how many, lease. */
  public static void claim(
      String taskTrackerNodeGroup, String taskTrackerIdentity, int max, Duration lease) {
    group("taskTrackerNodeGroup", taskTrackerNodeGroup);
    group("taskTrackerIdentity", taskTrackerIdentity);
    limit("max", max);
    lease(lease);
  }

  public static Duration lease(Duration lease) {
    if (lease == null || lease.isNegative() || lease.isZero()) {
      throw new InvalidStoreArgumentException("lease: must be a positive duration, got " + lease);
    }
    return lease;
  }

  /** Validates every job (each names its invalid fields) and the batch size. */
  public static void jobs(List<Job> jobs) {
    if (jobs.size() > MAX_SUBMIT_BATCH) {
      throw new InvalidStoreArgumentException(
          "submit: at most " + MAX_SUBMIT_BATCH + " jobs per call, got " + jobs.size());
    }
    for (Job job : jobs) {
      job.validate();
    }
  }

  public static <T> Collection<T> batch(String what, Collection<T> items) {
    if (items.size() > MAX_BATCH) {
      throw new InvalidStoreArgumentException(
          what + ": at most " + MAX_BATCH + " per call, got " + items.size());
    }
    return items;
  }

  /** Refuses an edit that would change a job's key or turn a one-time job into a schedule. */
  public static void checkEdit(StoredJob row, Job job) {
    if (!row.taskId().equals(job.getTaskId())
        || !row.taskTrackerNodeGroup().equals(job.getTaskTrackerNodeGroup())) {
      throw new InvalidStoreArgumentException(
          "edit: taskId and taskTrackerNodeGroup cannot change (job "
              + row.jobId()
              + " is "
              + row.taskTrackerNodeGroup()
              + "/"
              + row.taskId()
              + "); cancel it and submit a new job instead");
    }
    boolean schedule = job.isCron() || job.isRepeatable();
    if (schedule != (row.kind() == JobKind.SCHEDULE)) {
      throw new InvalidStoreArgumentException(
          "edit: a one-time job cannot become a cron/repeat schedule or back (job "
              + row.jobId()
              + " is a "
              + row.kind()
              + "); cancel it and submit a new job instead");
    }
  }
}
