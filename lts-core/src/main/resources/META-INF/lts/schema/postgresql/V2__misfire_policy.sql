-- LTS job store, version 2 (PostgreSQL): each schedule's misfire policy, and the index the timing
-- wheel's "which jobs are due between two instants" query reads. Idempotent, like V1. Adding a
-- column with a constant default does not rewrite the table (PostgreSQL 11+).
ALTER TABLE lts_job ADD COLUMN IF NOT EXISTS misfire_policy VARCHAR(16) DEFAULT 'FIRE_ONCE_NOW' NOT NULL;
CREATE INDEX IF NOT EXISTS idx_lts_job_due ON lts_job (state, trigger_time, task_tracker_node_group);
