package com.lts.core.domain;

/** The codes a {@link Response} carries, as LTS users know them. */
public final class ResponseCode {

  /** No JobTracker could be reached. */
  public static final String JOB_TRACKER_NOT_FOUND = "11";

  /** No JobTracker took the jobs; they are kept in the local FailStore and re-sent later. */
  public static final String SUBMIT_FAILED_AND_SAVE_FOR_LATER = "12";

  /** The request was refused because a field is invalid; the message names it. */
  public static final String REQUEST_FIELD_CHECK_ERROR = "13";

  /** The submit rate limit was hit; the jobs are kept in the local FailStore and re-sent later. */
  public static final String SUBMIT_TOO_BUSY_AND_SAVE_FOR_LATER = "14";

  /**
   * More submits than {@code job.submit.maxQPS} allows, for longer than {@code
   * job.submit.lock.acquire.timeout}; nothing was sent.
   */
  public static final String SUBMIT_TOO_BUSY = "16";

  /** An unexpected error; the message says what happened. */
  public static final String SYSTEM_ERROR = "15";

  public static final String JOB_RECEIVE_SUCCESS = "JOB_RECEIVE_SUCCESS";
  public static final String JOB_RECEIVE_FAILED = "JOB_RECEIVE_FAILED";
  public static final String JOB_CANCEL_SUCCESS = "JOB_CANCEL_SUCCESS";
  public static final String JOB_CANCEL_FAILED = "JOB_CANCEL_FAILED";

  private ResponseCode() {}

  /**
   * The code as its constant's name, with the number LTS gave it, e.g. {@code
   * REQUEST_FIELD_CHECK_ERROR(13)} for {@code "13"}; a code this class does not know as it is.
   */
  public static String describe(String code) {
    if (code == null) {
      return "null";
    }
    return switch (code) {
      case JOB_TRACKER_NOT_FOUND -> "JOB_TRACKER_NOT_FOUND(" + code + ")";
      case SUBMIT_FAILED_AND_SAVE_FOR_LATER -> "SUBMIT_FAILED_AND_SAVE_FOR_LATER(" + code + ")";
      case REQUEST_FIELD_CHECK_ERROR -> "REQUEST_FIELD_CHECK_ERROR(" + code + ")";
      case SUBMIT_TOO_BUSY_AND_SAVE_FOR_LATER -> "SUBMIT_TOO_BUSY_AND_SAVE_FOR_LATER(" + code + ")";
      case SUBMIT_TOO_BUSY -> "SUBMIT_TOO_BUSY(" + code + ")";
      case SYSTEM_ERROR -> "SYSTEM_ERROR(" + code + ")";
      default -> code;
    };
  }
}
