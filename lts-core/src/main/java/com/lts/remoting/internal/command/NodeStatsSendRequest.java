package com.lts.remoting.internal.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A JobClient's or TaskTracker's statistics, one row per interval. Who sent them (identity, type,
 * group) is the connection's authenticated peer, never the body.
 */
public class NodeStatsSendRequest {

  private List<Row> rows;

  public NodeStatsSendRequest() {}

  public NodeStatsSendRequest(List<Row> rows) {
    this.rows = rows;
  }

  /** The rows, oldest first. Never null. */
  public List<Row> getRows() {
    return rows == null ? List.of() : rows;
  }

  public void setRows(List<Row> rows) {
    this.rows = rows == null ? null : new ArrayList<>(rows);
  }

  /** One interval: its start (epoch ms) and the figures. */
  public static class Row {

    private long minute;
    private Map<String, Double> values;

    public Row() {}

    public Row(long minute, Map<String, Double> values) {
      this.minute = minute;
      this.values = values;
    }

    public long getMinute() {
      return minute;
    }

    public void setMinute(long minute) {
      this.minute = minute;
    }

    public Map<String, Double> getValues() {
      return values == null ? Map.of() : values;
    }

    public void setValues(Map<String, Double> values) {
      this.values = values;
    }
  }
}
