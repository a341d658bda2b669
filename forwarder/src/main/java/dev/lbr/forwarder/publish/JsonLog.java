package dev.lbr.forwarder.publish;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lbr.k8s.Json;
import java.io.PrintStream;
import java.time.Instant;

/**
 * Structured logs: one JSON object per line on stderr (stdout is the --stdout sink's), {@code
 * {"time","level","logger","msg",...}}. Libraries' SLF4J logs come here too ({@link
 * JsonSlf4jProvider}).
 */
public final class JsonLog {
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
    line.put("time", Instant.now().toString());
    line.put("level", level);
    line.put("logger", logger);
    line.put("msg", msg);
    for (int i = 0; i + 1 < kv.length; i += 2) {
      line.put(String.valueOf(kv[i]), String.valueOf(kv[i + 1]));
    }
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
