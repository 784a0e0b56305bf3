package com.lts.core.store;

import java.util.List;

/** Per-minute statistics of each node, for LTS Admin's charts. */
public interface NodeStatsStore {

  void append(List<NodeStats> stats);

  /** One node's minutes in {@code [fromMinute, toMinute)}, oldest first. */
  List<NodeStats> query(String identity, long fromMinute, long toMinute);

  /** Deletes minutes before {@code time}; returns how many. */
  long pruneOlderThan(long time);
}
