package dev.lbr.forwarder.publish;

import java.util.Locale;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/**
 * One library logger writing {@link JsonLog} lines: the formatted message, and a throwable as an
 * {@code error} field (class and message, causes too) and an {@code at} field (where it was
 * thrown), never a multi-line stack trace.
 */
final class JsonSlf4jLogger extends LegacyAbstractLogger {

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
    Throwable error =
        throwable != null ? throwable : MessageFormatter.getThrowableCandidate(arguments);
    String message = MessageFormatter.basicArrayFormat(pattern, arguments);
    String lower = level.name().toLowerCase(Locale.ROOT);
    if (error == null) {
      JsonLog.write(name, lower, message);
    } else {
      StackTraceElement[] trace = error.getStackTrace();
      JsonLog.write(
          name,
          lower,
          message,
          "error",
          JsonLog.describe(error),
          "at",
          trace.length == 0 ? "" : trace[0].toString());
    }
  }
}
