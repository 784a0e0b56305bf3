package com.lts.core.monitor;

import com.lts.core.cluster.NodeType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * One node's meters ({@link MetricNames}). Parts of the node record here; the node's own registry
 * feeds its per-minute statistics, and the registry the user gave ({@code setMeterRegistry}) gets
 * the same meters, with the node's identity, type and group as tags.
 */
public final class NodeMetrics {

  private final SimpleMeterRegistry own = new SimpleMeterRegistry();
  private final CompositeMeterRegistry registry = new CompositeMeterRegistry();
  private final Map<Tags, AtomicLong> levels = new ConcurrentHashMap<>();

  /**
   * @param userRegistry where the meters are also published, or null
   */
  public NodeMetrics(String identity, NodeType type, String group, MeterRegistry userRegistry) {
    registry
        .config()
        .commonTags(
            MetricNames.TAG_NODE,
            identity,
            MetricNames.TAG_NODE_TYPE,
            type.name(),
            MetricNames.TAG_NODE_GROUP,
            group == null ? "" : group);
    registry.add(own);
    if (userRegistry != null) {
      registry.add(userRegistry);
    }
  }

  /** Meters of a part used outside a node (tools, tests): they are kept, and read by no one. */
  public static NodeMetrics detached() {
    return new NodeMetrics("detached", NodeType.JOB_TRACKER, "", null);
  }

  /** Adds {@code amount} to a counter; {@code tags} are key, value pairs. */
  public void count(String name, long amount, String... tags) {
    if (amount != 0) {
      Counter.builder(name).tags(tags).register(registry).increment(amount);
    }
  }

  /** Records one duration; the timer publishes the 50th, 95th and 99th percentiles. */
  public void time(String name, long nanos, String... tags) {
    Timer.builder(name)
        .tags(tags)
        .publishPercentiles(0.5, 0.95, 0.99)
        .distributionStatisticExpiry(Duration.ofMinutes(1))
        .distributionStatisticBufferLength(2)
        .register(registry)
        .record(nanos, TimeUnit.NANOSECONDS);
  }

  /** A gauge that reads {@code value} whenever it is published. */
  public void gauge(String name, Supplier<Number> value, String... tags) {
    Gauge.builder(name, value).tags(tags).register(registry);
  }

  /** Sets a gauge that holds the last value given (registered on first use). */
  public void level(String name, long value, String... tags) {
    Tags key = Tags.of(tags).and("__name", name);
    levels
        .computeIfAbsent(
            key,
            k -> {
              AtomicLong holder = new AtomicLong();
              Gauge.builder(name, holder, AtomicLong::get).tags(tags).register(registry);
              return holder;
            })
        .set(value);
  }

  /** All meters: the node's own and the user's registry behind one. */
  public MeterRegistry registry() {
    return registry;
  }

  /** The node's own registry, read for the per-minute statistics. */
  public MeterRegistry ownRegistry() {
    return own;
  }
}
