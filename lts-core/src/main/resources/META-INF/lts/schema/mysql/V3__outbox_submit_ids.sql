-- LTS job store, version 3 (MySQL 8 / MariaDB 10.6+): the feedback queue becomes an outbox written
-- in the transaction that completes a job (each entry names its job, so a JobClient's
-- acknowledgement deletes it, and old entries are pruned by age); submit ids recorded with each
-- stored job, so a re-sent submit is recognised after its job finished. As in V2, the migrator
-- skips "duplicate column name" / "duplicate key name" when a crashed start reruns this script.
ALTER TABLE lts_feedback ADD COLUMN job_id VARCHAR(32);
ALTER TABLE lts_feedback ADD KEY idx_lts_feedback_job (job_client_node_group, job_id);
ALTER TABLE lts_feedback ADD KEY idx_lts_feedback_created (created, id);
CREATE TABLE IF NOT EXISTS lts_submit_id (
  submit_id VARCHAR(64) NOT NULL PRIMARY KEY,
  job_id VARCHAR(32) NOT NULL,
  created BIGINT NOT NULL,
  KEY idx_lts_submit_id_created (created)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
