package com.lts.core.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Captures what is logged (at the configured levels) while a test runs; close to stop. */
public final class LogCapture implements AutoCloseable {

  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  private LogCapture() {
    appender.start();
    root.addAppender(appender);
  }

  public static LogCapture start() {
    return new LogCapture();
  }

  /** Lines at {@code level} whose formatted message contains {@code text}. */
  public List<ILoggingEvent> lines(Level level, String text) {
    synchronized (appender) { // AppenderBase appends under the appender's lock
      return appender.list.stream()
          .filter(e -> e.getLevel() == level && e.getFormattedMessage().contains(text))
          .toList();
    }
  }

  @Override
  public void close() {
    root.detachAppender(appender);
  }
}
