package com.lts.core.domain;

import java.util.Objects;

/**
 * What a {@code JobRunner} returns: an {@link Action} and an optional message. A runner that
 * returns {@code null} is treated as {@link Action#EXECUTE_SUCCESS}.
 */
public final class Result {

  private final Action action;
  private final String msg;

  public Result() {
    this(Action.EXECUTE_SUCCESS, null);
  }

  public Result(Action action) {
    this(action, null);
  }

  public Result(Action action, String msg) {
    this.action = action == null ? Action.EXECUTE_SUCCESS : action;
    this.msg = msg;
  }

  public static Result success() {
    return new Result(Action.EXECUTE_SUCCESS);
  }

  public Action getAction() {
    return action;
  }

  public String getMsg() {
    return msg;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Result other && action == other.action && Objects.equals(msg, other.msg);
  }

  @Override
  public int hashCode() {
    return Objects.hash(action, msg);
  }

  @Override
  public String toString() {
    return "Result{" + action + (msg == null ? "" : ", msg='" + msg + "'") + "}";
  }
}
