package com.lts.core;

import com.lts.core.event.FailureKind;

/**
 * Root of every exception LTS throws. Unchecked: callers handle what they can and let the rest
 * reach a thread root, where it is logged and counted. Messages say what was tried and how to fix
 * it; causes are always chained.
 */
public class LtsException extends RuntimeException {

  public LtsException(String message) {
    super(message);
  }

  public LtsException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * What kind of failure this is for the background work it stopped: expected and transient (the
   * store, the registry or another node unreachable), or {@link FailureKind#UNEXPECTED}.
   */
  public FailureKind failureKind() {
    return FailureKind.UNEXPECTED;
  }
}
