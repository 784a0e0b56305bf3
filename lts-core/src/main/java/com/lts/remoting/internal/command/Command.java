package com.lts.remoting.internal.command;

import com.lts.core.domain.Response;

/**
 * A {@link CommandCode} with its body types as type parameters, so that calls and processors are
 * checked by the compiler: {@code channel.invokeSync(Command.SUBMIT_JOB, request)} returns a {@link
 * Response}.
 *
 * @param <Q> request body type
 * @param <R> response body type
 */
public final class Command<Q, R> {

  public static final Command<HeartBeatRequest, Ack> HEART_BEAT =
      new Command<>(CommandCode.HEART_BEAT, HeartBeatRequest.class, Ack.class);
  public static final Command<JobSubmitRequest, Response> SUBMIT_JOB =
      new Command<>(CommandCode.SUBMIT_JOB, JobSubmitRequest.class, Response.class);
  public static final Command<JobPushRequest, JobPushResponse> PUSH_JOB =
      new Command<>(CommandCode.PUSH_JOB, JobPushRequest.class, JobPushResponse.class);
  public static final Command<JobCompletedRequest, JobCompletedResponse> JOB_COMPLETED =
      new Command<>(
          CommandCode.JOB_COMPLETED, JobCompletedRequest.class, JobCompletedResponse.class);
  public static final Command<JobPullRequest, Ack> JOB_PULL =
      new Command<>(CommandCode.JOB_PULL, JobPullRequest.class, Ack.class);
  public static final Command<BizLogSendRequest, Ack> BIZ_LOG_SEND =
      new Command<>(CommandCode.BIZ_LOG_SEND, BizLogSendRequest.class, Ack.class);
  public static final Command<JobCancelRequest, Response> CANCEL_JOB =
      new Command<>(CommandCode.CANCEL_JOB, JobCancelRequest.class, Response.class);
  public static final Command<JobFeedbackRequest, JobFeedbackResponse> JOB_FEEDBACK =
      new Command<>(CommandCode.JOB_FEEDBACK, JobFeedbackRequest.class, JobFeedbackResponse.class);
  public static final Command<NodeStatsSendRequest, Ack> NODE_STATS_SEND =
      new Command<>(CommandCode.NODE_STATS_SEND, NodeStatsSendRequest.class, Ack.class);
  public static final Command<LeaseRenewRequest, LeaseRenewResponse> LEASE_RENEW =
      new Command<>(CommandCode.LEASE_RENEW, LeaseRenewRequest.class, LeaseRenewResponse.class);

  public static final Command<JobOperationRequest, JobOperationResponse> SUSPEND_JOB =
      operation(CommandCode.SUSPEND_JOB);
  public static final Command<JobOperationRequest, JobOperationResponse> RESUME_JOB =
      operation(CommandCode.RESUME_JOB);
  public static final Command<JobOperationRequest, JobOperationResponse> TRIGGER_JOB_NOW =
      operation(CommandCode.TRIGGER_JOB_NOW);
  public static final Command<JobOperationRequest, JobOperationResponse> UPDATE_JOB =
      operation(CommandCode.UPDATE_JOB);
  public static final Command<JobOperationRequest, JobOperationResponse> DELETE_JOB =
      operation(CommandCode.DELETE_JOB);
  public static final Command<JobOperationRequest, JobOperationResponse> TERMINATE_JOB =
      operation(CommandCode.TERMINATE_JOB);
  public static final Command<JobOperationRequest, JobOperationResponse> RETRY_DEAD_JOB =
      operation(CommandCode.RETRY_DEAD_JOB);
  public static final Command<JobTerminateRequest, JobTerminateResponse> TERMINATE_RUN =
      new Command<>(
          CommandCode.TERMINATE_RUN, JobTerminateRequest.class, JobTerminateResponse.class);

  private final CommandCode code;
  private final Class<Q> requestType;
  private final Class<R> responseType;

  private Command(CommandCode code, Class<Q> requestType, Class<R> responseType) {
    if (code.requestType() != requestType || code.responseType() != responseType) {
      throw new IllegalStateException("Body types of " + code + " do not match its code");
    }
    this.code = code;
    this.requestType = requestType;
    this.responseType = responseType;
  }

  private static Command<JobOperationRequest, JobOperationResponse> operation(CommandCode code) {
    return new Command<>(code, JobOperationRequest.class, JobOperationResponse.class);
  }

  public CommandCode code() {
    return code;
  }

  public Class<Q> requestType() {
    return requestType;
  }

  public Class<R> responseType() {
    return responseType;
  }

  @Override
  public String toString() {
    return code.toString();
  }
}
