package com.lts.jobtracker.internal.alert;

import com.lts.core.cluster.NodeType;
import com.lts.core.config.ConfigKey;
import com.lts.core.monitor.ClusterStats;
import com.lts.core.monitor.MetricNames;
import com.lts.core.monitor.StatsFigure;
import com.lts.core.store.NodeStats;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/** The alert rules: which conditions hold for an {@link Observation}. Pure; no I/O. */
final class AlertRules {

  private AlertRules() {}

  static List<Condition> evaluate(Observation seen, AlertSettings settings) {
    List<Condition> found = new ArrayList<>();
    String window = ConfigKey.format(settings.window());
    if (settings.jobFailed() > 0) {
      Map<String, Double> failed =
          sumPerTag(
              seen.rows(),
              f ->
                  f.name().equals(MetricNames.JOBS_COMPLETED)
                      && !f.tag(MetricNames.TAG_ACTION).equals("EXECUTE_SUCCESS"),
              MetricNames.TAG_GROUP);
      atLeast(failed, settings.jobFailed())
          .forEach(
              (group, n) ->
                  found.add(
                      new Condition(
                          "job.failed",
                          "group=" + group,
                          n + " jobs ended without success in the last " + window)));
    }
    if (settings.deadLettered() > 0) {
      Map<String, Double> dead =
          sumPerTag(
              seen.rows(),
              f -> f.name().equals(MetricNames.JOBS_DEAD_LETTERED),
              MetricNames.TAG_GROUP);
      atLeast(dead, settings.deadLettered())
          .forEach(
              (group, n) ->
                  found.add(
                      new Condition(
                          "job.dead.lettered",
                          "group=" + group,
                          n + " jobs used up their retries in the last " + window)));
    }
    if (!settings.jobLate().isZero()) {
      seen.lateJobs()
          .forEach(
              (group, n) -> {
                if (n > 0) {
                  found.add(
                      new Condition(
                          "job.late",
                          "group=" + group,
                          n
                              + " jobs still wait more than "
                              + ConfigKey.format(settings.jobLate())
                              + " after their trigger time"));
                }
              });
    }
    if (settings.queueDepth() > 0) {
      seen.queueDepth()
          .forEach(
              (group, n) -> {
                if (n >= settings.queueDepth()) {
                  found.add(
                      new Condition(
                          "queue.depth",
                          "group=" + group,
                          n + " jobs wait to run (threshold " + settings.queueDepth() + ")"));
                }
              });
    }
    if (settings.feedbackBacklog() > 0 && seen.feedbackWaiting() >= settings.feedbackBacklog()) {
      found.add(
          new Condition(
              "feedback.backlog",
              "cluster",
              seen.feedbackWaiting() + " job results wait for a JobClient to take them"));
    }
    if (settings.failStoreBacklog() > 0) {
      ClusterStats.latestPerNode(seen.rows(), MetricNames.FAILSTORE_BACKLOG)
          .forEach(
              (node, n) -> {
                if (n >= settings.failStoreBacklog()) {
                  found.add(
                      new Condition(
                          "failstore.backlog",
                          "node=" + node,
                          Math.round(n) + " entries wait in its FailStore to be sent again"));
                }
              });
    }
    if (settings.backgroundErrors() > 0) {
      Map<String, Double> errors = new TreeMap<>();
      for (NodeStats row : seen.rows()) {
        row.values()
            .forEach(
                (key, value) -> {
                  if (StatsFigure.parse(key).name().equals(MetricNames.BACKGROUND_FAILURES)) {
                    errors.merge(row.identity(), value, Double::sum);
                  }
                });
      }
      atLeast(errors, settings.backgroundErrors())
          .forEach(
              (node, n) ->
                  found.add(
                      new Condition(
                          "background.errors",
                          "node=" + node,
                          n + " background failures in the last " + window)));
    }
    if (settings.nodeLost()) {
      seen.lostNodes()
          .forEach(
              node ->
                  found.add(
                      new Condition("node.lost", "node=" + node, "the node left the registry")));
    }
    return found;
  }

  /** Sums, per value of {@code tag}, the JobTracker figures that {@code which} picks. */
  private static Map<String, Double> sumPerTag(
      List<NodeStats> rows, Predicate<StatsFigure> which, String tag) {
    Map<String, Double> sums = new TreeMap<>();
    for (NodeStats row : rows) {
      if (row.nodeType() != NodeType.JOB_TRACKER) {
        continue;
      }
      row.values()
          .forEach(
              (key, value) -> {
                StatsFigure figure = StatsFigure.parse(key);
                if (which.test(figure)) {
                  sums.merge(figure.tag(tag), value, Double::sum);
                }
              });
    }
    return sums;
  }

  private static Map<String, Long> atLeast(Map<String, Double> sums, long threshold) {
    Map<String, Long> over = new TreeMap<>();
    sums.forEach(
        (k, v) -> {
          if (v >= threshold) {
            over.put(k, Math.round(v));
          }
        });
    return over;
  }
}
