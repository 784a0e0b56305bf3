package com.lts.core.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * The answer to a JobClient call: whether it succeeded, a code from {@link ResponseCode}, a
 * message, and the jobs that were not accepted.
 */
public class Response {

  private boolean success;
  private String code;
  private String msg;
  private List<Job> failedJobs;

  public Response() {}

  public Response(boolean success, String code, String msg) {
    this.success = success;
    this.code = code;
    this.msg = msg;
  }

  public static Response success(String code, String msg) {
    return new Response(true, code, msg);
  }

  public static Response failure(String code, String msg, List<Job> failedJobs) {
    Response response = new Response(false, code, msg);
    response.setFailedJobs(failedJobs);
    return response;
  }

  public boolean isSuccess() {
    return success;
  }

  public void setSuccess(boolean success) {
    this.success = success;
  }

  public String getCode() {
    return code;
  }

  public void setCode(String code) {
    this.code = code;
  }

  public String getMsg() {
    return msg;
  }

  public void setMsg(String msg) {
    this.msg = msg;
  }

  /** The jobs that were not accepted; never null. */
  public List<Job> getFailedJobs() {
    return failedJobs == null ? List.of() : failedJobs;
  }

  public void setFailedJobs(List<Job> failedJobs) {
    this.failedJobs = failedJobs == null ? null : new ArrayList<>(failedJobs);
  }

  @Override
  public String toString() {
    return "Response{success="
        + success
        + ", code='"
        + code
        + "', msg='"
        + msg
        + "'"
        + (failedJobs == null || failedJobs.isEmpty() ? "" : ", failedJobs=" + failedJobs.size())
        + "}";
  }
}
