-- LTS job store, version 1 (MySQL 8 / MariaDB 10.6+). One row per job, schedule or schedule
-- instance; its state column is the queue it is in. Indexes are declared inside CREATE TABLE
-- (MySQL has no CREATE INDEX IF NOT EXISTS), so every statement is idempotent. Binary collation:
-- task ids are case-sensitive, as in Java.
CREATE TABLE IF NOT EXISTS lts_job (
  job_id VARCHAR(32) NOT NULL PRIMARY KEY,
  kind VARCHAR(16) NOT NULL,
  state VARCHAR(16) NOT NULL,
  job_type VARCHAR(16) NOT NULL,
  task_id VARCHAR(64) NOT NULL,
  task_tracker_node_group VARCHAR(64) NOT NULL,
  schedule_time BIGINT NOT NULL,
  schedule_job_id VARCHAR(32),
  submit_node_group VARCHAR(64),
  priority INT NOT NULL,
  trigger_time BIGINT NOT NULL,
  cron_expression VARCHAR(128),
  repeat_count INT NOT NULL,
  repeat_interval BIGINT,
  repeated_count INT NOT NULL,
  max_retry_times INT NOT NULL,
  retry_times INT NOT NULL,
  need_feedback BOOLEAN NOT NULL,
  rely_on_prev_cycle BOOLEAN NOT NULL,
  params MEDIUMTEXT,
  attempt BIGINT NOT NULL,
  version BIGINT NOT NULL,
  task_tracker_identity VARCHAR(128),
  lease_deadline BIGINT,
  created BIGINT NOT NULL,
  modified BIGINT NOT NULL,
  UNIQUE KEY uk_lts_job_key (task_tracker_node_group, task_id, schedule_time),
  KEY idx_lts_job_claim (task_tracker_node_group, state, priority, trigger_time, job_id),
  KEY idx_lts_job_state (state, job_id),
  KEY idx_lts_job_group_state (task_tracker_node_group, state, job_id),
  KEY idx_lts_job_lease (state, lease_deadline),
  KEY idx_lts_job_schedule (schedule_job_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE IF NOT EXISTS lts_feedback (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  job_client_node_group VARCHAR(64) NOT NULL,
  job_result MEDIUMTEXT NOT NULL,
  created BIGINT NOT NULL,
  KEY idx_lts_feedback_group (job_client_node_group, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE IF NOT EXISTS lts_node_group (
  node_type VARCHAR(16) NOT NULL,
  name VARCHAR(64) NOT NULL,
  created BIGINT NOT NULL,
  PRIMARY KEY (node_type, name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE IF NOT EXISTS lts_job_log (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  log_time BIGINT NOT NULL,
  job_id VARCHAR(32),
  task_tracker_node_group VARCHAR(64),
  task_id VARCHAR(64),
  attempt BIGINT NOT NULL,
  log_type VARCHAR(16) NOT NULL,
  level VARCHAR(8) NOT NULL,
  task_tracker_identity VARCHAR(128),
  msg TEXT,
  KEY idx_lts_job_log_job (job_id, id),
  KEY idx_lts_job_log_task (task_tracker_node_group, task_id, id),
  KEY idx_lts_job_log_time (log_time, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE IF NOT EXISTS lts_node_stats (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  node_identity VARCHAR(128) NOT NULL,
  node_type VARCHAR(16) NOT NULL,
  node_group VARCHAR(64),
  stat_minute BIGINT NOT NULL,
  stats TEXT NOT NULL,
  KEY idx_lts_node_stats_node (node_identity, stat_minute),
  KEY idx_lts_node_stats_minute (stat_minute)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
