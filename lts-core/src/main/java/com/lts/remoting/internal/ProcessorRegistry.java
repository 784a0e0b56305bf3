package com.lts.remoting.internal;

import com.lts.remoting.internal.command.Command;
import com.lts.remoting.internal.command.CommandCode;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/** The processor of each command on one server or client, with the executor it runs on. */
public final class ProcessorRegistry {

  private final Map<CommandCode, Registration<?, ?>> registrations = new ConcurrentHashMap<>();
  private final Executor defaultExecutor;

  public ProcessorRegistry(Executor defaultExecutor) {
    this.defaultExecutor = defaultExecutor;
  }

  /** Registers {@code processor} on the default processor executor. */
  public <Q, R> void register(Command<Q, R> command, RequestProcessor<Q, R> processor) {
    register(command, processor, defaultExecutor);
  }

  /**
   * Registers {@code processor} to run on {@code executor}.
   *
   * @throws IllegalArgumentException for an internal command (handshake, heartbeat)
   * @throws IllegalStateException when the command already has a processor
   */
  public <Q, R> void register(
      Command<Q, R> command, RequestProcessor<Q, R> processor, Executor executor) {
    Objects.requireNonNull(processor, "processor");
    Objects.requireNonNull(executor, "executor");
    if (command.code().isInternal()) {
      throw new IllegalArgumentException(command + " is answered by the remoting layer itself");
    }
    Registration<Q, R> registration = new Registration<>(command, processor, executor);
    if (registrations.putIfAbsent(command.code(), registration) != null) {
      throw new IllegalStateException(command + " already has a processor");
    }
  }

  /** The registration for {@code code}, or null. */
  public Registration<?, ?> find(CommandCode code) {
    return registrations.get(code);
  }

  /** A processor with its command and executor. */
  public record Registration<Q, R>(
      Command<Q, R> command, RequestProcessor<Q, R> processor, Executor executor) {

    /**
     * Runs the processor on {@code body}, which the decoder made an instance of the command's type.
     */
    public R process(RemotingChannel channel, Object body) throws Exception {
      return processor.process(channel, command.requestType().cast(body));
    }
  }
}
