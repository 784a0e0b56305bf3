package com.lts.admin.audit;

import java.util.Map;

/**
 * One change someone asked LTS Admin to make, and how it ended.
 *
 * @param time when it was answered, epoch ms
 * @param user who asked: the logged-in user, the name tried at a login, or {@code -}
 * @param address the client's address as Admin's HTTP server saw it
 * @param action what was asked, e.g. {@code job.suspend}, {@code login}, {@code nodeGroup.add}
 * @param target what it was asked of: path variables and identifying fields (never a password,
 *     token or cookie)
 * @param status the HTTP status answered (0 when the client went away first)
 * @param outcome {@code DONE} (2xx), {@code REFUSED} (4xx) or {@code FAILED} (5xx, or no answer)
 * @param message the error message answered, empty when done
 */
public record AuditEntry(
    long time,
    String user,
    String address,
    String action,
    Map<String, String> target,
    int status,
    String outcome,
    String message) {

  public AuditEntry {
    target = Map.copyOf(target);
  }

  /** The outcome of an HTTP status. */
  public static String outcome(int status) {
    if (status >= 200 && status < 300) {
      return "DONE";
    }
    return status >= 400 && status < 500 ? "REFUSED" : "FAILED";
  }
}
