-- LTS job store, version 2 (MySQL 8 / MariaDB 10.6+): each schedule's misfire policy, and the index
-- the timing wheel's "which jobs are due between two instants" query reads. MySQL has no ADD COLUMN
-- IF NOT EXISTS; the migrator skips a statement that fails with "duplicate column name" or
-- "duplicate key name", so a start that crashed half-way can rerun this script.
ALTER TABLE lts_job ADD COLUMN misfire_policy VARCHAR(16) NOT NULL DEFAULT 'FIRE_ONCE_NOW';
ALTER TABLE lts_job ADD KEY idx_lts_job_due (state, trigger_time, task_tracker_node_group);
