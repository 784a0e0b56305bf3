package com.lts.admin.auth;

import java.util.Locale;

/** What a user of LTS Admin may do. */
public enum Role {
  /** Sees everything and changes jobs and node groups. */
  ADMIN,
  /** Sees everything, changes nothing. */
  VIEWER;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The role named {@code text} (admin or viewer), or null. */
  static Role parse(String text) {
    for (Role role : values()) {
      if (role.id().equals(text.trim().toLowerCase(Locale.ROOT))) {
        return role;
      }
    }
    return null;
  }
}
