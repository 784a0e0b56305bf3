-- LTS job store, version 4 (MySQL 8 / MariaDB 10.6+): dead letters, the jobs whose retries were used up,
-- written in the transaction that removes the job, browsed by job id, by group and taskId, and
-- pruned by age; and the cluster settings an operator changes at run time.
CREATE TABLE IF NOT EXISTS lts_dead_job (
  job_id VARCHAR(32) NOT NULL PRIMARY KEY,
  task_tracker_node_group VARCHAR(64) NOT NULL,
  task_id VARCHAR(64) NOT NULL,
  job MEDIUMTEXT NOT NULL,
  schedule_job_id VARCHAR(32),
  attempt BIGINT NOT NULL,
  retry_times INT NOT NULL,
  action VARCHAR(32) NOT NULL,
  msg TEXT,
  dead_time BIGINT NOT NULL,
  KEY idx_lts_dead_job_task (task_tracker_node_group, task_id, dead_time),
  KEY idx_lts_dead_job_time (dead_time)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
-- Cluster settings an operator changes at run time (LTS Admin's alert rules): name, value, who, when.
CREATE TABLE IF NOT EXISTS lts_setting (
  name VARCHAR(128) NOT NULL PRIMARY KEY,
  setting_value VARCHAR(4000) NOT NULL,
  modified BIGINT NOT NULL,
  modified_by VARCHAR(128)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
-- Finding a job by taskId without its group (LTS Admin's search): without it, a search over a big
-- queue reads the queue in job id order. A rerun after a crash skips "duplicate key name".
ALTER TABLE lts_job ADD KEY idx_lts_job_task (task_id, job_id);
