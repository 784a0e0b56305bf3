package com.lts.admin.api;

import com.lts.admin.web.ApiException;
import com.lts.core.cluster.Names;
import com.lts.core.domain.Job;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** Checks of query parameters: each bad value is refused with what was expected. */
final class Params {

  private static final Pattern CURSOR = Pattern.compile("[A-Za-z0-9_:.\\-]{1,200}");

  private Params() {}

  /** A node group name, or null. */
  static String group(String name, String value) {
    if (value == null) {
      return null;
    }
    String problem = Names.problem(name, value);
    if (problem != null) {
      throw ApiException.badRequest(problem);
    }
    return value;
  }

  static String taskId(String value) {
    if (value != null && value.length() > Job.MAX_TASK_ID_LENGTH) {
      throw ApiException.badRequest(
          "taskId: must be at most " + Job.MAX_TASK_ID_LENGTH + " characters");
    }
    return value;
  }

  static String cursor(String value) {
    if (value != null && !CURSOR.matcher(value).matches()) {
      throw ApiException.badRequest("cursor: not a cursor this API gave out");
    }
    return value;
  }

  /** Epoch milliseconds, or an ISO-8601 instant such as 2026-01-31T12:00:00Z; null when absent. */
  static Long time(String name, String value) {
    if (value == null) {
      return null;
    }
    if (value.matches("\\d{1,15}")) {
      return Long.parseLong(value);
    }
    try {
      return Instant.parse(value).toEpochMilli();
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest(
          name
              + ": '"
              + value
              + "' is neither epoch milliseconds nor an instant like 2026-01-31T12:00:00Z");
    }
  }

  static int limit(String value, int defaultValue, int max) {
    if (value == null) {
      return defaultValue;
    }
    if (!value.matches("\\d{1,6}")
        || Integer.parseInt(value) < 1
        || Integer.parseInt(value) > max) {
      throw ApiException.badRequest("limit: must be a whole number from 1 to " + max);
    }
    return Integer.parseInt(value);
  }

  /** A store job id as the store gives them out. */
  static String jobId(String value) {
    if (value == null || !CURSOR.matcher(value).matches()) {
      throw ApiException.badRequest("jobId: '" + value + "' is not a job id");
    }
    return value;
  }
}
