package com.lts.remoting;

import com.lts.core.cluster.NodeType;
import com.lts.core.domain.Action;
import com.lts.core.domain.BizLog;
import com.lts.core.domain.Job;
import com.lts.core.domain.JobMeta;
import com.lts.core.domain.JobResult;
import com.lts.core.domain.JobRunResult;
import com.lts.core.domain.OperationResult;
import com.lts.core.domain.OperationStatus;
import com.lts.core.domain.Response;
import com.lts.remoting.internal.command.Ack;
import com.lts.remoting.internal.command.BizLogSendRequest;
import com.lts.remoting.internal.command.HandshakeChallenge;
import com.lts.remoting.internal.command.HandshakeRequest;
import com.lts.remoting.internal.command.HandshakeResponse;
import com.lts.remoting.internal.command.HeartBeatRequest;
import com.lts.remoting.internal.command.JobCancelRequest;
import com.lts.remoting.internal.command.JobCompletedRequest;
import com.lts.remoting.internal.command.JobCompletedResponse;
import com.lts.remoting.internal.command.JobFeedbackRequest;
import com.lts.remoting.internal.command.JobFeedbackResponse;
import com.lts.remoting.internal.command.JobOperationRequest;
import com.lts.remoting.internal.command.JobOperationResponse;
import com.lts.remoting.internal.command.JobPullRequest;
import com.lts.remoting.internal.command.JobPushRequest;
import com.lts.remoting.internal.command.JobPushResponse;
import com.lts.remoting.internal.command.JobSubmitRequest;
import com.lts.remoting.internal.command.JobTerminateRequest;
import com.lts.remoting.internal.command.JobTerminateResponse;
import com.lts.remoting.internal.command.LeaseRenewRequest;
import com.lts.remoting.internal.command.LeaseRenewResponse;
import com.lts.remoting.internal.command.LeasedJob;
import com.lts.remoting.internal.command.NodeStatsSendRequest;
import java.util.List;
import java.util.Map;

/** A filled-in body of every class the protocol carries, so round trips test every field. */
public final class SampleBodies {

  private SampleBodies() {}

  public static Job job(String taskId) {
    Job job = new Job();
    job.setTaskId(taskId);
    job.setTaskTrackerNodeGroup("tt-group");
    job.setSubmitNodeGroup("jc-group");
    job.setParam("shop", "42");
    job.setPriority(7);
    job.setCronExpression("0 0/5 * * * ?");
    job.setMaxRetryTimes(3);
    job.setNeedFeedback(true);
    return job;
  }

  public static JobMeta jobMeta(String jobId) {
    JobMeta meta = new JobMeta(jobId, 3, job("task-" + jobId));
    meta.setRetryTimes(1);
    meta.setRepeatedCount(2);
    meta.setTriggerTime(1_700_000_000_000L);
    return meta;
  }

  public static JobRunResult runResult(String jobId) {
    return new JobRunResult(jobMeta(jobId), Action.EXECUTE_SUCCESS, "done", 10L, 20L);
  }

  public static BizLog bizLog() {
    BizLog log = new BizLog();
    log.setJobId("j1");
    log.setAttempt(2);
    log.setTaskId("t1");
    log.setTaskTrackerNodeGroup("tt-group");
    log.setTaskTrackerIdentity("tt-1");
    log.setLevel(BizLog.Level.INFO);
    log.setMsg("halfway");
    log.setLogTime(123L);
    return log;
  }

  /** A populated instance of {@code type}, one of the body classes of {@code CommandCode}. */
  public static Object of(Class<?> type) {
    if (type == Ack.class) {
      return new Ack();
    }
    if (type == HandshakeChallenge.class) {
      return new HandshakeChallenge("bm9uY2U=", "jt-1");
    }
    if (type == HandshakeRequest.class) {
      HandshakeRequest r = new HandshakeRequest();
      r.setIdentity("tt-1");
      r.setNodeType(NodeType.TASK_TRACKER);
      r.setNodeGroup("tt-group");
      r.setClientNonce("Y2xpZW50");
      r.setMac("bWFj");
      r.setServerAddress("10.0.0.5:35001");
      return r;
    }
    if (type == HandshakeResponse.class) {
      HandshakeResponse r = new HandshakeResponse();
      r.setIdentity("jt-1");
      r.setNodeType(NodeType.JOB_TRACKER);
      r.setNodeGroup("jt-group");
      r.setMac("c2VydmVy");
      return r;
    }
    if (type == HeartBeatRequest.class) {
      return new HeartBeatRequest(99L);
    }
    if (type == JobSubmitRequest.class) {
      return new JobSubmitRequest(List.of(job("a"), job("b")));
    }
    if (type == Response.class) {
      return Response.failure("JOB_RECEIVE_FAILED", "b is a duplicate", List.of(job("b")));
    }
    if (type == JobCancelRequest.class) {
      return new JobCancelRequest("a", "tt-group");
    }
    if (type == JobPullRequest.class) {
      return new JobPullRequest("tt-1", "tt-group", 5);
    }
    if (type == JobPushRequest.class) {
      return new JobPushRequest(List.of(jobMeta("j1"), jobMeta("j2")));
    }
    if (type == JobPushResponse.class) {
      return new JobPushResponse(List.of("j2"));
    }
    if (type == JobCompletedRequest.class) {
      return new JobCompletedRequest(List.of(runResult("j1")), 4);
    }
    if (type == JobCompletedResponse.class) {
      return new JobCompletedResponse(List.of(runResult("j1")), List.of(jobMeta("j3")));
    }
    if (type == BizLogSendRequest.class) {
      return new BizLogSendRequest(List.of(bizLog()));
    }
    if (type == JobFeedbackRequest.class) {
      return new JobFeedbackRequest(
          List.of(new JobResult(job("a"), Action.EXECUTE_FAILED, "boom", 77L)));
    }
    if (type == JobFeedbackResponse.class) {
      return new JobFeedbackResponse(1, List.of("b"));
    }
    if (type == NodeStatsSendRequest.class) {
      return new NodeStatsSendRequest(
          List.of(
              new NodeStatsSendRequest.Row(
                  1_700_000_040_000L,
                  new java.util.HashMap<>(Map.of("lts.jobs.run{action=EXECUTE_SUCCESS}", 12.0)))));
    }
    if (type == LeaseRenewRequest.class) {
      return new LeaseRenewRequest("tt-1", List.of(new LeasedJob("j1", 3)));
    }
    if (type == LeaseRenewResponse.class) {
      return new LeaseRenewResponse(List.of("j1"));
    }
    if (type == JobOperationRequest.class) {
      JobOperationRequest r = new JobOperationRequest("j1", "a", "tt-group");
      r.setJob(job("a"));
      r.setExpectedVersion(4L);
      return r;
    }
    if (type == JobOperationResponse.class) {
      return JobOperationResponse.of(
          new OperationResult(OperationStatus.REFUSED, "a is running on tt-1", "j1"));
    }
    if (type == JobTerminateRequest.class) {
      return new JobTerminateRequest("j1", 2, "ops");
    }
    if (type == JobTerminateResponse.class) {
      return new JobTerminateResponse(true);
    }
    throw new IllegalArgumentException("No sample body for " + type);
  }
}
