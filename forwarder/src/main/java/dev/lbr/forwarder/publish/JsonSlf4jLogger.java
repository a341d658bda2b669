package dev.lbr.forwarder.publish;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;
import org.slf4j.event.Level;
import org.slf4j.event.LoggingEvent;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.spi.LoggingEventAware;

/**
 * One library logger writing {@link JsonLog} lines: the formatted message, fluent key-values as
 * fields, and a throwable as an {@code error} field (class and message, causes too) and an {@code
 * at} field (where it was thrown), never a multi-line stack trace.
 */
final class JsonSlf4jLogger extends LegacyAbstractLogger implements LoggingEventAware {

  private final Level threshold;

  JsonSlf4jLogger(String name, Level threshold) {
    this.name = name;
    this.threshold = threshold;
  }

  private boolean enabled(Level level) {
    return level.toInt() >= threshold.toInt();
  }

  @Override
  public boolean isTraceEnabled() {
    return enabled(Level.TRACE);
  }

  @Override
  public boolean isDebugEnabled() {
    return enabled(Level.DEBUG);
  }

  @Override
  public boolean isInfoEnabled() {
    return enabled(Level.INFO);
  }

  @Override
  public boolean isWarnEnabled() {
    return enabled(Level.WARN);
  }

  @Override
  public boolean isErrorEnabled() {
    return enabled(Level.ERROR);
  }

  @Override
  protected String getFullyQualifiedCallerName() {
    return null;
  }

  @Override
  protected void handleNormalizedLoggingCall(
      Level level, Marker marker, String pattern, Object[] arguments, Throwable throwable) {
    write(level, pattern, arguments, throwable, List.of());
  }

  /** The fluent API's events ({@code LOG.atWarn().addKeyValue(...).log(...)}). */
  @Override
  public void log(LoggingEvent event) {
    if (enabled(event.getLevel())) {
      Object[] arguments = event.getArguments() == null ? null : event.getArguments().toArray();
      List<KeyValuePair> pairs = event.getKeyValuePairs();
      write(
          event.getLevel(),
          event.getMessage(),
          arguments,
          event.getThrowable(),
          pairs == null ? List.of() : pairs);
    }
  }

  private void write(
      Level level,
      String pattern,
      Object[] arguments,
      Throwable throwable,
      List<KeyValuePair> pairs) {
    Throwable error =
        throwable != null ? throwable : MessageFormatter.getThrowableCandidate(arguments);
    String message = MessageFormatter.basicArrayFormat(pattern, arguments);
    Map<String, Object> fields = new LinkedHashMap<>();
    pairs.forEach(pair -> fields.put(pair.key, pair.value));
    if (error != null) {
      StackTraceElement[] trace = error.getStackTrace();
      fields.put("error", JsonLog.describe(error));
      fields.put("at", trace.length == 0 ? "" : trace[0].toString());
    }
    JsonLog.write(name, level.name().toLowerCase(Locale.ROOT), message, fields);
  }
}
