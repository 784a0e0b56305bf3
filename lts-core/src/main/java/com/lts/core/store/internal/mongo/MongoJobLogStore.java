package com.lts.core.store.internal.mongo;

import com.lts.core.domain.BizLog;
import com.lts.core.store.InvalidStoreArgumentException;
import com.lts.core.store.JobLogEntry;
import com.lts.core.store.JobLogQuery;
import com.lts.core.store.JobLogStore;
import com.lts.core.store.JobLogType;
import com.lts.core.store.Page;
import com.lts.core.store.StoreArguments;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;

/** {@link JobLogStore} on {@code lts_job_log}; rows are paged by their ObjectId. */
final class MongoJobLogStore implements JobLogStore {

  private final MongoCollection<Document> log;
  private final MongoCalls calls;

  MongoJobLogStore(MongoCollection<Document> log, MongoCalls calls) {
    this.log = log;
    this.calls = calls;
  }

  @Override
  public void append(List<JobLogEntry> entries) {
    StoreArguments.batch("append job log", entries);
    if (entries.isEmpty()) {
      return;
    }
    List<Document> docs = new ArrayList<>(entries.size());
    for (JobLogEntry e : entries) {
      docs.add(
          new Document("_id", new ObjectId())
              .append("logTime", e.logTime())
              .append("jobId", e.jobId())
              .append("taskTrackerNodeGroup", e.taskTrackerNodeGroup())
              .append("taskId", e.taskId())
              .append("attempt", e.attempt())
              .append("logType", e.type().name())
              .append("level", e.level().name())
              .append("taskTrackerIdentity", e.taskTrackerIdentity())
              .append("msg", truncate(e.msg())));
    }
    calls.run("append " + docs.size() + " job log rows", () -> log.insertMany(docs));
  }

  private static String truncate(String msg) {
    if (msg == null || msg.length() <= JobLogEntry.MAX_MSG_LENGTH) {
      return msg;
    }
    return msg.substring(0, JobLogEntry.MAX_MSG_LENGTH - 3) + "...";
  }

  @Override
  public Page<JobLogEntry> query(JobLogQuery q) {
    int limit = StoreArguments.limit("limit", q.limit());
    List<Bson> filters = new ArrayList<>();
    if (q.jobId() != null) {
      filters.add(Filters.eq("jobId", StoreArguments.jobId(q.jobId())));
    }
    if (q.taskTrackerNodeGroup() != null) {
      filters.add(
          Filters.eq(
              "taskTrackerNodeGroup",
              StoreArguments.group("taskTrackerNodeGroup", q.taskTrackerNodeGroup())));
    }
    if (q.taskId() != null) {
      filters.add(Filters.eq("taskId", StoreArguments.taskId(q.taskId())));
    }
    if (q.fromTime() != null) {
      filters.add(Filters.gte("logTime", q.fromTime()));
    }
    if (q.toTime() != null) {
      filters.add(Filters.lt("logTime", q.toTime()));
    }
    if (filters.isEmpty()) {
      throw new InvalidStoreArgumentException(
          "job log query: name a jobId, a taskId with its group, or a time range");
    }
    if (q.level() != null) {
      filters.add(Filters.eq("level", q.level().name()));
    }
    if (q.cursor() != null) {
      if (!ObjectId.isValid(q.cursor())) {
        throw new InvalidStoreArgumentException(
            "job log cursor: not an ObjectId: '" + q.cursor() + "'");
      }
      filters.add(Filters.gt("_id", new ObjectId(q.cursor())));
    }
    return calls.run(
        "query the job log",
        () -> {
          List<JobLogEntry> rows = new ArrayList<>();
          for (Document d :
              log.find(Filters.and(filters)).sort(Sorts.ascending("_id")).limit(limit + 1)) {
            rows.add(
                new JobLogEntry(
                    d.getObjectId("_id").toHexString(),
                    ((Number) d.get("logTime")).longValue(),
                    d.getString("jobId"),
                    d.getString("taskTrackerNodeGroup"),
                    d.getString("taskId"),
                    ((Number) d.get("attempt")).longValue(),
                    JobLogType.valueOf(d.getString("logType")),
                    BizLog.Level.valueOf(d.getString("level")),
                    d.getString("taskTrackerIdentity"),
                    d.getString("msg")));
          }
          if (rows.size() <= limit) {
            return new Page<>(rows, null);
          }
          List<JobLogEntry> page = rows.subList(0, limit);
          return new Page<>(page, page.get(limit - 1).id());
        });
  }

  @Override
  public long pruneOlderThan(long time, int maxRows) {
    int limit = StoreArguments.limit("maxRows", maxRows);
    return calls.run(
        "prune the job log",
        () -> {
          List<Object> ids = new ArrayList<>(limit);
          log.find(Filters.lt("logTime", time))
              .sort(Sorts.ascending("logTime"))
              .limit(limit)
              .projection(Projections.include("_id"))
              .forEach(doc -> ids.add(doc.get("_id")));
          return ids.isEmpty() ? 0L : log.deleteMany(Filters.in("_id", ids)).getDeletedCount();
        });
  }
}
