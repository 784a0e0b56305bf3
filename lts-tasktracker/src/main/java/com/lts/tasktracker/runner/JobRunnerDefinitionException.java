package com.lts.tasktracker.runner;

import com.lts.core.LtsException;

/** A JobRunner class cannot be used: it cannot be instantiated, or implements no {@code run}. */
public class JobRunnerDefinitionException extends LtsException {

  public JobRunnerDefinitionException(String message) {
    super(message);
  }

  public JobRunnerDefinitionException(String message, Throwable cause) {
    super(message, cause);
  }
}
