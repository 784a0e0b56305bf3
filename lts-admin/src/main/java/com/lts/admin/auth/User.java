package com.lts.admin.auth;

/** A user who may log in, with the BCrypt hash of their password. */
public record User(String name, Role role, String passwordHash) {

  @Override
  public String toString() {
    return name + " (" + role.id() + ")";
  }
}
