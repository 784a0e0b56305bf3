package com.lts.remoting.internal;

/**
 * Handles one command. Runs on the executor it was registered with, never on a network thread, so
 * it may block on stores or user code.
 *
 * @param <Q> request body type
 * @param <R> response body type
 */
@FunctionalInterface
public interface RequestProcessor<Q, R> {

  /**
   * Answers {@code request} from {@code channel}. For a one-way message the answer is dropped.
   *
   * @param channel the connection the request came on; its {@link RemotingChannel#peer()} says who
   *     sent it and it can be used to call the peer back
   * @throws Exception any failure; the caller receives it as an error status with its message
   */
  R process(RemotingChannel channel, Q request) throws Exception;
}
