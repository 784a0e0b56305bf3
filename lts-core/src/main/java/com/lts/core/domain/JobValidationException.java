package com.lts.core.domain;

import com.lts.core.LtsException;
import java.util.List;

/**
 * A job was refused because one or more of its fields are invalid; each problem names its field.
 */
public class JobValidationException extends LtsException {

  private final List<String> problems;

  public JobValidationException(String taskId, List<String> problems) {
    super(
        "Invalid job"
            + (taskId == null || taskId.isBlank() ? "" : " '" + taskId + "'")
            + ": "
            + String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  /** One entry per invalid field, each starting with the field's name. */
  public List<String> getProblems() {
    return problems;
  }
}
