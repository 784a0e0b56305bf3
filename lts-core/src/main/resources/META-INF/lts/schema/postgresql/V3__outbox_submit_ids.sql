-- LTS job store, version 3 (PostgreSQL): the feedback queue becomes an outbox written in the
-- transaction that completes a job (each entry names its job, so a JobClient's acknowledgement
-- deletes it, and old entries are pruned by age); submit ids recorded with each stored job, so a
-- re-sent submit is recognised after its job finished. Idempotent, like V1.
ALTER TABLE lts_feedback ADD COLUMN IF NOT EXISTS job_id VARCHAR(32);
CREATE INDEX IF NOT EXISTS idx_lts_feedback_job ON lts_feedback (job_client_node_group, job_id);
CREATE INDEX IF NOT EXISTS idx_lts_feedback_created ON lts_feedback (created, id);
CREATE TABLE IF NOT EXISTS lts_submit_id (
  submit_id VARCHAR(64) NOT NULL PRIMARY KEY,
  job_id VARCHAR(32) NOT NULL,
  created BIGINT NOT NULL
);
CREATE INDEX IF NOT EXISTS idx_lts_submit_id_created ON lts_submit_id (created);
