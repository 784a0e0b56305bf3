package com.lts.benchmark;

import com.alibaba.fastjson2.JSON;
import com.alibaba.fastjson2.JSONArray;
import com.alibaba.fastjson2.JSONObject;
import com.lts.admin.LtsAdmin;
import com.lts.admin.auth.Users;
import com.lts.core.config.ConfigKey;
import com.lts.core.config.LtsConfig;
import com.lts.core.domain.Job;
import com.lts.core.store.JobQueue;
import com.lts.core.store.Store;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;

/**
 * LTS Admin's REST queue list over a big queue: B waiting jobs (--backlog, default 1,000,000) are
 * stored through the store API, LTS Admin starts on the same store, and one client on loopback asks
 * for pages as the queue page does, one request at a time: the head of the queue 1,000 rows a page
 * (checking ids ascend and none comes twice), then the first page, pages deep in the queue (keyset
 * cursors), a taskId search with and without the group — timing each request. A small queue gets
 * fewer requests (one per 50 rows, at least {@value #MIN_SAMPLES}).
 */
final class AdminQueueScenario implements Scenario {

  /** Timed requests per kind of page, unless {@link #TIMED_SECONDS} run out first. */
  static final int SAMPLES = 200;

  static final int MIN_SAMPLES = 10;
  static final int SAMPLES_WARM = 50;
  static final long WARM_SECONDS = 20;
  static final long TIMED_SECONDS = 60;

  /** Pages of {@link #WALK_PAGE} read from the head of the queue, following the cursor. */
  static final int WALK_PAGES = 20;

  static final int PAGE = 50;
  static final int WALK_PAGE = 1_000;
  static final String USER = "bench";
  static final String PASSWORD = "bench-password";
  private static final String QUEUE = "/api/queues/executable";

  private final BenchmarkOptions options;
  private final PrintStream out;

  AdminQueueScenario(BenchmarkOptions options, PrintStream out) {
    this.options = options;
    this.out = out;
  }

  @Override
  public String name() {
    return "admin-queue";
  }

  @Override
  public String description() {
    return "LTS Admin's REST list of the executable queue holding "
        + options.backlog()
        + " waiting jobs: first page, deep keyset pages, taskId search (50 rows a page, "
        + SAMPLES
        + " timed requests each, or as many as "
        + TIMED_SECONDS
        + " s allow), and the head of the queue 1,000 rows a page";
  }

  /** The walk through the whole queue and the untimed requests before each kind warm it up. */
  @Override
  public boolean warmsUpItself() {
    return true;
  }

  @Override
  public RoundResult run(BenchDatabase database, Path dir) throws Exception {
    int rows = options.backlog();
    Duration timeout = Scenario.timeout(options);
    String tag = "  [admin-queue/" + database.store() + "] ";
    Map<String, Double> figures = new LinkedHashMap<>();
    try (BenchCluster cluster = BenchCluster.withoutJobTracker(dir, options);
        Store store = Store.open(database.config(), dir.resolve("bench"), Clock.systemUTC())) {
      long from = System.currentTimeMillis() + Duration.ofHours(1).toMillis();
      long start = System.nanoTime();
      IntFunction<Job> jobAt =
          i -> {
            Job job = Scenario.job(taskId(i));
            job.setTriggerTime(from + i);
            return job;
          };
      long insertNanos =
          DrainScenario.insert(
              store,
              rows,
              jobAt,
              timeout,
              stored -> {
                if (stored % BacklogScenario.PROGRESS_EVERY == 0) {
                  out.printf(
                      "%s%,d of %,d jobs stored (%s rows/s)%n",
                      tag,
                      stored,
                      rows,
                      Table.format(Scenario.perSecond(stored, System.nanoTime() - start)));
                }
              });
      figures.put("insert rows/s", Scenario.perSecond(rows, insertNanos));

      long insertedFrom = System.currentTimeMillis() - insertNanos / 1_000_000;
      long insertedTo = System.currentTimeMillis();
      long waiting =
          store.jobs().countByGroup(JobQueue.EXECUTABLE).getOrDefault(BenchCluster.GROUP, 0L);

      try (LtsAdmin admin = startAdmin(cluster, database.config(), dir)) {
        int samples = Math.max(MIN_SAMPLES, Math.min(SAMPLES, rows / 50));
        Client client = new Client("http://127.0.0.1:" + admin.port(), samples);
        client.logIn();
        Random random = new Random(42);

        // The head of the queue, 1,000 a page following nextCursor: ids ascend, none twice.
        BitSet seen = new BitSet(rows);
        int repeated = 0;
        int walked = 0;
        long[] walk = new long[WALK_PAGES];
        int pages = 0;
        String cursor = "";
        String previous = "";
        do {
          long t0 = System.nanoTime();
          JSONObject page =
              client.get(
                  QUEUE + "?limit=" + WALK_PAGE + (cursor.isEmpty() ? "" : "&cursor=" + cursor));
          walk[pages++] = System.nanoTime() - t0;
          JSONArray items = page.getJSONArray("items");
          for (int i = 0; i < items.size(); i++) {
            JSONObject job = items.getJSONObject(i);
            int index = index(job.getString("taskId"));
            if (index < 0 || seen.get(index) || job.getString("jobId").compareTo(previous) <= 0) {
              repeated++;
            } else {
              seen.set(index);
            }
            previous = job.getString("jobId");
            walked++;
          }
          cursor = page.getString("nextCursor");
        } while (!cursor.isEmpty() && pages < WALK_PAGES);
        out.printf(
            "%s%,d pages of %,d: %,d jobs in id order, %d out of order or twice%n",
            tag, pages, WALK_PAGE, walked, repeated);
        // Every job is stored and waits (counted); the pages listed each once and in order.
        RunCheck check =
            new RunCheck(
                rows,
                (int) Math.min(rows, waiting) - repeated,
                (int) Math.max(0, rows - waiting),
                repeated,
                waiting);

        long[] first = client.time("first page", tag, i -> QUEUE + "?limit=" + PAGE);
        // Deep: after an id made at a random instant of the second half of the insert, so past
        // half of the queue or more (job ids begin with their creation time).
        long[] deep =
            client.time(
                "deep page",
                tag,
                i ->
                    QUEUE
                        + "?limit="
                        + PAGE
                        + "&cursor="
                        + idAt(
                            insertedFrom
                                + (insertedTo - insertedFrom) / 2
                                + (long) (random.nextDouble() * (insertedTo - insertedFrom) / 2)));
        long[] search =
            client.time(
                "taskId search", tag, i -> QUEUE + "?taskId=" + taskId(random.nextInt(rows)));
        long[] groupSearch =
            client.time(
                "group + taskId search",
                tag,
                i ->
                    QUEUE
                        + "?group="
                        + BenchCluster.GROUP
                        + "&taskId="
                        + taskId(random.nextInt(rows)));
        put(figures, "first page", first);
        put(figures, "deep page", deep);
        put(figures, "taskId search", search);
        put(figures, "group + taskId search", groupSearch);
        // The first of these requests is Admin's first: it pays for the cold path.
        figures.put("page of 1,000 (queue head) p50 ms", percentile(walk, pages, 0.50));
        figures.put("page of 1,000 (queue head) p99 ms", percentile(walk, pages, 0.99));
        return new RoundResult(figures, check);
      }
    }
  }

  /** The smallest job id made at {@code millis} (ids: 12 hex digits of time, then 20 more). */
  static String idAt(long millis) {
    return String.format("%012x", millis & 0xFFFF_FFFF_FFFFL) + "0".repeat(20);
  }

  private static void put(Map<String, Double> figures, String name, long[] nanos) {
    figures.put(name + " p50 ms", percentile(nanos, nanos.length, 0.50));
    figures.put(name + " p99 ms", percentile(nanos, nanos.length, 0.99));
  }

  static double percentile(long[] nanos, int count, double quantile) {
    long[] sorted = Arrays.copyOf(nanos, count);
    Arrays.sort(sorted);
    int at = (int) Math.ceil(quantile * count) - 1;
    return sorted[Math.max(0, Math.min(count - 1, at))] / 1e6;
  }

  static String taskId(int i) {
    return "admin-" + i;
  }

  private static int index(String taskId) {
    return taskId != null && taskId.startsWith("admin-")
        ? Integer.parseInt(taskId.substring("admin-".length()))
        : -1;
  }

  private static LtsAdmin startAdmin(BenchCluster cluster, LtsConfig store, Path dir) {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("registryAddress", cluster.registryAddress());
    properties.put("dataPath", dir.resolve("admin").toAbsolutePath().toString());
    store
        .values()
        .forEach(
            (key, value) ->
                properties.put(
                    key.name(),
                    value instanceof Duration d ? ConfigKey.format(d) : String.valueOf(value)));
    properties.put("lts.admin.http.host", "127.0.0.1");
    properties.put("lts.admin.http.port", "0");
    properties.put("lts.admin.users", USER + ":viewer:" + Users.hash(PASSWORD));
    return new LtsAdmin(properties, new PrintStream(new ByteArrayOutputStream())).start();
  }

  /** A logged-in REST client that times requests. */
  private final class Client {
    private final HttpClient http =
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final int samples;
    private String cookie;

    Client(String base, int samples) {
      this.base = base;
      this.samples = samples;
    }

    void logIn() throws IOException, InterruptedException {
      HttpResponse<String> reply =
          http.send(
              HttpRequest.newBuilder(URI.create(base + "/api/login"))
                  .header("Content-Type", "application/json")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          JSON.toJSONString(Map.of("username", USER, "password", PASSWORD))))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (reply.statusCode() != 200) {
        throw new IllegalStateException("Admin refused the login: " + reply.body());
      }
      String setCookie = reply.headers().firstValue("Set-Cookie").orElseThrow();
      cookie = setCookie.substring(0, setCookie.indexOf(';'));
    }

    JSONObject get(String path) throws IOException, InterruptedException {
      HttpResponse<String> reply =
          http.send(
              HttpRequest.newBuilder(URI.create(base + path))
                  .header("Cookie", cookie)
                  .timeout(Duration.ofSeconds(60))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (reply.statusCode() != 200) {
        throw new IllegalStateException(
            "GET " + path + ": " + reply.statusCode() + " " + reply.body());
      }
      return JSON.parseObject(reply.body());
    }

    /**
     * Sends untimed requests (at most {@value #SAMPLES_WARM}, or for {@value #WARM_SECONDS} s),
     * then timed ones: the client's number, or as many as {@value #TIMED_SECONDS} s allow but at
     * least {@value #MIN_SAMPLES}. Their nanoseconds.
     */
    long[] time(String kind, String tag, IntFunction<String> path)
        throws IOException, InterruptedException {
      long warmEnd = System.nanoTime() + WARM_SECONDS * 1_000_000_000L;
      for (int i = 0; i < Math.min(SAMPLES_WARM, samples) && System.nanoTime() < warmEnd; i++) {
        get(path.apply(i));
      }
      long[] nanos = new long[samples];
      int count = 0;
      long end = System.nanoTime() + TIMED_SECONDS * 1_000_000_000L;
      while (count < samples && (count < MIN_SAMPLES || System.nanoTime() < end)) {
        String p = path.apply(count);
        long t0 = System.nanoTime();
        get(p);
        nanos[count++] = System.nanoTime() - t0;
      }
      out.printf("%s%s: %d timed requests%n", tag, kind, count);
      return Arrays.copyOf(nanos, count);
    }
  }
}
