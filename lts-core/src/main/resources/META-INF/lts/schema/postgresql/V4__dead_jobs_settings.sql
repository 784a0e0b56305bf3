-- LTS job store, version 4 (PostgreSQL): dead letters, the jobs whose retries were used up,
-- written in the transaction that removes the job, browsed by job id, by group and taskId, and
-- pruned by age; and the cluster settings an operator changes at run time.
-- Idempotent, like V1.
CREATE TABLE IF NOT EXISTS lts_dead_job (
  job_id VARCHAR(32) NOT NULL PRIMARY KEY,
  task_tracker_node_group VARCHAR(64) NOT NULL,
  task_id VARCHAR(64) NOT NULL,
  job TEXT NOT NULL,
  schedule_job_id VARCHAR(32),
  attempt BIGINT NOT NULL,
  retry_times INT NOT NULL,
  action VARCHAR(32) NOT NULL,
  msg VARCHAR(4000),
  dead_time BIGINT NOT NULL
);
CREATE INDEX IF NOT EXISTS idx_lts_dead_job_task ON lts_dead_job (task_tracker_node_group, task_id, dead_time);
CREATE INDEX IF NOT EXISTS idx_lts_dead_job_time ON lts_dead_job (dead_time);
-- Cluster settings an operator changes at run time (LTS Admin's alert rules): name, value, who, when.
CREATE TABLE IF NOT EXISTS lts_setting (
  name VARCHAR(128) NOT NULL PRIMARY KEY,
  setting_value VARCHAR(4000) NOT NULL,
  modified BIGINT NOT NULL,
  modified_by VARCHAR(128)
);
-- Finding a job by taskId without its group (LTS Admin's search): without it, a search over a big
-- queue reads the queue in job id order.
CREATE INDEX IF NOT EXISTS idx_lts_job_task ON lts_job (task_id, job_id);
