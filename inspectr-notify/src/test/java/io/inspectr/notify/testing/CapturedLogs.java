package io.inspectr.notify.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Captures every log event of every logger, at every level, while open: the rendered message, its
 * key values, and the class and message of each throwable and cause.
 *
 * <p>Except for {@link #VERBATIM_HTTP_LOGGERS}: HttpClient's DEBUG logs print each request line and
 * header as sent (webhook paths, {@code Authorization}), as any HTTP client's wire log does. Those
 * stay at INFO here, as the app pins them in its logging configuration.
 */
public final class CapturedLogs implements AutoCloseable {
  /** The loggers that print requests verbatim at DEBUG; kept at INFO. */
  public static final List<String> VERBATIM_HTTP_LOGGERS =
      List.of(
          "org.apache.hc.client5.http.headers",
          "org.apache.hc.client5.http.wire",
          "org.apache.hc.client5.http.impl.classic.MainClientExec");

  private final Logger root;
  private final Level rootLevel;
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  /** Starts capturing, lowering the root level to TRACE. */
  public CapturedLogs() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    rootLevel = root.getLevel();
    root.setLevel(Level.TRACE);
    for (String name : VERBATIM_HTTP_LOGGERS) {
      context.getLogger(name).setLevel(Level.INFO);
    }
    appender.setContext(context);
    appender.start();
    root.addAppender(appender);
  }

  /**
   * The events so far.
   *
   * @return a copy
   */
  public synchronized List<ILoggingEvent> events() {
    return List.copyOf(appender.list);
  }

  /**
   * Every event as text: logger, level, message, key values, throwables with causes.
   *
   * @return one string per event
   */
  public List<String> texts() {
    List<String> texts = new ArrayList<>();
    for (ILoggingEvent e : events()) {
      StringBuilder out = new StringBuilder();
      out.append(e.getLoggerName())
          .append(' ')
          .append(e.getLevel())
          .append(' ')
          .append(e.getFormattedMessage());
      if (e.getKeyValuePairs() != null) {
        e.getKeyValuePairs()
            .forEach(kv -> out.append(' ').append(kv.key).append('=').append(kv.value));
      }
      for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
        out.append(" | ").append(t.getClassName()).append(": ").append(t.getMessage());
      }
      texts.add(out.toString());
    }
    return texts;
  }

  @Override
  public void close() {
    root.detachAppender(appender);
    root.setLevel(rootLevel);
    appender.stop();
  }
}
