package com.lts.jobtracker.internal.alert;

import com.lts.core.store.NodeStats;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the master sees of the cluster at one check: every node's statistics rows within the window,
 * and the store's and registry's figures now.
 *
 * @param rows statistics rows of all nodes in the window, oldest first
 * @param queueDepth jobs waiting per group
 * @param lateJobs jobs per group waiting past the lateness threshold (empty when the rule is off)
 * @param feedbackWaiting results waiting in the feedback queue
 * @param lostNodes identities of nodes that left the registry and are not back
 */
record Observation(
    List<NodeStats> rows,
    Map<String, Long> queueDepth,
    Map<String, Long> lateJobs,
    long feedbackWaiting,
    Set<String> lostNodes) {}
