package com.lts.core.store;

import com.lts.core.config.ConfigKeys;
import com.lts.core.config.LtsConfig;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import org.bson.Document;

/** An in-process mongo-java-server (memory backend) on a free loopback port. */
public final class MongoFixture implements StoreFixture {

  private static final String DATABASE = "lts_test";

  private final MongoServer server;
  private final String address;
  private final MongoClient admin;

  public MongoFixture() {
    server = new MongoServer(new MemoryBackend());
    InetSocketAddress bound = server.bind();
    address = "127.0.0.1:" + bound.getPort();
    admin = MongoClients.create("mongodb://" + address);
  }

  public LtsConfig config() {
    return LtsConfig.builder()
        .set(ConfigKeys.JOB_QUEUE, "mongo")
        .set(ConfigKeys.MONGO_ADDRESSES, address)
        .set(ConfigKeys.MONGO_DATABASE, DATABASE)
        .build();
  }

  /** The database the store uses, for tests that look at or change documents directly. */
  public MongoDatabase database() {
    return admin.getDatabase(DATABASE);
  }

  @Override
  public Store open(Clock clock) {
    // Contract tests move time with a fake clock, leases' time too.
    return Store.open(
        config().toBuilder().set(ConfigKeys.JOB_LEASE_CLOCK, "node").build(),
        Path.of("target"),
        clock);
  }

  @Override
  public void leaveInstanceOfACrashedFeed(String scheduleJobId, long triggerTime) {
    var jobs = database().getCollection("lts_job");
    Document schedule = jobs.find(new Document("_id", scheduleJobId)).first();
    Document instance = new Document(schedule);
    instance.put("_id", "crashed-" + triggerTime);
    instance.put(
        "key",
        schedule.getString("taskTrackerNodeGroup")
            + ":"
            + triggerTime
            + ":"
            + schedule.getString("taskId"));
    instance.put("kind", JobKind.INSTANCE.name());
    instance.put("state", JobState.EXECUTABLE.name());
    instance.put("scheduleTime", triggerTime);
    instance.put("scheduleJobId", scheduleJobId);
    instance.put("triggerTime", triggerTime);
    instance.put("retryTimes", 0);
    instance.put("attempt", 0L);
    instance.put("version", 0L);
    jobs.insertOne(instance);
  }

  @Override
  public void clear() {
    MongoDatabase db = admin.getDatabase(DATABASE);
    for (String name : db.listCollectionNames()) {
      db.getCollection(name).deleteMany(new Document());
    }
  }

  @Override
  public void insertRawFeedback(String jobClientNodeGroup, String result, long created) {
    database()
        .getCollection("lts_feedback")
        .insertOne(
            new Document("_id", new org.bson.types.ObjectId())
                .append("jobClientNodeGroup", jobClientNodeGroup)
                .append("result", result)
                .append("created", created));
  }

  @Override
  public void drop() {
    admin.close();
    server.shutdownNow();
  }
}
