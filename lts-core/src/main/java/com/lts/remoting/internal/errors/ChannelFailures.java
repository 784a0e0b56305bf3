package com.lts.remoting.internal.errors;

import io.netty.channel.Channel;
import io.netty.util.AttributeKey;

/**
 * Remembers, on the channel itself, the first failure that closed it, so that whoever holds the
 * channel (a test, a metrics probe) can see why it was closed.
 */
public final class ChannelFailures {

  private static final AttributeKey<Throwable> FAILURE = AttributeKey.valueOf("lts.failure");

  private ChannelFailures() {}

  /** Keeps {@code failure} unless an earlier one is already recorded. */
  public static void record(Channel channel, Throwable failure) {
    channel.attr(FAILURE).setIfAbsent(failure);
  }

  /** The first failure recorded on {@code channel}, or null. */
  public static Throwable of(Channel channel) {
    return channel.attr(FAILURE).get();
  }
}
