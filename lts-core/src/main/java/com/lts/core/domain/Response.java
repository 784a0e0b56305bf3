package com.lts.core.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * The answer to a JobClient call: whether it succeeded, a code from {@link ResponseCode}, a
 * message, the jobs that were not accepted and, for jobs refused one by one, why.
 */
public class Response {

  private boolean success;
  private String code;
  private String msg;
  private List<Job> failedJobs;
  private List<JobRefusal> refusals;
  private List<String> warnings;

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

  /**
   * The jobs refused one by one, each with its reason, when a JobTracker stored the others of the
   * same request (code {@link ResponseCode#REQUEST_FIELD_CHECK_ERROR}); never null. Empty when
   * nothing was refused, or when a JobTracker of an older version refused the whole request.
   */
  public List<JobRefusal> getRefusals() {
    return refusals == null ? List.of() : refusals;
  }

  public void setRefusals(List<JobRefusal> refusals) {
    this.refusals = refusals == null || refusals.isEmpty() ? null : new ArrayList<>(refusals);
  }

  /**
   * What the JobTracker noticed about jobs it did accept, e.g. that no TaskTracker of their node
   * group is online so they wait until one joins; never null, empty when nothing was noticed.
   */
  public List<String> getWarnings() {
    return warnings == null ? List.of() : warnings;
  }

  public void setWarnings(List<String> warnings) {
    this.warnings = warnings == null || warnings.isEmpty() ? null : new ArrayList<>(warnings);
  }

  /** Adds {@code more} to the warnings, leaving out those already there. */
  public void addWarnings(List<String> more) {
    for (String warning : more) {
      if (warnings == null) {
        warnings = new ArrayList<>();
      }
      if (!warnings.contains(warning)) {
        warnings.add(warning);
      }
    }
  }

  @Override
  public String toString() {
    return "Response{success="
        + success
        + ", code="
        + ResponseCode.describe(code)
        + ", msg='"
        + msg
        + "'"
        + (failedJobs == null || failedJobs.isEmpty() ? "" : ", failedJobs=" + failedJobs.size())
        + (refusals == null ? "" : ", refusals=" + refusals.size())
        + (warnings == null ? "" : ", warnings=" + warnings)
        + "}";
  }
}
