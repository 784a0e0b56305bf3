package com.lts.benchmark;

import com.alibaba.fastjson2.JSON;
import com.alibaba.fastjson2.JSONArray;
import com.alibaba.fastjson2.JSONObject;
import com.lts.admin.LtsAdmin;
import com.lts.admin.auth.Users;
import com.lts.core.config.ConfigKey;
import com.lts.core.config.LtsConfig;
import com.lts.core.domain.Job;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;

/**
 * LTS Admin's REST queue list over a big queue: B waiting jobs (--backlog, default 1,000,000) are
 * stored through the store API, LTS Admin starts on the same store, and one client on loopback asks
 * for pages as the queue page does — the first page, pages deep in the queue (keyset cursors), a
 * taskId search with and without the group — timing each request; then it pages through the whole
 * queue, 1,000 rows a page, and checks that every job was listed exactly once.
 */
final class AdminQueueScenario implements Scenario {

  /** Timed requests per kind of page, after as many untimed ones (fewer for a small queue). */
  static final int SAMPLES = 200;

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
        + Math.max(10, Math.min(SAMPLES, options.backlog() / 50))
        + " timed requests each), then the whole queue 1,000 rows a page";
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
    int samples = Math.max(10, Math.min(SAMPLES, rows / 50));
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

      try (LtsAdmin admin = startAdmin(cluster, database.config(), dir)) {
        Client client = new Client("http://127.0.0.1:" + admin.port());
        client.logIn();
        Random random = new Random(42);

        // The whole queue, 1,000 a page: every job exactly once; cursors kept for deep pages.
        BitSet seen = new BitSet(rows);
        int repeated = 0;
        long listed = 0;
        List<String> cursors = new ArrayList<>();
        long[] walk = new long[rows / WALK_PAGE + 2];
        int pages = 0;
        String cursor = "";
        long walkStart = System.nanoTime();
        do {
          if (pages >= walk.length) {
            throw new IllegalStateException("more pages than " + rows + " rows can fill");
          }
          long t0 = System.nanoTime();
          JSONObject page =
              client.get(
                  QUEUE + "?limit=" + WALK_PAGE + (cursor.isEmpty() ? "" : "&cursor=" + cursor));
          walk[pages++] = System.nanoTime() - t0;
          JSONArray items = page.getJSONArray("items");
          for (int i = 0; i < items.size(); i++) {
            int index = index(items.getJSONObject(i).getString("taskId"));
            if (index >= 0 && seen.get(index)) {
              repeated++;
            } else if (index >= 0) {
              seen.set(index);
            }
            listed++;
          }
          cursor = page.getString("nextCursor");
          if (!cursor.isEmpty()) {
            cursors.add(cursor);
          }
        } while (!cursor.isEmpty());
        long walkNanos = System.nanoTime() - walkStart;
        out.printf(
            "%slisted %,d jobs in %,d pages of %,d (%s rows/s)%n",
            tag, listed, pages, WALK_PAGE, Table.format(Scenario.perSecond(listed, walkNanos)));
        int once = seen.cardinality();
        RunCheck check = new RunCheck(rows, once - repeated, rows - once, repeated, listed);

        long[] first = client.time(samples, i -> QUEUE + "?limit=" + PAGE);
        // Deep: a cursor from the second half of the queue (a queue of one page has none).
        long[] deep =
            client.time(
                samples,
                i ->
                    QUEUE
                        + "?limit="
                        + PAGE
                        + (cursors.isEmpty()
                            ? ""
                            : "&cursor="
                                + cursors.get(
                                    cursors.size() / 2
                                        + random.nextInt(Math.max(1, (cursors.size() + 1) / 2)))));
        long[] search =
            client.time(samples, i -> QUEUE + "?taskId=" + taskId(random.nextInt(rows)));
        long[] groupSearch =
            client.time(
                samples,
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
        figures.put("whole queue: page of 1,000, p99 ms", percentile(walk, pages, 0.99));
        figures.put("whole queue: rows listed/s", Scenario.perSecond(listed, walkNanos));
        return new RoundResult(figures, check);
      }
    }
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
  private static final class Client {
    private final HttpClient http =
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private String cookie;

    Client(String base) {
      this.base = base;
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

    /** Sends {@code count} untimed requests, then {@code count} timed ones; their nanoseconds. */
    long[] time(int count, IntFunction<String> path) throws IOException, InterruptedException {
      for (int i = 0; i < count; i++) {
        get(path.apply(i));
      }
      long[] nanos = new long[count];
      for (int i = 0; i < count; i++) {
        String p = path.apply(i);
        long t0 = System.nanoTime();
        get(p);
        nanos[i] = System.nanoTime() - t0;
      }
      return nanos;
    }
  }
}
