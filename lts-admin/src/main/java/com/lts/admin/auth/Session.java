package com.lts.admin.auth;

/**
 * One login.
 *
 * @param id the secret in the session cookie
 * @param csrfToken what every change must send back in the {@code X-CSRF-Token} header
 */
public record Session(String id, User user, String csrfToken) {

  public boolean mayChange() {
    return user.role() == Role.ADMIN;
  }

  /** The user only: the id and the CSRF token are secrets and never go into a log line. */
  @Override
  public String toString() {
    return "Session of " + user;
  }
}
