package dev.lbr.forwarder.publish;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lbr.k8s.Json;
import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Structured logs: one JSON object per line on stderr (stdout is the --stdout sink's), in the shape
 * of the functions' Powertools lines: {@code {"timestamp","level","logger","message",...}}, the
 * message an event name and each key-value a top-level field. Libraries' SLF4J logs come here too
 * ({@link JsonSlf4jProvider}), their fluent key-values as fields.
 */
public final class JsonLog {
  /** Powertools' timestamp format. */
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private static volatile PrintStream out = System.err;

  private JsonLog() {}

  /** Redirects the logs (tests). */
  public static void to(PrintStream stream) {
    out = stream;
  }

  /** Logs {@code msg} with key/value pairs. */
  public static void log(String level, String msg, Object... kv) {
    write("forwarder", level, msg, kv);
  }

  /** Logs as {@code logger} (a library's logger name). */
  static void write(String logger, String level, String msg, Object... kv) {
    ObjectNode line = Json.mapper().createObjectNode();
    Map<String, Object> fields = new LinkedHashMap<>();
    for (int i = 0; i + 1 < kv.length; i += 2) {
      fields.put(String.valueOf(kv[i]), kv[i + 1]);
    }
    write(logger, level, msg, fields);
  }

  /** Logs with {@code fields} as top-level key-values (they cannot replace the four above). */
  static void write(String logger, String level, String msg, Map<String, ?> fields) {
    ObjectNode line = Json.mapper().createObjectNode();
    line.put("timestamp", TIMESTAMP.format(Instant.now()));
    line.put("level", level.toUpperCase(Locale.ROOT));
    line.put("logger", logger);
    line.put("message", msg);
    fields.forEach(
        (key, value) -> {
          if (!line.has(key)) {
            line.put(key, String.valueOf(value));
          }
        });
    out.println(line);
  }

  public static void info(String msg, Object... kv) {
    log("info", msg, kv);
  }

  public static void warn(String msg, Object... kv) {
    log("warn", msg, kv);
  }

  public static void error(String msg, Object... kv) {
    log("error", msg, kv);
  }

  /** A throwable on one line: class and message, then each cause's. */
  public static String describe(Throwable t) {
    StringBuilder text = new StringBuilder(String.valueOf(t));
    Throwable cause = t.getCause();
    for (int depth = 0; cause != null && cause != t && depth < 5; depth++) {
      text.append("; caused by ").append(cause);
      t = cause;
      cause = cause.getCause();
    }
    return text.toString();
  }
}
