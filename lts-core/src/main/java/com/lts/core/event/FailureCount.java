package com.lts.core.event;

/** How often the background task {@code task} failed with {@code kind} since the node started. */
public record FailureCount(String task, FailureKind kind, long count) {}
