package com.lts.core.store;

/**
 * Where a stored job is in its life. A row changes state only through one conditional write; a
 * finished or cancelled job's row is deleted.
 *
 * <pre>
 *   submit ─▶ EXECUTABLE ──claim──▶ EXECUTING ──complete──▶ (deleted)
 *                ▲  │  ▲               │
 *                │  │  └─retry/release/lease expiry─┘
 *        resume  │  ▼ suspend
 *             SUSPENDED ◀──suspend── SCHEDULED (cron/repeat definitions) ◀─ submit
 * </pre>
 */
public enum JobState {
  /** Waiting for its trigger time and a TaskTracker. */
  EXECUTABLE,
  /** Claimed by a TaskTracker under a lease. */
  EXECUTING,
  /** A cron or repeat definition that creates instances. */
  SCHEDULED,
  /** Paused by an operator; neither claimed nor scheduled until resumed. */
  SUSPENDED
}
