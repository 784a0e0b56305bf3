package com.lts.tasktracker.runner;

import com.lts.core.domain.JobMeta;

/**
 * Makes the {@link JobRunner} for one run; e.g. looks it up in a dependency injection container.
 */
@FunctionalInterface
public interface RunnerFactory {

  JobRunner newRunner(JobMeta jobMeta);
}
