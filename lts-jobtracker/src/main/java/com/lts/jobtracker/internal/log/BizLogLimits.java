package com.lts.jobtracker.internal.log;

import com.lts.core.domain.BizLog;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a runner's business log may cost the job log: lines longer than the limit are cut (saying by
 * how much), and past the limit of lines per job and second the rest of that second is dropped,
 * leaving one line that says how many. State: one counter per job that logged in the current
 * second, older ones pruned.
 */
public final class BizLogLimits {

  private static final int PRUNE_ABOVE = 10_000;

  private final int maxLineLength;
  private final int maxLinesPerSecond;
  private final Clock clock;
  private final ConcurrentHashMap<String, long[]> windows = new ConcurrentHashMap<>();

  public BizLogLimits(int maxLineLength, int maxLinesPerSecond, Clock clock) {
    this.maxLineLength = maxLineLength;
    this.maxLinesPerSecond = maxLinesPerSecond;
    this.clock = clock;
  }

  /** Limits that let everything through, for tests of other things. */
  public static BizLogLimits none(Clock clock) {
    return new BizLogLimits(Integer.MAX_VALUE, Integer.MAX_VALUE, clock);
  }

  /** The lines to store: {@code lines} cut, thinned, and with a note per job that lost some. */
  public List<BizLog> apply(List<BizLog> lines) {
    long second = clock.millis() / 1000;
    if (windows.size() > PRUNE_ABOVE) {
      windows.values().removeIf(w -> w[0] < second);
    }
    List<BizLog> kept = new ArrayList<>(lines.size());
    Map<String, BizLog> droppedFrom = new LinkedHashMap<>();
    Map<String, Integer> dropped = new LinkedHashMap<>();
    for (BizLog line : lines) {
      String job = String.valueOf(line.getJobId());
      long[] w =
          windows.compute(
              job,
              (j, old) -> {
                if (old == null || old[0] != second) {
                  return new long[] {second, 1};
                }
                old[1]++;
                return old;
              });
      if (w[1] > maxLinesPerSecond) {
        droppedFrom.putIfAbsent(job, line);
        dropped.merge(job, 1, Integer::sum);
        continue;
      }
      kept.add(cut(line));
    }
    droppedFrom.forEach(
        (job, sample) -> {
          BizLog note = copyOf(sample);
          note.setLevel(BizLog.Level.ERROR);
          note.setMsg(
              dropped.get(job)
                  + " business log lines of this job dropped: more than "
                  + maxLinesPerSecond
                  + " in one second (jobtracker.bizlog.lines.per.second.max)");
          kept.add(note);
        });
    return kept;
  }

  private BizLog cut(BizLog line) {
    String msg = line.getMsg();
    if (msg != null && msg.length() > maxLineLength) {
      line.setMsg(
          msg.substring(0, maxLineLength)
              + " ... ["
              + (msg.length() - maxLineLength)
              + " more characters cut: jobtracker.bizlog.line.max.length="
              + maxLineLength
              + "]");
    }
    return line;
  }

  private static BizLog copyOf(BizLog line) {
    BizLog copy = new BizLog();
    copy.setJobId(line.getJobId());
    copy.setAttempt(line.getAttempt());
    copy.setTaskId(line.getTaskId());
    copy.setTaskTrackerNodeGroup(line.getTaskTrackerNodeGroup());
    copy.setTaskTrackerIdentity(line.getTaskTrackerIdentity());
    copy.setLogTime(line.getLogTime());
    return copy;
  }
}
