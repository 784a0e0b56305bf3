package com.lts.admin.web;

import com.lts.core.LtsException;

/** A request Admin refuses: answered with its HTTP status and message, never a stack trace. */
public class ApiException extends LtsException {

  private final int status;

  public ApiException(int status, String message) {
    super(message);
    this.status = status;
  }

  public int status() {
    return status;
  }

  public static ApiException badRequest(String message) {
    return new ApiException(400, message);
  }

  public static ApiException notFound(String message) {
    return new ApiException(404, message);
  }
}
