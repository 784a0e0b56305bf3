package com.lts.admin.web;

/** Who may call a route. */
public enum Access {
  /** Anyone, logged in or not (login, health). */
  PUBLIC,
  /** Any logged-in user. */
  VIEW,
  /** A logged-in admin, with the session's CSRF token. */
  CHANGE,
  /** A logged-in admin reading what only admins see (the audit trail); a GET needs no token. */
  ADMIN
}
