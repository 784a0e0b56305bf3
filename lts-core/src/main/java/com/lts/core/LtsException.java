package com.lts.core;

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
}
