package com.lts.tasktracker.runner;

/**
 * A {@link JobRunner} that can be told to stop: when an operator terminates its run (LTS Admin's
 * "terminate", {@code JobOperations.terminate}), {@link #interrupt()} is called on another thread,
 * besides the run's thread being interrupted. Make {@code run} notice and return soon; whatever it
 * returns, the run is recorded as {@code EXECUTE_FAILED} ("terminated by ...") and not retried.
 */
public interface InterruptibleJobRunner extends JobRunner {

  /** Asks the run in progress to stop; called at most once per run, from another thread. */
  void interrupt();
}
