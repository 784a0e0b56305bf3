package com.lts.core.cluster;

import java.util.regex.Pattern;

/**
 * The rules for cluster names, node group names and node identities. They end up in registry paths,
 * store keys and log lines, so they are restricted to a safe alphabet.
 */
public final class Names {

  public static final int MAX_LENGTH = 64;
  private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9_.\\-]+");

  private Names() {}

  /**
   * Returns why {@code value} is not a valid name, or {@code null} when it is.
   *
   * @param what how the value is called in the message, e.g. {@code "taskTrackerNodeGroup"}
   */
  public static String problem(String what, String value) {
    if (value == null || value.isBlank()) {
      return what + ": must not be empty";
    }
    if (value.length() > MAX_LENGTH) {
      return what + ": must be at most " + MAX_LENGTH + " characters, got " + value.length();
    }
    if (!ALLOWED.matcher(value).matches()) {
      return what + ": '" + value + "' may only contain letters, digits, '_', '-' and '.'";
    }
    return null;
  }

  /** Throws {@link IllegalArgumentException} with {@link #problem}'s message when invalid. */
  public static String require(String what, String value) {
    String problem = problem(what, value);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
    return value;
  }
}
