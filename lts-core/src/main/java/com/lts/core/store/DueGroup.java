package com.lts.core.store;

/**
 * Executable jobs of one TaskTracker group that fall due at the same instant: one slot of the
 * JobTracker's timing wheel.
 *
 * @param taskTrackerNodeGroup the group that runs them
 * @param triggerTime when they are due, epoch ms
 * @param jobs how many executable jobs (one-time jobs and schedule instances) are due then
 */
public record DueGroup(String taskTrackerNodeGroup, long triggerTime, int jobs) {}
