package com.lts.example.upgrade;

import com.lts.core.domain.Job;
import com.lts.core.domain.Response;
import com.lts.example.upgrade.LegacyJobReader.TableRows;
import com.lts.jobclient.JobClient;
import java.io.PrintStream;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

/**
 * Moves the waiting, cron and repeat jobs of an LTS 1.6/1.7 MySQL store into a cluster of this LTS,
 * through a JobClient (docs/upgrading.md):
 *
 * <pre>
 * java -cp lts-demo.jar com.lts.example.upgrade.LegacyJobImport --from JDBC_URL --user U
 *     --password P --registry zookeeper://... [--cluster-name C] [--token T] [--dry-run]
 * </pre>
 */
public final class LegacyJobImport {

  static final String USAGE =
      "Usage: LegacyJobImport --from JDBC_URL [--user U] [--password P] --registry ADDRESS\n"
          + "                       [--cluster-name NAME] [--token TOKEN] [--dry-run]\n";

  private static final int BATCH = 100;

  /** What an import did. */
  public record Summary(int submitted, int kept, int skipped, int refused) {}

  private LegacyJobImport() {}

  public static void main(String[] args) throws Exception {
    String from = null;
    String user = null;
    String password = null;
    String registry = null;
    String cluster = null;
    String token = null;
    boolean dryRun = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--from" -> from = args[++i];
        case "--user" -> user = args[++i];
        case "--password" -> password = args[++i];
        case "--registry" -> registry = args[++i];
        case "--cluster-name" -> cluster = args[++i];
        case "--token" -> token = args[++i];
        case "--dry-run" -> dryRun = true;
        default -> {
          System.err.print("Unknown argument '" + args[i] + "'\n" + USAGE);
          System.exit(2);
        }
      }
    }
    if (from == null || (registry == null && !dryRun)) {
      System.err.print(USAGE);
      System.exit(2);
    }
    JobClient client = null;
    try (Connection db = DriverManager.getConnection(from, user, password)) {
      if (!dryRun) {
        client = new JobClient();
        client.setRegistryAddress(registry);
        client.setNodeGroup("lts_legacy_import");
        client.setDataPath(Files.createTempDirectory("lts-legacy-import").toString());
        if (cluster != null) {
          client.setClusterName(cluster);
        }
        if (token != null) {
          client.addConfig("lts.cluster.token", token);
        }
        client.start();
      }
      Summary summary = importJobs(db, client, System.out);
      System.exit(summary.refused() == 0 ? 0 : 1);
    } finally {
      if (client != null) {
        client.stop();
      }
    }
  }

  /**
   * Reads every queue table of {@code db} and submits its jobs with {@code client} (null: only
   * prints what it would submit), printing one line per table and per row left behind.
   */
  public static Summary importJobs(Connection db, JobClient client, PrintStream out)
      throws SQLException {
    int submitted = 0;
    int kept = 0;
    int skipped = 0;
    int refused = 0;
    for (TableRows table : new LegacyJobReader(db, System.currentTimeMillis()).readAll()) {
      int tableSubmitted = 0;
      int tableKept = 0;
      for (int from = 0; from < table.jobs().size(); from += BATCH) {
        List<Job> batch = table.jobs().subList(from, Math.min(table.jobs().size(), from + BATCH));
        if (client == null) {
          tableSubmitted += batch.size();
          continue;
        }
        Response response = client.submitJob(batch);
        if (!response.isSuccess()) {
          refused += response.getFailedJobs().size();
          out.println("  refused: " + response);
        }
        int existing = existing(response.getMsg());
        tableKept += existing;
        tableSubmitted += batch.size() - response.getFailedJobs().size() - existing;
      }
      out.printf(
          "%s: %d rows, %d %s, %d kept (taskId exists already), %d left behind%n",
          table.table(),
          table.jobs().size() + table.skipped().size(),
          tableSubmitted,
          client == null ? "to submit (dry run)" : "submitted",
          tableKept,
          table.skipped().size());
      table.skipped().forEach(why -> out.println("  left behind: " + why));
      submitted += tableSubmitted;
      kept += tableKept;
      skipped += table.skipped().size();
    }
    out.printf(
        "Done: %d submitted, %d kept, %d left behind, %d refused%n",
        submitted, kept, skipped, refused);
    return new Summary(submitted, kept, skipped, refused);
  }

  /** How many jobs a JobTracker's answer says it kept because their taskId existed. */
  private static int existing(String msg) {
    String marker = " already existed and were kept unchanged";
    int at = msg == null ? -1 : msg.indexOf(marker);
    if (at < 0) {
      return 0;
    }
    int start = msg.lastIndexOf(' ', at - 1) + 1;
    try {
      return Integer.parseInt(msg.substring(start, at));
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
