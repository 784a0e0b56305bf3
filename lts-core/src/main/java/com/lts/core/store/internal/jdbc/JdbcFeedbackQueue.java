package com.lts.core.store.internal.jdbc;

import com.lts.core.domain.JobResult;
import com.lts.core.internal.json.Json;
import com.lts.core.store.Completion;
import com.lts.core.store.Feedback;
import com.lts.core.store.FeedbackQueue;
import com.lts.core.store.InvalidStoreArgumentException;
import com.lts.core.store.Page;
import com.lts.core.store.StoreArguments;
import com.lts.core.store.internal.UnreadableFeedback;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@link FeedbackQueue} on {@code lts_feedback}: one row per result, the JSON of the result. */
final class JdbcFeedbackQueue implements FeedbackQueue {

  private final Jdbc jdbc;
  private final Clock clock;
  private final UnreadableFeedback unreadable = new UnreadableFeedback();

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
    List<String> groups = Collections.nCopies(results.size(), jobClientNodeGroup);
    jdbc.transaction(
        "add " + results.size() + " feedback entries",
        c -> {
          insert(c, groups, results, clock.millis());
          return null;
        });
  }

  /** Inserts the feedback of completions in the caller's transaction. */
  static void insert(Connection c, List<Completion> completions, long now) throws SQLException {
    insert(
        c,
        completions.stream().map(Completion::jobClientNodeGroup).toList(),
        completions.stream().map(Completion::feedback).toList(),
        now);
  }

  private static void insert(Connection c, List<String> groups, List<JobResult> results, long now)
      throws SQLException {
    if (results.isEmpty()) {
      return;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO lts_feedback (job_client_node_group, job_result, created, job_id)"
                + " VALUES (?, ?, ?, ?)")) {
      for (int i = 0; i < results.size(); i++) {
        ps.setString(1, groups.get(i));
        ps.setString(2, Json.toJson(results.get(i)));
        ps.setLong(3, now);
        ps.setString(4, results.get(i).getJobId());
        ps.addBatch();
      }
      ps.executeBatch();
    }
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
          long lastRead = after;
          boolean more = false;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT id, job_result, created FROM lts_feedback"
                      + " WHERE job_client_node_group = ? AND id > ? ORDER BY id LIMIT ?")) {
            ps.setString(1, jobClientNodeGroup);
            ps.setLong(2, after);
            ps.setInt(3, max + 1);
            try (ResultSet rs = ps.executeQuery()) {
              int read = 0;
              while (rs.next()) {
                if (++read > max) {
                  more = true;
                  break;
                }
                long id = rs.getLong(1);
                lastRead = id;
                JobResult result = unreadable.read(Long.toString(id), rs.getString(2));
                if (result != null) {
                  rows.add(
                      new Feedback(Long.toString(id), jobClientNodeGroup, result, rs.getLong(3)));
                }
              }
            }
          }
          return new Page<>(rows, more ? Long.toString(lastRead) : null);
        });
  }

  @Override
  public int acknowledge(String jobClientNodeGroup, Collection<String> jobIds) {
    StoreArguments.group("jobClientNodeGroup", jobClientNodeGroup);
    List<String> ids = StoreArguments.jobIds("acknowledge feedback", jobIds);
    if (ids.isEmpty()) {
      return 0;
    }
    return jdbc.autoCommit(
        "acknowledge " + ids.size() + " feedback entries",
        c -> {
          int deleted = 0;
          for (int from = 0; from < ids.size(); from += StoreArguments.IDS_PER_QUERY) {
            List<String> chunk =
                ids.subList(from, Math.min(ids.size(), from + StoreArguments.IDS_PER_QUERY));
            try (PreparedStatement ps =
                c.prepareStatement(
                    "DELETE FROM lts_feedback WHERE job_client_node_group = ? AND job_id IN ("
                        + JobSql.placeholders(chunk.size())
                        + ")")) {
              ps.setString(1, jobClientNodeGroup);
              for (int i = 0; i < chunk.size(); i++) {
                ps.setString(i + 2, chunk.get(i));
              }
              deleted += ps.executeUpdate();
            }
          }
          return deleted;
        });
  }

  @Override
  public int pruneOlderThan(long createdBefore, int max) {
    StoreArguments.limit("max", max);
    return jdbc.autoCommit(
        "prune feedback",
        c -> {
          List<Long> old = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT id FROM lts_feedback WHERE created < ? ORDER BY created, id LIMIT ?")) {
            ps.setLong(1, createdBefore);
            ps.setInt(2, max);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                old.add(rs.getLong(1));
              }
            }
          }
          return deleteIds(c, old);
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
        "delete " + ids.size() + " feedback entries", c -> deleteIds(c, numbers));
  }

  private static int deleteIds(Connection c, List<Long> numbers) throws SQLException {
    int deleted = 0;
    for (int from = 0; from < numbers.size(); from += StoreArguments.IDS_PER_QUERY) {
      List<Long> chunk =
          numbers.subList(from, Math.min(numbers.size(), from + StoreArguments.IDS_PER_QUERY));
      try (PreparedStatement ps =
          c.prepareStatement(
              "DELETE FROM lts_feedback WHERE id IN (" + JobSql.placeholders(chunk.size()) + ")")) {
        for (int i = 0; i < chunk.size(); i++) {
          ps.setLong(i + 1, chunk.get(i));
        }
        deleted += ps.executeUpdate();
      }
    }
    return deleted;
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
