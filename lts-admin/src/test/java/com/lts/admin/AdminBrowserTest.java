package com.lts.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.alibaba.fastjson2.JSONObject;
import com.lts.core.cluster.NodeType;
import com.lts.core.domain.Job;
import com.lts.core.store.NodeStats;
import com.lts.tasktracker.TaskTracker;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * LTS Admin in a real headless Chromium against the shared real cluster: what an operator does,
 * step by step, with a screenshot of each page under target/screenshots/.
 */
@ExtendWith(AdminCluster.Shared.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminBrowserTest {

  private static final File CHROMIUM = new File("/usr/bin/chromium");
  private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

  /** The queue the taskId search looks through: 100,000 jobs with -Dlts.long.tests=true. */
  private static final int BULK_JOBS = Boolean.getBoolean("lts.long.tests") ? 100_000 : 10_000;

  private static final Duration WAIT = Duration.ofSeconds(20);

  private static AdminCluster cluster;
  private static ChromeDriver driver;
  private static RestClient rest;

  @BeforeAll
  static void openBrowser() throws Exception {
    if (!CHROMIUM.canExecute() || !CHROMEDRIVER.canExecute()) {
      String reason =
          "Chromium or chromedriver is missing (/usr/bin/chromium, /usr/bin/chromedriver):"
              + " apt-get install chromium chromium-driver";
      if ("1".equals(System.getenv("LTS_REQUIRE_SERVICES"))) {
        Assertions.fail(reason);
      }
      Assumptions.abort(reason);
    }
    cluster = AdminCluster.get();
    rest = new RestClient(cluster.baseUrl());
    assertThat(rest.login(AdminCluster.ADMIN, AdminCluster.PASSWORD).status()).isEqualTo(200);
    driver = browser("en-US");
  }

  /** A fresh headless Chromium whose preferred language is {@code lang}. */
  private static ChromeDriver browser(String lang) throws Exception {
    Path profile = Files.createTempDirectory("lts-admin-chromium");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", lang));
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1400,900",
        "--lang=" + lang,
        "--user-data-dir=" + profile);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER)
            .usingAnyFreePort()
            .build();
    return new ChromeDriver(service, options);
  }

  @AfterAll
  static void closeBrowser() {
    if (driver != null) {
      driver.quit();
    }
  }

  private static void screenshot(String name) throws Exception {
    Path dir = Path.of("target", "screenshots");
    Files.createDirectories(dir);
    Files.write(dir.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
  }

  private static void open(String hash) {
    String url = cluster.baseUrl() + "/main.html#" + hash;
    if (url.equals(driver.getCurrentUrl())) {
      driver.navigate().refresh(); // the same hash again would not reload the view
    } else {
      driver.get(url);
    }
  }

  private static List<WebElement> all(String css) {
    return driver.findElements(By.cssSelector(css));
  }

  private static WebElement waitFor(String css) {
    await().atMost(WAIT).until(() -> !all(css).isEmpty());
    return all(css).get(0);
  }

  private static void logIn(String user) {
    driver.manage().deleteAllCookies();
    driver.get(cluster.baseUrl() + "/main.html");
    await().atMost(WAIT).until(() -> driver.getCurrentUrl().endsWith("/login.html"));
    waitFor("#username").sendKeys(user);
    driver.findElement(By.id("password")).sendKeys(AdminCluster.PASSWORD);
    driver.findElement(By.id("login-button")).click();
    await().atMost(WAIT).until(() -> driver.getCurrentUrl().contains("/main.html"));
    await().atMost(WAIT).until(() -> driver.findElement(By.id("who")).getText().startsWith(user));
  }

  /** Filters a queue page by taskId and waits for that one row. */
  private static WebElement findInQueue(String queue, String taskId) {
    open("queue/" + queue);
    waitFor("#filter-taskId").sendKeys(taskId);
    driver.findElement(By.id("search")).click();
    String row = "#jobs tr[data-task-id='" + taskId + "']";
    await().atMost(WAIT).until(() -> all(row).size() == 1 && all("#jobs tbody tr").size() == 1);
    return all(row).get(0);
  }

  private static String addJob(JSONObject job) {
    RestClient.Reply reply = rest.send("POST", "/api/jobs", job.toJSONString());
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    return reply.json().getString("jobId");
  }

  @Test
  @Order(1)
  void logsInAndShowsTheOverview() throws Exception {
    driver.get(cluster.baseUrl() + "/login.html");
    waitFor("#username");
    screenshot("login");
    logIn(AdminCluster.ADMIN);
    waitFor("#queue-depths");
    assertThat(driver.findElement(By.id("node-counts")).getText()).contains("JOB_TRACKER");
  }

  @Test
  @Order(2)
  void nodesAppearAndLeaveWithoutAReload() throws Exception {
    open("nodes");
    waitFor("#node-rows tr[data-type='JOB_TRACKER'].is-master");
    TaskTracker joining = cluster.taskTracker("live_group");
    String row = "#node-rows tr[id='node-" + joining.self().getIdentity() + "']";
    waitFor(row);
    screenshot("nodes");
    joining.stop();
    await().atMost(WAIT).until(() -> all(row).isEmpty());
    assertThat(all("#node-rows tr[data-type='JOB_TRACKER']")).hasSize(1);
  }

  @Test
  @Order(3)
  void findsAJobByTaskIdAmongTenThousandOrAHundredThousand() throws Exception {
    long started = System.nanoTime();
    long due = System.currentTimeMillis() + 86_400_000;
    List<Job> batch = new ArrayList<>();
    for (int i = 0; i < BULK_JOBS; i++) {
      Job job = new Job();
      job.setTaskId("bulk-" + i);
      job.setTaskTrackerNodeGroup("bulk");
      job.setSubmitNodeGroup("importer");
      job.setTriggerTime(due + i);
      batch.add(job);
      if (batch.size() == 5_000) {
        cluster.store.jobs().submit(batch);
        batch.clear();
      }
    }
    System.out.printf(
        "stored %,d jobs in %d ms%n", BULK_JOBS, (System.nanoTime() - started) / 1_000_000);
    WebElement row = findInQueue("executable", "bulk-" + (BULK_JOBS - 2_223));
    assertThat(row.getText())
        .contains("bulk-" + (BULK_JOBS - 2_223))
        .contains("bulk")
        .contains("EXECUTABLE");
    screenshot("queue-search");
    open("queue/executable");
    waitFor("#jobs tbody tr");
    await().atMost(WAIT).until(() -> all("#jobs tbody tr").size() == 50);
    driver.findElement(By.cssSelector("[data-action='nextPage']")).click();
    await()
        .atMost(WAIT)
        .until(
            () ->
                !all("[data-action='firstPage']").isEmpty() && all("#jobs tbody tr").size() == 50);
    screenshot("queue-page-2");
  }

  @Test
  @Order(4)
  void suspendsAndResumesACronJob() throws Exception {
    JSONObject cron = new JSONObject();
    cron.put("taskId", "every-second");
    cron.put("taskTrackerNodeGroup", AdminCluster.GROUP);
    cron.put("cronExpression", "0/1 * * * * ?");
    String jobId = addJob(cron);
    await().atMost(WAIT).until(() -> cluster.runs("every-second") >= 2);

    findInQueue("cron", "every-second")
        .findElement(By.cssSelector("[data-action='suspend']"))
        .click();
    await()
        .atMost(WAIT)
        .until(() -> rest.get("/api/jobs/" + jobId).json().getString("state").equals("SUSPENDED"));
    int stoppedAt = cluster.runs("every-second");
    // At most one instance already dispatched may still finish; then nothing more runs.
    await()
        .during(Duration.ofMillis(2_500))
        .atMost(Duration.ofSeconds(10))
        .until(() -> cluster.runs("every-second") <= stoppedAt + 1);
    int suspendedRuns = cluster.runs("every-second");

    WebElement row = findInQueue("suspended", "every-second");
    screenshot("suspended");
    row.findElement(By.cssSelector("[data-action='resume']")).click();
    await().atMost(WAIT).until(() -> cluster.runs("every-second") >= suspendedRuns + 2);
    assertThat(rest.send("DELETE", "/api/jobs/" + jobId, null).status()).isEqualTo(200);
  }

  @Test
  @Order(5)
  void triggersAWaitingJobNow() throws Exception {
    JSONObject job = new JSONObject();
    job.put("taskId", "run-now");
    job.put("taskTrackerNodeGroup", AdminCluster.GROUP);
    job.put("triggerTime", System.currentTimeMillis() + 3_600_000);
    addJob(job);
    findInQueue("executable", "run-now")
        .findElement(By.cssSelector("[data-action='trigger']"))
        .click();
    await().atMost(WAIT).until(() -> cluster.runs("run-now") == 1);
  }

  @Test
  @Order(6)
  void tailsTheBizLoggerLinesOfARunningJob() throws Exception {
    JSONObject job = new JSONObject();
    job.put("taskId", "long-run");
    job.put("taskTrackerNodeGroup", AdminCluster.GROUP);
    job.put("triggerTime", System.currentTimeMillis() + 3_600_000);
    job.put("params", Map.of("lines", "24", "pauseMillis", "250"));
    String jobId = addJob(job);
    open("job/" + jobId);
    waitFor("#log-rows tr[data-type='RECEIVED']");
    assertThat(all("#log-rows tr[data-type='BIZ']")).isEmpty();
    assertThat(rest.send("POST", "/api/jobs/" + jobId + "/trigger", null).status()).isEqualTo(200);
    await().atMost(WAIT).until(() -> all("#log-rows tr[data-type='BIZ']").size() >= 3);
    int early = all("#log-rows tr[data-type='BIZ']").size();
    assertThat(early).isLessThan(24);
    ((JavascriptExecutor) driver).executeScript("document.getElementById('log').scrollIntoView();");
    screenshot("job-log-tail");
    await().atMost(WAIT).until(() -> all("#log-rows tr[data-type='BIZ']").size() == 24);
    await().atMost(WAIT).until(() -> !all("#log-rows tr[data-type='FINISHED']").isEmpty());
    assertThat(driver.findElement(By.id("log-rows")).getText()).contains("step 24 of 24");
  }

  @Test
  @Order(7)
  void addsAJobThroughTheForm() throws Exception {
    open("add");
    waitFor("#job-taskId").sendKeys("from-form");
    driver.findElement(By.id("job-taskTrackerNodeGroup")).sendKeys(AdminCluster.GROUP);
    driver.findElement(By.id("job-save")).click();
    await().atMost(WAIT).until(() -> driver.getCurrentUrl().contains("#job/"));
    await().atMost(WAIT).until(() -> cluster.runs("from-form") == 1);

    open("add");
    waitFor("#job-taskId").sendKeys("bad-cron");
    driver.findElement(By.id("job-taskTrackerNodeGroup")).sendKeys(AdminCluster.GROUP);
    ((JavascriptExecutor) driver)
        .executeScript("document.getElementById('job-kind').value = 'CRON';");
    driver.findElement(By.id("job-cronExpression")).sendKeys("every day");
    driver.findElement(By.id("job-save")).click();
    await()
        .atMost(WAIT)
        .until(() -> driver.findElement(By.id("message")).getText().contains("cronExpression"));
    screenshot("add-job-error");
  }

  @Test
  @Order(8)
  void chartsShowWhateverFiguresANodeReports() throws Exception {
    String identity =
        cluster.admin == null
            ? null
            : rest.get("/api/nodes").json().getJSONArray("items").stream()
                .map(n -> (JSONObject) n)
                .filter(n -> n.getString("nodeType").equals("TASK_TRACKER"))
                .map(n -> n.getString("identity"))
                .findFirst()
                .orElseThrow();
    long minute = System.currentTimeMillis() / 60_000 * 60_000;
    List<NodeStats> minutes = new ArrayList<>();
    for (int i = 30; i >= 0; i--) {
      minutes.add(
          new NodeStats(
              identity,
              NodeType.TASK_TRACKER,
              AdminCluster.GROUP,
              minute - i * 60_000L,
              Map.of(
                  "jobs.succeeded", 100.0 + (i * 37 % 50),
                  "jobs.failed", (double) (i % 4),
                  "jvm.heap.used.mb", 120.0 + i)));
    }
    cluster.store.nodeStats().append(minutes);
    open("charts");
    WebElement select = waitFor("#chart-node option[value='" + identity + "']");
    select.click();
    // One chart per figure: these three, and whatever the node's own statistics rows hold.
    await()
        .atMost(WAIT)
        .until(
            () ->
                all("#charts .chart canvas").size() >= 3
                    && driver.findElement(By.id("charts")).getText().contains("jobs.succeeded")
                    && driver.findElement(By.id("charts")).getText().contains("jobs.failed")
                    && driver.findElement(By.id("charts")).getText().contains("jvm.heap.used.mb"));
    screenshot("charts");
  }

  @Test
  @Order(9)
  void nodeGroupsPage() throws Exception {
    open("groups");
    waitFor("#groups-TASK_TRACKER");
    waitFor("#group-name").sendKeys("reports");
    driver.findElement(By.cssSelector("#group-form button[type='submit']")).click();
    await()
        .atMost(WAIT)
        .until(
            () -> driver.findElement(By.id("groups-TASK_TRACKER")).getText().contains("reports"));
    screenshot("node-groups");
  }

  @Test
  @Order(10)
  void theOverviewShowsQueueDepthsAndProblems() throws Exception {
    open("overview");
    waitFor("#queue-depths");
    await()
        .atMost(WAIT)
        .until(
            () ->
                driver
                    .findElement(By.id("problems"))
                    .getText()
                    .contains("Node group bulk has jobs but no TaskTracker online"));
    assertThat(driver.findElement(By.id("queue-depths")).getText()).contains("bulk");
    screenshot("overview");
  }

  @Test
  @Order(11)
  void aChineseBrowserGetsChinesePages() throws Exception {
    ChromeDriver chinese = browser("zh-CN");
    try {
      chinese.get(cluster.baseUrl() + "/login.html");
      await()
          .atMost(WAIT)
          .until(() -> chinese.findElement(By.id("login-button")).getText().equals("登录"));
      chinese.findElement(By.id("username")).sendKeys(AdminCluster.ADMIN);
      chinese.findElement(By.id("password")).sendKeys(AdminCluster.PASSWORD);
      chinese.findElement(By.id("login-button")).click();
      await().atMost(WAIT).until(() -> chinese.getCurrentUrl().contains("/main.html"));
      chinese.get(cluster.baseUrl() + "/main.html#queue/cron");
      await()
          .atMost(WAIT)
          .until(() -> chinese.findElement(By.cssSelector("#view h2")).getText().equals("Cron 任务"));
      assertThat(chinese.findElement(By.id("search")).getText()).isEqualTo("查询");
      Path dir = Path.of("target", "screenshots");
      Files.write(dir.resolve("zh-queue.png"), chinese.getScreenshotAs(OutputType.BYTES));
    } finally {
      chinese.quit();
    }
  }

  @Test
  @Order(7)
  void terminatesARunningJobFromItsPage() throws Exception {
    JSONObject job = new JSONObject();
    job.put("taskId", "endless-run");
    job.put("taskTrackerNodeGroup", AdminCluster.GROUP);
    job.put("params", Map.of("lines", "600", "pauseMillis", "100"));
    String jobId = addJob(job);
    open("job/" + jobId);
    waitFor("#log-rows tr[data-type='BIZ']");
    waitFor("#job-actions [data-action='terminate']").click();
    driver.switchTo().alert().accept();
    await().atMost(WAIT).until(() -> !all("#log-rows tr[data-type='FINISHED']").isEmpty());
    assertThat(driver.findElement(By.id("log-rows")).getText())
        .contains("TERMINATED", "Terminated by");
    screenshot("terminated");
    assertThat(cluster.runs("endless-run")).isEqualTo(1);
  }

  @Test
  @Order(11)
  void listsAndRetriesADeadLetter() throws Exception {
    JSONObject job = new JSONObject();
    job.put("taskId", "always-fails");
    job.put("taskTrackerNodeGroup", AdminCluster.GROUP);
    job.put("params", Map.of("fail", "true"));
    String jobId = addJob(job);
    await().atMost(WAIT).until(() -> rest.get("/api/dead-jobs/" + jobId).status() == 200);
    open("dead");
    waitFor("#dead-filter-taskId").sendKeys("always-fails");
    driver.findElement(By.id("dead-search")).click();
    String row = "#dead-jobs tr[data-task-id='always-fails']";
    await().atMost(WAIT).until(() -> all(row).size() == 1);
    assertThat(all(row).get(0).getText()).contains("EXECUTE_EXCEPTION", "failing as asked");
    screenshot("dead-letters");
    all(row).get(0).findElement(By.cssSelector("[data-action='retry']")).click();
    await().atMost(WAIT).until(() -> cluster.runs("always-fails") == 2);
    await()
        .atMost(WAIT)
        .until(() -> driver.findElement(By.id("message")).getText().contains("submitted again"));
  }

  @Test
  @Order(11)
  void storesAnAlertRule() throws Exception {
    open("alerts");
    WebElement input =
        waitFor("#alert-rule-table input[data-rule='lts.alert.job.failed.threshold']");
    input.clear();
    input.sendKeys("5");
    driver
        .findElement(
            By.cssSelector(
                "#alert-rule-table tr[data-rule='lts.alert.job.failed.threshold'] [data-action='save']"))
        .click();
    await()
        .atMost(WAIT)
        .until(() -> driver.findElement(By.id("message")).getText().contains("next check"));
    assertThat(cluster.store.settings().all().get("lts.alert.job.failed.threshold").value())
        .isEqualTo("5");
    screenshot("alert-rules");
    cluster.store.settings().remove("lts.alert.job.failed.threshold");
  }

  @Test
  @Order(12)
  void aViewerSeesNoChangeButtonsAndTheApiRefusesChanges() throws Exception {
    JSONObject job = new JSONObject();
    job.put("taskId", "viewer-sees");
    job.put("taskTrackerNodeGroup", "nobody");
    job.put("triggerTime", System.currentTimeMillis() + 3_600_000);
    String jobId = addJob(job);
    logIn(AdminCluster.VIEWER);
    findInQueue("executable", "viewer-sees");
    assertThat(all("[data-action]")).isEmpty();
    assertThat(driver.findElement(By.cssSelector("#nav a[href='#add']")).isDisplayed()).isFalse();
    open("job/" + jobId);
    waitFor("#job-fields dl");
    assertThat(all("#job-actions button")).isEmpty();
    Object status =
        ((JavascriptExecutor) driver)
            .executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                    + "fetch('/api/session').then(r => r.json()).then(s =>"
                    + " fetch('/api/jobs/"
                    + jobId
                    + "/suspend', {method: 'POST', headers: {'X-CSRF-Token': s.csrfToken}}))"
                    + ".then(r => done(r.status));");
    assertThat(((Number) status).intValue()).isEqualTo(403);
    open("queue/executable");
    waitFor("#jobs tbody tr");
    screenshot("viewer");
  }

  @Test
  @Order(13)
  void anAdminSeesThroughputOnTheOverviewAndTheAuditTrail() throws Exception {
    logIn(AdminCluster.VIEWER);
    waitFor("#queue-depths");
    assertThat(driver.findElement(By.cssSelector("#nav a[href='#audit']")).isDisplayed()).isFalse();
    long minute = System.currentTimeMillis() / 60_000 * 60_000 - 60_000;
    cluster
        .store
        .nodeStats()
        .append(
            List.of(
                new NodeStats(
                    "JT_browser_throughput",
                    NodeType.JOB_TRACKER,
                    "lts",
                    minute,
                    Map.of(
                        "lts.jobs.completed{action=EXECUTE_SUCCESS,group=bulk}", 588.0,
                        "lts.jobs.completed{action=EXECUTE_FAILED,group=bulk}", 12.0))));
    logIn(AdminCluster.ADMIN);
    open("overview");
    await()
        .atMost(WAIT)
        .until(
            () ->
                !all("#throughput-groups").isEmpty()
                    && driver.findElement(By.id("throughput-groups")).getText().contains("bulk"));
    assertThat(driver.findElement(By.id("throughput")).getText())
        .contains("Jobs ended in the last 5 minutes")
        .contains("jobs/s");
    assertThat(driver.findElement(By.id("problems")).getText())
        .contains("12 jobs of group bulk ended without success in the last 5 minutes");
    screenshot("overview-throughput");

    open("audit");
    waitFor("#audit-entries");
    await()
        .atMost(WAIT)
        .until(
            () -> driver.findElement(By.id("audit-entries")).getText().contains("nodeGroup.add"));
    String entries = driver.findElement(By.id("audit-entries")).getText();
    assertThat(entries).contains("name=reports").contains("login").contains("200 DONE");
    assertThat(entries).doesNotContain(AdminCluster.PASSWORD);
    screenshot("audit");
    WebElement action = driver.findElement(By.cssSelector("#audit-filter input[name='action']"));
    action.sendKeys("login");
    driver.findElement(By.cssSelector("#audit-filter button[type='submit']")).click();
    await()
        .atMost(WAIT)
        .until(
            () -> {
              List<WebElement> rows = all("#audit-entries tbody tr");
              return !rows.isEmpty()
                  && rows.stream()
                      .allMatch(
                          r -> r.findElements(By.tagName("td")).get(3).getText().equals("login"));
            });
  }
}
