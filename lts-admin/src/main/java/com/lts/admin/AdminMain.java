package com.lts.admin;

import com.lts.admin.auth.Users;
import com.lts.core.LtsException;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Runs LTS Admin as a process:
 *
 * <pre>
 * java -jar lts-admin.jar --config admin.properties
 * java -jar lts-admin.jar --hash-password        (reads a password, prints its hash)
 * </pre>
 */
public final class AdminMain {

  static final String USAGE =
      "Usage: java -jar lts-admin.jar [--config FILE.properties] | --hash-password\n"
          + "  --config FILE      registryAddress, clusterName, the store keys and lts.admin.* keys\n"
          + "                     (see docs/admin.md and docs/configuration.md)\n"
          + "  --hash-password    read a password from the console (or one line of stdin) and\n"
          + "                     print its BCrypt hash for lts.admin.users\n";

  private AdminMain() {}

  public static void main(String[] args) {
    try {
      LtsAdmin admin = start(args, System.out, System.in);
      if (admin != null) {
        Runtime.getRuntime().addShutdownHook(new Thread(admin::stop, "lts-admin-shutdown"));
      }
    } catch (UsageException e) {
      System.err.println(e.getMessage());
      System.err.print(USAGE);
      System.exit(2);
    } catch (LtsException e) {
      System.err.println("LTS Admin did not start: " + e.getMessage());
      System.exit(1);
    }
  }

  /** Does what {@code args} ask; returns the started Admin, or null when nothing keeps running. */
  static LtsAdmin start(String[] args, PrintStream out, InputStream in) {
    Map<String, String> properties = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--config" -> {
          if (i + 1 >= args.length) {
            throw new UsageException("--config needs a file");
          }
          properties.putAll(load(Path.of(args[++i])));
        }
        case "--hash-password" -> {
          out.println(Users.hash(readPassword(in)));
          return null;
        }
        case "--help", "-h" -> {
          out.print(USAGE);
          return null;
        }
        default -> throw new UsageException("Unknown argument '" + args[i] + "'");
      }
    }
    LtsAdmin admin = new LtsAdmin(properties, out).start();
    out.println("LTS Admin: " + admin.url());
    return admin;
  }

  private static String readPassword(InputStream in) {
    Console console = System.console();
    if (console != null && in == System.in) {
      char[] password = console.readPassword("Password: ");
      if (password != null && password.length > 0) {
        return new String(password);
      }
    } else {
      try {
        String line =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
        if (line != null && !line.isEmpty()) {
          return line;
        }
      } catch (IOException e) {
        throw new UsageException("Cannot read the password: " + e.getMessage());
      }
    }
    throw new UsageException("No password given");
  }

  private static Map<String, String> load(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new UsageException("Config file " + file.toAbsolutePath() + " does not exist");
    }
    Properties properties = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      properties.load(in);
    } catch (IOException e) {
      throw new UsageException("Cannot read " + file + ": " + e.getMessage());
    }
    Map<String, String> map = new LinkedHashMap<>();
    properties.stringPropertyNames().forEach(name -> map.put(name, properties.getProperty(name)));
    return map;
  }

  /** Bad command line or config file. */
  static final class UsageException extends LtsException {
    UsageException(String message) {
      super(message);
    }
  }
}
