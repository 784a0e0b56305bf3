package com.lts.core.store.internal.jdbc;

import com.lts.core.domain.JobResult;
import com.lts.core.internal.json.Json;
import com.lts.core.store.Feedback;
import com.lts.core.store.FeedbackQueue;
import com.lts.core.store.InvalidStoreArgumentException;
import com.lts.core.store.Page;
import com.lts.core.store.StoreArguments;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@link FeedbackQueue} on {@code lts_feedback}: one row per result, the JSON of the result. */
final class JdbcFeedbackQueue implements FeedbackQueue {

  private final Jdbc jdbc;
  private final Clock clock;

  JdbcFeedbackQueue(Jdbc jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public void add(String jobClientNodeGroup, List<JobResult> results) {
    StoreArguments.group("jobClientNodeGroup", jobClientNodeGroup);
    StoreArguments.batch("add feedback", results);
    if (results.isEmpty()) {
      return;
    }
    jdbc.transaction(
        "add " + results.size() + " feedback entries",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO lts_feedback (job_client_node_group, job_result, created)"
                      + " VALUES (?, ?, ?)")) {
            long now = clock.millis();
            for (JobResult result : results) {
              ps.setString(1, jobClientNodeGroup);
              ps.setString(2, Json.toJson(result));
              ps.setLong(3, now);
              ps.addBatch();
            }
            ps.executeBatch();
          }
          return null;
        });
  }

  @Override
  public Page<Feedback> fetch(String jobClientNodeGroup, String cursor, int max) {
    StoreArguments.group("jobClientNodeGroup", jobClientNodeGroup);
    StoreArguments.limit("max", max);
    long after = cursor == null ? 0 : id(cursor);
    return jdbc.autoCommit(
        "fetch feedback of " + jobClientNodeGroup,
        c -> {
          List<Feedback> rows = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT id, job_result, created FROM lts_feedback"
                      + " WHERE job_client_node_group = ? AND id > ? ORDER BY id LIMIT ?")) {
            ps.setString(1, jobClientNodeGroup);
            ps.setLong(2, after);
            ps.setInt(3, max + 1);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                rows.add(
                    new Feedback(
                        Long.toString(rs.getLong(1)),
                        jobClientNodeGroup,
                        Json.fromJson(rs.getString(2), JobResult.class),
                        rs.getLong(3)));
              }
            }
          }
          if (rows.size() <= max) {
            return new Page<>(rows, null);
          }
          List<Feedback> page = rows.subList(0, max);
          return new Page<>(page, page.get(max - 1).id());
        });
  }

  @Override
  public int delete(Collection<String> ids) {
    StoreArguments.batch("delete feedback", ids);
    if (ids.isEmpty()) {
      return 0;
    }
    List<Long> numbers = ids.stream().map(JdbcFeedbackQueue::id).toList();
    return jdbc.autoCommit(
        "delete " + ids.size() + " feedback entries",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "DELETE FROM lts_feedback WHERE id IN ("
                      + JobSql.placeholders(numbers.size())
                      + ")")) {
            for (int i = 0; i < numbers.size(); i++) {
              ps.setLong(i + 1, numbers.get(i));
            }
            return ps.executeUpdate();
          }
        });
  }

  @Override
  public Map<String, Long> countByGroup() {
    return jdbc.autoCommit(
        "count feedback",
        c -> {
          Map<String, Long> counts = new LinkedHashMap<>();
          try (PreparedStatement ps =
                  c.prepareStatement(
                      "SELECT job_client_node_group, COUNT(*) FROM lts_feedback"
                          + " GROUP BY job_client_node_group ORDER BY job_client_node_group");
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              counts.put(rs.getString(1), rs.getLong(2));
            }
          }
          return counts;
        });
  }

  private static long id(String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new InvalidStoreArgumentException("feedback id: not a number: '" + value + "'");
    }
  }
}
