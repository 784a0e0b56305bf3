package com.lts.remoting.internal.protocol;

import com.lts.remoting.ResponseStatus;
import com.lts.remoting.internal.command.CommandCode;
import com.lts.remoting.internal.command.ErrorBody;
import java.util.Objects;

/**
 * One decoded frame. The body is an instance of the class the command code names: the request class
 * for requests and one-way messages, the response class for successful responses, and {@link
 * ErrorBody} for error responses.
 */
public final class RemotingMessage {

  private final FrameKind kind;
  private final CommandCode command;
  private final ResponseStatus status;
  private final short flags;
  private final long requestId;
  private final Object body;

  public RemotingMessage(
      FrameKind kind,
      CommandCode command,
      ResponseStatus status,
      short flags,
      long requestId,
      Object body) {
    this.kind = Objects.requireNonNull(kind, "kind");
    this.command = Objects.requireNonNull(command, "command");
    this.status = Objects.requireNonNull(status, "status");
    this.flags = flags;
    this.requestId = requestId;
    this.body = body;
  }

  public static RemotingMessage request(CommandCode command, long requestId, Object body) {
    return new RemotingMessage(
        FrameKind.REQUEST, command, ResponseStatus.SUCCESS, (short) 0, requestId, body);
  }

  public static RemotingMessage oneWay(CommandCode command, Object body) {
    return new RemotingMessage(
        FrameKind.ONE_WAY, command, ResponseStatus.SUCCESS, (short) 0, 0L, body);
  }

  /** The successful answer to {@code request}. */
  public static RemotingMessage response(RemotingMessage request, Object body) {
    return new RemotingMessage(
        FrameKind.RESPONSE,
        request.command,
        ResponseStatus.SUCCESS,
        (short) 0,
        request.requestId,
        body);
  }

  /** An error answer to {@code request}. */
  public static RemotingMessage error(
      RemotingMessage request, ResponseStatus status, String message) {
    if (status == ResponseStatus.SUCCESS) {
      throw new IllegalArgumentException("An error response needs an error status");
    }
    return new RemotingMessage(
        FrameKind.RESPONSE,
        request.command,
        status,
        (short) 0,
        request.requestId,
        new ErrorBody(message));
  }

  public FrameKind kind() {
    return kind;
  }

  public CommandCode command() {
    return command;
  }

  public ResponseStatus status() {
    return status;
  }

  public short flags() {
    return flags;
  }

  public long requestId() {
    return requestId;
  }

  public Object body() {
    return body;
  }

  public boolean isRequest() {
    return kind == FrameKind.REQUEST;
  }

  public boolean isResponse() {
    return kind == FrameKind.RESPONSE;
  }

  public boolean isOneWay() {
    return kind == FrameKind.ONE_WAY;
  }

  /** The class the body of this frame must have, given its kind, command and status. */
  public static Class<?> bodyType(FrameKind kind, CommandCode command, ResponseStatus status) {
    if (kind != FrameKind.RESPONSE) {
      return command.requestType();
    }
    return status == ResponseStatus.SUCCESS ? command.responseType() : ErrorBody.class;
  }

  @Override
  public String toString() {
    return kind
        + " "
        + command
        + (kind == FrameKind.RESPONSE ? " " + status : "")
        + " #"
        + requestId;
  }
}
