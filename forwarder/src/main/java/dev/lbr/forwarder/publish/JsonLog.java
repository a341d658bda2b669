package dev.lbr.forwarder.publish;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lbr.k8s.Json;
import java.io.PrintStream;
import java.time.Instant;

/** Structured logs: one JSON object per line on stderr (stdout is the --stdout sink's). */
public final class JsonLog {
  private static volatile PrintStream out = System.err;

  private JsonLog() {}

  /** Redirects the logs (tests). */
  public static void to(PrintStream stream) {
    out = stream;
  }

  /** Logs {@code msg} with key/value pairs. */
  public static void log(String level, String msg, Object... kv) {
    ObjectNode line = Json.mapper().createObjectNode();
    line.put("time", Instant.now().toString());
    line.put("level", level);
    line.put("logger", "forwarder");
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
}
