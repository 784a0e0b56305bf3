package com.lts.admin.audit;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit trail of LTS Admin: every change asked through its API (who, what, when, from where,
 * how it ended) is written as one line to the SLF4J logger {@value #LOGGER} and kept in a bounded
 * ring in memory for {@code GET /api/audit}. The ring empties when Admin restarts; the log lines
 * stay wherever the logging configuration sends them.
 *
 * <p>Callers pass only identifying values (ids, names, the user name); this class also cuts values
 * to {@value #MAX_VALUE_LENGTH} characters and replaces control characters, so a value cannot forge
 * a log line.
 */
public final class AuditLog {

  /** The SLF4J logger every audit line goes to. */
  public static final String LOGGER = "lts.admin.audit";

  static final int MAX_VALUE_LENGTH = 200;
  private static final Logger log = LoggerFactory.getLogger(LOGGER);

  private final int capacity;
  private final Deque<AuditEntry> entries = new ArrayDeque<>();

  /**
   * @param capacity how many entries the ring keeps (the oldest go first); 0 keeps none, only logs
   */
  public AuditLog(int capacity) {
    if (capacity < 0) {
      throw new IllegalArgumentException("capacity must be 0 or more, not " + capacity);
    }
    this.capacity = capacity;
  }

  /** Logs the entry and keeps it; values are cleaned first. */
  public AuditEntry record(AuditEntry entry) {
    Map<String, String> target = new TreeMap<>();
    entry.target().forEach((k, v) -> target.put(clean(k), clean(v)));
    AuditEntry cleaned =
        new AuditEntry(
            entry.time(),
            clean(entry.user()),
            clean(entry.address()),
            clean(entry.action()),
            target,
            entry.status(),
            entry.outcome(),
            clean(entry.message()));
    log.info(
        "user={} address={} action={} target={} status={} outcome={}{}",
        quote(cleaned.user()),
        quote(cleaned.address()),
        quote(cleaned.action()),
        quote(targetText(cleaned.target())),
        cleaned.status(),
        cleaned.outcome(),
        cleaned.message().isEmpty() ? "" : " message=" + quote(cleaned.message()));
    if (capacity > 0) {
      synchronized (entries) {
        entries.addFirst(cleaned);
        while (entries.size() > capacity) {
          entries.removeLast();
        }
      }
    }
    return cleaned;
  }

  /** At most {@code limit} entries that {@code filter} accepts, newest first. */
  public List<AuditEntry> recent(Predicate<AuditEntry> filter, int limit) {
    List<AuditEntry> found = new ArrayList<>();
    synchronized (entries) {
      Iterator<AuditEntry> it = entries.iterator();
      while (it.hasNext() && found.size() < limit) {
        AuditEntry entry = it.next();
        if (filter.test(entry)) {
          found.add(entry);
        }
      }
    }
    return found;
  }

  public int capacity() {
    return capacity;
  }

  static String clean(String value) {
    if (value == null) {
      return "";
    }
    String cut = value.length() > MAX_VALUE_LENGTH ? value.substring(0, MAX_VALUE_LENGTH) : value;
    StringBuilder s = new StringBuilder(cut.length());
    cut.codePoints().forEach(c -> s.appendCodePoint(Character.isISOControl(c) ? '?' : c));
    return s.toString();
  }

  private static String targetText(Map<String, String> target) {
    StringBuilder s = new StringBuilder();
    target.forEach((k, v) -> s.append(s.isEmpty() ? "" : " ").append(k).append('=').append(v));
    return s.toString();
  }

  private static String quote(String value) {
    return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }
}
