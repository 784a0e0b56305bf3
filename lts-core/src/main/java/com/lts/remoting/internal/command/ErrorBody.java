package com.lts.remoting.internal.command;

/** The body of every error response: what went wrong on the peer. */
public class ErrorBody {

  private String message;

  public ErrorBody() {}

  public ErrorBody(String message) {
    this.message = message;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }
}
