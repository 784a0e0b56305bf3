package com.lts.remoting.internal.command;

import com.lts.core.domain.Response;

/**
 * Every command of the protocol: its code on the wire and the one class its request body and its
 * response body have. No class name ever travels; the receiver reads the body as the class named
 * here. Internal commands are answered by the remoting layer itself, never by a processor.
 */
public enum CommandCode {
  /** Server to client, one-way, right after connect: the server's nonce. */
  HANDSHAKE_CHALLENGE(1, HandshakeChallenge.class, Ack.class, true),
  /** Client to server: identity and proof of the cluster token; the server proves it back. */
  HANDSHAKE(2, HandshakeRequest.class, HandshakeResponse.class, true),
  /** Either way: keeps an idle connection alive (one-way) or checks the peer (request). */
  HEART_BEAT(10, HeartBeatRequest.class, Ack.class, true),
  /** JobClient to JobTracker: new jobs. */
  SUBMIT_JOB(11, JobSubmitRequest.class, Response.class, false),
  /** JobTracker to TaskTracker: jobs to run now. */
  PUSH_JOB(13, JobPushRequest.class, JobPushResponse.class, false),
  /** TaskTracker to JobTracker: results, and how many new jobs it can take in return. */
  JOB_COMPLETED(14, JobCompletedRequest.class, JobCompletedResponse.class, false),
  /** TaskTracker to JobTracker: it has free threads; jobs come back as PUSH_JOB. */
  JOB_PULL(16, JobPullRequest.class, Ack.class, false),
  /** TaskTracker to JobTracker: business log lines written by job runners. */
  BIZ_LOG_SEND(17, BizLogSendRequest.class, Ack.class, false),
  /** JobClient to JobTracker: cancel a waiting job. */
  CANCEL_JOB(18, JobCancelRequest.class, Response.class, false),
  /** JobTracker to JobClient: outcomes of jobs that asked for feedback. */
  JOB_FEEDBACK(20, JobFeedbackRequest.class, JobFeedbackResponse.class, false),
  /** TaskTracker to JobTracker: still running these dispatches. */
  LEASE_RENEW(21, LeaseRenewRequest.class, LeaseRenewResponse.class, false),
  /** Operator to JobTracker: pause a waiting job or a schedule. */
  SUSPEND_JOB(22, JobOperationRequest.class, JobOperationResponse.class, false),
  /** Operator to JobTracker: undo SUSPEND_JOB. */
  RESUME_JOB(23, JobOperationRequest.class, JobOperationResponse.class, false),
  /** Operator to JobTracker: make a waiting job due now, or run a schedule once more now. */
  TRIGGER_JOB_NOW(24, JobOperationRequest.class, JobOperationResponse.class, false),
  /** Operator to JobTracker: new fields for a job or schedule that is not running. */
  UPDATE_JOB(25, JobOperationRequest.class, JobOperationResponse.class, false),
  /** Operator to JobTracker: remove a job, or a schedule with its waiting instances. */
  DELETE_JOB(26, JobOperationRequest.class, JobOperationResponse.class, false),
  /** JobClient or TaskTracker to JobTracker: its statistics of the last intervals. */
  NODE_STATS_SEND(27, NodeStatsSendRequest.class, Ack.class, false),
  /** Operator to JobTracker: stop the run in progress of a job. */
  TERMINATE_JOB(28, JobOperationRequest.class, JobOperationResponse.class, false),
  /** JobTracker to the TaskTracker running a job: interrupt that run. */
  TERMINATE_RUN(29, JobTerminateRequest.class, JobTerminateResponse.class, false),
  /** Operator to JobTracker: run a dead letter again. */
  RETRY_DEAD_JOB(30, JobOperationRequest.class, JobOperationResponse.class, false);

  private final short code;
  private final Class<?> requestType;
  private final Class<?> responseType;
  private final boolean internal;

  CommandCode(int code, Class<?> requestType, Class<?> responseType, boolean internal) {
    this.code = (short) code;
    this.requestType = requestType;
    this.responseType = responseType;
    this.internal = internal;
  }

  public short code() {
    return code;
  }

  public Class<?> requestType() {
    return requestType;
  }

  public Class<?> responseType() {
    return responseType;
  }

  /** Handled by the remoting layer itself; no processor can be registered for it. */
  public boolean isInternal() {
    return internal;
  }

  /** The command sent as {@code code}, or null. */
  public static CommandCode fromCode(short code) {
    for (CommandCode command : values()) {
      if (command.code == code) {
        return command;
      }
    }
    return null;
  }
}
