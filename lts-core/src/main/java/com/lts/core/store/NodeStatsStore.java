package com.lts.core.store;

import java.util.List;

/** Per-minute statistics of each node, for LTS Admin's charts. */
public interface NodeStatsStore {

  void append(List<NodeStats> stats);

  /** One node's minutes in {@code [fromMinute, toMinute)}, oldest first. */
  List<NodeStats> query(String identity, long fromMinute, long toMinute);

  /**
   * Every node's minutes in {@code [fromMinute, toMinute)}, oldest first: the cluster view (alert
   * rules, Admin's totals). Keep the range short; it is not paged.
   */
  List<NodeStats> queryAll(long fromMinute, long toMinute);

  /** Deletes minutes before {@code time}; returns how many. */
  long pruneOlderThan(long time);

  /**
   * Deletes at most {@code maxRows} of the oldest minutes before {@code time}, so that no one
   * statement holds the database for long; returns how many.
   */
  long pruneOlderThan(long time, int maxRows);
}
