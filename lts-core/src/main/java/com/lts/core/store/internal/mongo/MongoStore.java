package com.lts.core.store.internal.mongo;

import com.lts.core.config.ConfigKeys;
import com.lts.core.config.LtsConfig;
import com.lts.core.store.DeadJobStore;
import com.lts.core.store.FeedbackQueue;
import com.lts.core.store.JobLogStore;
import com.lts.core.store.JobStore;
import com.lts.core.store.NodeGroupStore;
import com.lts.core.store.NodeStatsStore;
import com.lts.core.store.SettingStore;
import com.lts.core.store.Store;
import com.lts.core.store.StoreContext;
import com.lts.core.store.StoreException;
import com.lts.core.store.internal.DatabaseClock;
import com.lts.core.store.internal.LifecycleLines;
import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoCredential;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A {@link Store} on one Mongo database, its collections named like the SQL tables. */
final class MongoStore implements Store {

  private static final Logger log = LoggerFactory.getLogger(MongoStore.class);

  private final MongoClient client;
  private final MongoJobStore jobs;
  private final MongoFeedbackQueue feedback;
  private final MongoNodeGroupStore nodeGroups;
  private final MongoJobLogStore jobLogs;
  private final MongoNodeStatsStore nodeStats;
  private final MongoDeadJobStore deadJobs;
  private final MongoSettingStore settings;

  private MongoStore(MongoClient client, MongoDatabase db, MongoCalls calls, StoreContext ctx) {
    this.client = client;
    this.jobLogs = new MongoJobLogStore(db.getCollection("lts_job_log"), calls);
    this.feedback =
        new MongoFeedbackQueue(
            db.getCollection("lts_feedback"), db.getCollection("lts_job"), calls, ctx.clock());
    this.settings = new MongoSettingStore(db.getCollection("lts_setting"), calls, ctx.clock());
    this.deadJobs =
        new MongoDeadJobStore(
            db.getCollection("lts_dead_job"), db.getCollection("lts_job"), calls, ctx.clock());
    this.jobs =
        new MongoJobStore(
            db.getCollection("lts_job"),
            db.getCollection("lts_submit_id"),
            feedback,
            deadJobs,
            calls,
            ctx.clock(),
            DatabaseClock.forLeases(ctx.config(), ctx.clock(), serverClock(db, calls)),
            LifecycleLines.keptBy(ctx) ? jobLogs : null);
    this.nodeGroups =
        new MongoNodeGroupStore(db.getCollection("lts_node_group"), calls, ctx.clock());
    this.nodeStats = new MongoNodeStatsStore(db.getCollection("lts_node_stats"), calls);
  }

  /** Connects, checks the server answers, and creates the indexes. */
  static MongoStore open(StoreContext context) {
    LtsConfig config = context.config();
    String addresses = config.get(ConfigKeys.MONGO_ADDRESSES);
    String database = config.get(ConfigKeys.MONGO_DATABASE);
    String where = addresses + "/" + database;
    MongoClientSettings.Builder settings;
    try {
      settings =
          MongoClientSettings.builder()
              .applyConnectionString(new ConnectionString("mongodb://" + addresses))
              .applyToClusterSettings(c -> c.serverSelectionTimeout(5, TimeUnit.SECONDS))
              .applyToSocketSettings(s -> s.connectTimeout(5, TimeUnit.SECONDS));
    } catch (IllegalArgumentException e) {
      throw new StoreException(
          "mongo.addresses '" + addresses + "' is not a host:port list: " + e.getMessage(), e);
    }
    String user = config.get(ConfigKeys.MONGO_USERNAME);
    if (user != null) {
      String password = config.get(ConfigKeys.MONGO_PASSWORD);
      settings.credential(
          MongoCredential.createCredential(
              user, database, password == null ? new char[0] : password.toCharArray()));
    }
    MongoClient client = MongoClients.create(settings.build());
    MongoCalls calls = new MongoCalls(where);
    try {
      MongoDatabase db = client.getDatabase(database);
      calls.run("connect", () -> db.runCommand(new Document("ping", 1)));
      calls.run("create indexes", () -> createIndexes(db));
      log.info("Job store: mongo at {}", where);
      return new MongoStore(client, db, calls, context);
    } catch (RuntimeException e) {
      client.close();
      throw e;
    }
  }

  /**
   * The server's time: the {@code localTime} of a {@code hello}, one round trip; servers (and
   * embedded stand-ins) that do not know {@code hello} are asked with {@code isMaster}, which
   * answers the same field.
   */
  private static LongSupplier serverClock(MongoDatabase db, MongoCalls calls) {
    AtomicReference<String> command = new AtomicReference<>("hello");
    return () ->
        calls.run(
            "read the server's clock",
            () -> {
              try {
                return localTime(db, command.get());
              } catch (MongoCommandException e) {
                if (!command.compareAndSet("hello", "isMaster")) {
                  throw e;
                }
                return localTime(db, "isMaster");
              }
            });
  }

  private static long localTime(MongoDatabase db, String command) {
    return db.runCommand(new Document(command, 1)).getDate("localTime").getTime();
  }

  private static void createIndexes(MongoDatabase db) {
    MongoCollection<Document> jobs = db.getCollection("lts_job");
    jobs.createIndex(Indexes.ascending(JobDocuments.KEY), new IndexOptions().unique(true));
    jobs.createIndex(
        Indexes.ascending(
            JobDocuments.GROUP,
            JobDocuments.STATE,
            JobDocuments.PRIORITY,
            JobDocuments.TRIGGER_TIME));
    jobs.createIndex(Indexes.ascending(JobDocuments.STATE, JobDocuments.LEASE_DEADLINE));
    jobs.createIndex(
        Indexes.ascending(JobDocuments.STATE, JobDocuments.TRIGGER_TIME, JobDocuments.GROUP));
    jobs.createIndex(Indexes.ascending(JobDocuments.SCHEDULE_JOB_ID));
    jobs.createIndex(Indexes.ascending(JobDocuments.SUBMIT_ID));
    jobs.createIndex(Indexes.ascending(JobDocuments.TASK_ID, "_id"));
    MongoCollection<Document> feedback = db.getCollection("lts_feedback");
    feedback.createIndex(Indexes.ascending("jobClientNodeGroup", "_id"));
    feedback.createIndex(Indexes.ascending("jobId"));
    feedback.createIndex(Indexes.ascending("created"));
    db.getCollection("lts_submit_id").createIndex(Indexes.ascending("created"));
    MongoCollection<Document> log = db.getCollection("lts_job_log");
    log.createIndex(Indexes.ascending("jobId"));
    log.createIndex(Indexes.ascending("taskTrackerNodeGroup", "taskId"));
    log.createIndex(Indexes.ascending("logTime"));
    db.getCollection("lts_node_stats").createIndex(Indexes.ascending("identity", "minute"));
    MongoCollection<Document> dead = db.getCollection("lts_dead_job");
    dead.createIndex(Indexes.ascending("taskTrackerNodeGroup", "taskId", "deadTime"));
    dead.createIndex(Indexes.ascending("deadTime"));
  }

  @Override
  public JobStore jobs() {
    return jobs;
  }

  @Override
  public FeedbackQueue feedback() {
    return feedback;
  }

  @Override
  public NodeGroupStore nodeGroups() {
    return nodeGroups;
  }

  @Override
  public JobLogStore jobLogs() {
    return jobLogs;
  }

  @Override
  public NodeStatsStore nodeStats() {
    return nodeStats;
  }

  @Override
  public DeadJobStore deadJobs() {
    return deadJobs;
  }

  @Override
  public SettingStore settings() {
    return settings;
  }

  @Override
  public void close() {
    client.close();
  }
}
