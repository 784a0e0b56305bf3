package com.lts.jobtracker.internal.alert;

import com.lts.core.cluster.Node;
import com.lts.core.cluster.NodeChangeListener;
import com.lts.core.config.ConfigKeys;
import com.lts.core.config.NodeConfig;
import com.lts.core.store.DueGroup;
import com.lts.core.store.JobQueue;
import com.lts.core.store.Store;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The master's alert duty: at each run it observes the cluster (statistics rows of the window, the
 * store's queues, nodes gone from the registry), finds the conditions that hold, and tells each new
 * incident once (unless the same one was told within the quiet period) and each ended incident once
 * as resolved. Only the master runs it, so a cluster sends each alert once; a new master starts
 * with no open incidents, so an incident open at a change of master is told again.
 */
public final class AlertEvaluator implements Runnable, NodeChangeListener, AutoCloseable {

  /** Most (group, trigger time) pairs read for the lateness rule. */
  private static final int LATE_PAIRS = 1_000;

  private static final Logger log = LoggerFactory.getLogger(AlertEvaluator.class);

  private final Store store;
  private final Supplier<AlertSettings> rules;
  private volatile AlertSettings settings;
  private final AlertDelivery delivery;
  private final Clock clock;
  private final String cluster;
  private final Set<String> lostNodes = ConcurrentHashMap.newKeySet();

  /** Open incidents: key to whether it was told (false: held back by the quiet period). */
  private final Map<String, Condition> open = new HashMap<>();

  private final Map<String, Boolean> told = new HashMap<>();
  private final Map<String, Long> lastTold = new HashMap<>();

  AlertEvaluator(
      Store store, AlertSettings settings, AlertDelivery delivery, Clock clock, String cluster) {
    this(store, () -> settings, delivery, clock, cluster);
  }

  /**
   * @param rules the rules as they are now, asked at each run
   */
  AlertEvaluator(
      Store store,
      Supplier<AlertSettings> rules,
      AlertDelivery delivery,
      Clock clock,
      String cluster) {
    this.store = store;
    this.rules = rules;
    this.settings = rules.get();
    this.delivery = delivery;
    this.clock = clock;
    this.cluster = cluster;
  }

  /**
   * The evaluator the configuration asks for, or null when no receiver is set. Its rules are the
   * configured ones, each replaced by the value an operator stored in LTS Admin ({@link
   * ConfigKeys#ALERT_RULE_KEYS} in the store's settings), read again at each run.
   */
  public static AlertEvaluator create(NodeConfig config, Store store, Clock clock) {
    Supplier<AlertSettings> rules = new StoredRules(config, store);
    List<Notifier> notifiers = new ArrayList<>();
    String url = config.get(ConfigKeys.ALERT_WEBHOOK_URL);
    if (url != null) {
      notifiers.add(new WebhookNotifier(url, config.get(ConfigKeys.ALERT_WEBHOOK_TEMPLATE)));
    }
    String host = config.get(ConfigKeys.ALERT_MAIL_HOST);
    String to = config.get(ConfigKeys.ALERT_MAIL_TO);
    if (host != null && to != null) {
      notifiers.add(
          new MailNotifier(
              host,
              config.get(ConfigKeys.ALERT_MAIL_PORT),
              config.get(ConfigKeys.ALERT_MAIL_STARTTLS),
              config.get(ConfigKeys.ALERT_MAIL_USERNAME),
              config.get(ConfigKeys.ALERT_MAIL_PASSWORD),
              config.get(ConfigKeys.ALERT_MAIL_FROM),
              to));
    }
    if (notifiers.isEmpty()) {
      return null;
    }
    return new AlertEvaluator(
        store,
        rules,
        new AlertDelivery(
            notifiers, config.get(ConfigKeys.ALERT_DELIVERY_RETRIES), 1_000, config.identity()),
        clock,
        config.clusterName());
  }

  @Override
  public synchronized void run() {
    settings = rules.get();
    long now = clock.millis();
    Map<String, Condition> holding = new TreeMap<>();
    for (Condition c : AlertRules.evaluate(observe(now), settings)) {
      holding.put(c.key(), c);
    }
    for (Map.Entry<String, Condition> e : holding.entrySet()) {
      if (open.putIfAbsent(e.getKey(), e.getValue()) == null) {
        Long last = lastTold.get(e.getKey());
        boolean tell = last == null || now - last >= settings.quietPeriod().toMillis();
        told.put(e.getKey(), tell);
        if (tell) {
          lastTold.put(e.getKey(), now);
          delivery.deliver(alert(e.getValue(), false, now));
        }
      }
    }
    for (String key : new ArrayList<>(open.keySet())) {
      if (!holding.containsKey(key)) {
        Condition ended = open.remove(key);
        if (Boolean.TRUE.equals(told.remove(key))) {
          delivery.deliver(alert(ended, true, now));
        }
      }
    }
  }

  private Alert alert(Condition c, boolean resolved, long now) {
    return new Alert(
        cluster,
        c.rule(),
        c.subject(),
        resolved,
        resolved ? "resolved (was: " + c.text() + ")" : c.text(),
        now);
  }

  private Observation observe(long now) {
    long from = now - settings.window().toMillis();
    Map<String, Long> late = new TreeMap<>();
    if (!settings.jobLate().isZero()) {
      for (DueGroup due :
          store.jobs().dueBetween(0, now - settings.jobLate().toMillis(), LATE_PAIRS)) {
        late.merge(due.taskTrackerNodeGroup(), (long) due.jobs(), Long::sum);
      }
    }
    return new Observation(
        settings.jobFailed() > 0
                || settings.deadLettered() > 0
                || settings.failStoreBacklog() > 0
                || settings.backgroundErrors() > 0
            ? store.nodeStats().queryAll(from, now + 1)
            : List.of(),
        settings.queueDepth() > 0 ? store.jobs().countByGroup(JobQueue.EXECUTABLE) : Map.of(),
        late,
        settings.feedbackBacklog() > 0
            ? store.feedback().countByGroup().values().stream().mapToLong(Long::longValue).sum()
            : 0,
        Set.copyOf(lostNodes));
  }

  @Override
  public void added(List<Node> nodes) {
    nodes.forEach(n -> lostNodes.remove(n.getIdentity()));
  }

  @Override
  public void removed(List<Node> nodes) {
    nodes.forEach(n -> lostNodes.add(n.getIdentity()));
  }

  /**
   * Whether it watches the registry for lost nodes: always, since the node-lost rule can be turned
   * on at run time.
   */
  public boolean watchesNodes() {
    return true;
  }

  /** The configured rules with the operator's stored values in their place. */
  private static final class StoredRules implements Supplier<AlertSettings> {
    private final NodeConfig config;
    private final Store store;
    private final Map<String, String> reported = new ConcurrentHashMap<>();
    private volatile AlertSettings last;

    StoredRules(NodeConfig config, Store store) {
      this.config = config;
      this.store = store;
      this.last = AlertSettings.of(config);
    }

    @Override
    public AlertSettings get() {
      Map<String, String> stored = new HashMap<>();
      try {
        store.settings().all().forEach((name, setting) -> stored.put(name, setting.value()));
      } catch (RuntimeException e) {
        log.warn(
            "Could not read the alert rules stored by operators, using the last ones: {}",
            e.toString());
        return last;
      }
      stored.keySet().retainAll(RULE_NAMES);
      last =
          AlertSettings.of(
              config,
              stored,
              (name, problem) -> {
                if (!problem.equals(reported.put(name, problem))) {
                  log.warn("Stored alert rule ignored, the configured value is used: {}", problem);
                }
              });
      return last;
    }
  }

  private static final Set<String> RULE_NAMES =
      ConfigKeys.ALERT_RULE_KEYS.stream().map(k -> k.name()).collect(Collectors.toSet());

  @Override
  public void close() {
    delivery.close();
  }
}
