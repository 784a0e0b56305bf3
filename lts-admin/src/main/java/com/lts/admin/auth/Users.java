package com.lts.admin.auth;

import com.lts.core.LtsException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The users of LTS Admin and their password check. There is no default password: users come from
 * {@code lts.admin.users}, or, without it, a user {@code admin} gets a random password at first
 * start, printed once and kept only as a hash in a file under the data path.
 */
public final class Users {

  static final String GENERATED_FILE = "admin-users.properties";
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.@-]{1,64}");
  private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]?\\$\\d\\d\\$[./A-Za-z0-9]{53}");
  private static final String ALPHABET =
      "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

  private final Map<String, User> byName;
  private final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder();
  // Checked for unknown names too, so that a wrong name costs as long as a wrong password.
  private final String decoy;

  private Users(Map<String, User> byName) {
    this.byName = Map.copyOf(byName);
    this.decoy = encoder.encode(randomPassword(new SecureRandom()));
  }

  /**
   * Parses {@code name:role:hash, ...}.
   *
   * @throws LtsException naming the bad entry and what is expected
   */
  public static Users parse(String spec) {
    Map<String, User> users = new LinkedHashMap<>();
    for (String entry : spec.split(",")) {
      if (entry.isBlank()) {
        continue;
      }
      String[] parts = entry.trim().split(":", 3);
      if (parts.length != 3) {
        throw new LtsException(
            "lts.admin.users: entry '"
                + shown(entry)
                + "' is not name:role:bcrypt-hash (make a hash with java -jar lts-admin.jar"
                + " --hash-password)");
      }
      String name = parts[0].trim();
      Role role = Role.parse(parts[1]);
      String hash = parts[2].trim();
      if (!NAME.matcher(name).matches()) {
        throw new LtsException(
            "lts.admin.users: user name '" + name + "' must be 1 to 64 of A-Z a-z 0-9 _ . @ -");
      }
      if (role == null) {
        throw new LtsException(
            "lts.admin.users: user " + name + " has role '" + parts[1] + "'; use admin or viewer");
      }
      if (!BCRYPT.matcher(hash).matches()) {
        throw new LtsException(
            "lts.admin.users: the password of user "
                + name
                + " is not a BCrypt hash; make one with java -jar lts-admin.jar --hash-password");
      }
      if (users.put(name, new User(name, role, hash)) != null) {
        throw new LtsException("lts.admin.users: user " + name + " is listed twice");
      }
    }
    if (users.isEmpty()) {
      throw new LtsException("lts.admin.users names no user");
    }
    return new Users(users);
  }

  /**
   * The users of {@code lts.admin.users} when given, else the generated {@code admin} user kept
   * under {@code dataDir}, created (and its password printed to {@code out}) when missing.
   */
  public static Users load(String spec, Path dataDir, PrintStream out) {
    if (spec != null) {
      return parse(spec);
    }
    Path file = dataDir.resolve(GENERATED_FILE);
    try {
      if (Files.isRegularFile(file)) {
        return parse(Files.readString(file).strip());
      }
      String password = randomPassword(new SecureRandom());
      String hash = new BCryptPasswordEncoder().encode(password);
      Files.createDirectories(dataDir);
      Files.writeString(file, "admin:admin:" + hash + "\n");
      out.println(
          "LTS Admin: no lts.admin.users configured; created user 'admin' with password "
              + password
              + " (shown only now; its hash is kept in "
              + file.toAbsolutePath()
              + ")");
      return parse("admin:admin:" + hash);
    } catch (IOException e) {
      throw new LtsException(
          "LTS Admin cannot keep its generated user in "
              + file.toAbsolutePath()
              + ": "
              + e.getMessage()
              + "; set lts.admin.users or dataPath",
          e);
    }
  }

  /** The BCrypt hash of {@code password}, for {@code lts.admin.users}. */
  public static String hash(String password) {
    return new BCryptPasswordEncoder().encode(password);
  }

  /** The user when {@code password} is theirs. */
  public Optional<User> check(String name, String password) {
    User user = name == null ? null : byName.get(name);
    boolean matches =
        encoder.matches(
            password == null ? "" : password, user == null ? decoy : user.passwordHash());
    return user != null && matches ? Optional.of(user) : Optional.empty();
  }

  public int size() {
    return byName.size();
  }

  private static String randomPassword(SecureRandom random) {
    StringBuilder password = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return password.toString();
  }

  private static String shown(String entry) {
    int colon = entry.indexOf(':');
    return colon < 0 ? "…" : entry.substring(0, colon).trim() + ":…";
  }
}
