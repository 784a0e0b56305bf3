package com.lts.core.monitor.internal;

import com.lts.core.cluster.NodeType;
import com.lts.core.monitor.MetricNames;
import com.lts.core.monitor.NodeMetrics;
import com.lts.core.monitor.StatsFigure;
import com.lts.core.store.NodeStats;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Turns a node's meters into one {@link NodeStats} row per interval: counters as what was added
 * since the last row, gauges as they are now, timers as count, mean, max and percentiles; and the
 * JVM's figures (heap, GC, threads, CPU, load) read from its MXBeans. Figures are named as {@link
 * StatsFigure} writes them. Not thread-safe: one reporter thread calls it.
 */
public final class StatsCollector {

  private static final Set<String> NODE_TAGS =
      Set.of(MetricNames.TAG_NODE, MetricNames.TAG_NODE_TYPE, MetricNames.TAG_NODE_GROUP);

  private final NodeMetrics metrics;
  private final String identity;
  private final NodeType type;
  private final String group;
  private final Map<String, Double> lastTotals = new HashMap<>();

  public StatsCollector(NodeMetrics metrics, String identity, NodeType type, String group) {
    this.metrics = metrics;
    this.identity = identity;
    this.type = type;
    this.group = group;
  }

  /** The figures since the last call, stamped {@code intervalStart}. */
  public NodeStats take(long intervalStart) {
    Map<String, Double> values = new TreeMap<>();
    for (Meter meter : metrics.ownRegistry().getMeters()) {
      String name = meter.getId().getName();
      Map<String, String> tags = tags(meter.getId().getTags());
      String key = new StatsFigure(name, tags).key();
      if (meter instanceof Counter counter) {
        putMoved(values, key, delta(key, counter.count()));
      } else if (meter instanceof FunctionCounter counter) {
        putMoved(values, key, delta(key, counter.count()));
      } else if (meter instanceof Gauge gauge) {
        double value = gauge.value();
        if (!Double.isNaN(value)) {
          values.put(key, value);
        }
      } else if (meter instanceof Timer timer) {
        timer(values, timer, name, tags);
      }
    }
    jvm(values);
    return new NodeStats(identity, type, group, intervalStart, values);
  }

  private void timer(
      Map<String, Double> values, Timer timer, String name, Map<String, String> tags) {
    HistogramSnapshot snapshot = timer.takeSnapshot();
    String countKey = new StatsFigure(name + ".count", tags).key();
    double count = delta(countKey, snapshot.count());
    double totalMs =
        delta(new StatsFigure(name + ".total", tags).key(), snapshot.total(TimeUnit.MILLISECONDS));
    if (count > 0) {
      values.put(countKey, count);
      values.put(new StatsFigure(name + ".mean.ms", tags).key(), totalMs / count);
      values.put(
          new StatsFigure(name + ".max.ms", tags).key(), snapshot.max(TimeUnit.MILLISECONDS));
      for (ValueAtPercentile p : snapshot.percentileValues()) {
        values.put(
            new StatsFigure(name + ".p" + Math.round(p.percentile() * 100) + ".ms", tags).key(),
            p.value(TimeUnit.MILLISECONDS));
      }
    }
  }

  /**
   * A counter that did not move is left out: a JobTracker with hundreds of groups would otherwise
   * write every group's zeros every minute (and outgrow a MySQL TEXT column).
   */
  private static void putMoved(Map<String, Double> values, String key, double delta) {
    if (delta != 0) {
      values.put(key, delta);
    }
  }

  private double delta(String key, double total) {
    Double last = lastTotals.put(key, total);
    return last == null ? total : total - last;
  }

  /** Only the meter's own tags: the node's are the row's identity, type and group. */
  private static Map<String, String> tags(List<Tag> tags) {
    Map<String, String> own = new TreeMap<>();
    for (Tag tag : tags) {
      if (!NODE_TAGS.contains(tag.getKey())) {
        own.put(tag.getKey(), tag.getValue());
      }
    }
    return own;
  }

  private void jvm(Map<String, Double> values) {
    MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    values.put("jvm.heap.used", (double) heap.getUsed());
    values.put("jvm.heap.committed", (double) heap.getCommitted());
    values.put("jvm.heap.max", (double) heap.getMax());
    values.put(
        "jvm.nonheap.used",
        (double) ManagementFactory.getMemoryMXBean().getNonHeapMemoryUsage().getUsed());
    long gcCount = 0;
    long gcTime = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      gcCount += Math.max(0, gc.getCollectionCount());
      gcTime += Math.max(0, gc.getCollectionTime());
    }
    values.put("jvm.gc.count", delta("jvm.gc.count", gcCount));
    values.put("jvm.gc.time.ms", delta("jvm.gc.time.ms", gcTime));
    values.put("jvm.threads", (double) ManagementFactory.getThreadMXBean().getThreadCount());
    values.put(
        "jvm.threads.daemon", (double) ManagementFactory.getThreadMXBean().getDaemonThreadCount());
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      double cpu = os.getProcessCpuLoad();
      if (cpu >= 0) {
        values.put("process.cpu", cpu);
      }
    }
    double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    if (load >= 0) {
      values.put("system.load", load);
    }
  }
}
