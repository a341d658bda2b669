package dev.lbr.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/** Renders the state view ({@code StateView}) as readable tables. */
final class TextView {
  private TextView() {}

  static String render(JsonNode view) {
    StringBuilder out = new StringBuilder();
    List<List<String>> lbs = new ArrayList<>();
    lbs.add(List.of("STACK", "LOAD BALANCER", "TYPE", "SCHEME", "LISTENERS"));
    for (JsonNode lb : view.path("loadBalancers")) {
      StringJoiner listeners = new StringJoiner(", ");
      for (JsonNode l : lb.path("listeners")) {
        listeners.add(
            l.path("protocol").asText()
                + ":"
                + l.path("port").asInt()
                + " → "
                + actions(l.path("defaultActions")));
      }
      lbs.add(
          List.of(
              lb.path("stack").asText(),
              lb.path("name").asText(),
              lb.path("type").asText(),
              lb.path("scheme").asText(),
              listeners.toString()));
    }
    List<List<String>> tgs = new ArrayList<>();
    tgs.add(
        List.of("TARGET GROUP", "NAME", "PROTOCOL:PORT", "HEALTH CHECK", "ATTRIBUTES", "TARGETS"));
    for (JsonNode tg : view.path("targetGroups")) {
      JsonNode hc = tg.path("healthCheck");
      StringJoiner targets = new StringJoiner(", ");
      tg.path("targets")
          .forEach(t -> targets.add(t.path("id").asText() + ":" + t.path("port").asInt()));
      StringJoiner attributes = new StringJoiner(",");
      tg.path("attributes")
          .fields()
          .forEachRemaining(
              e -> {
                if (!isDefault(e.getKey(), e.getValue().asText())) {
                  attributes.add(e.getKey() + "=" + e.getValue().asText());
                }
              });
      tgs.add(
          List.of(
              tg.path("key").asText(),
              tg.path("name").asText(),
              tg.path("protocol").asText()
                  + ":"
                  + tg.path("port").asInt()
                  + " "
                  + tg.path("targetType").asText(),
              hc.path("protocol").asText()
                  + ":"
                  + hc.path("port").asText()
                  + " every "
                  + hc.path("intervalSeconds").asInt()
                  + "s "
                  + hc.path("healthyThreshold").asInt()
                  + "/"
                  + hc.path("unhealthyThreshold").asInt(),
              attributes.length() == 0 ? "-" : attributes.toString(),
              targets.length() == 0 ? "(none)" : targets.toString()));
    }
    if (lbs.size() == 1 && tgs.size() == 1) {
      out.append("(nothing tagged for this cluster)\n");
    } else {
      out.append(table(lbs)).append('\n').append(table(tgs));
    }
    for (JsonNode e : view.path("errors")) {
      out.append("\n✗ ")
          .append(e.path("stack").asText())
          .append(": ")
          .append(e.path("message").asText())
          .append('\n');
    }
    return out.toString();
  }

  /** The scenarios only care about attributes they set; AWS returns many defaults. */
  private static boolean isDefault(String key, String value) {
    return !(key.startsWith("proxy_protocol")
            || key.startsWith("deregistration_delay")
            || key.startsWith("load_balancing")
            || key.startsWith("stickiness.enabled"))
        || ("deregistration_delay.timeout_seconds".equals(key) && "300".equals(value))
        || ("proxy_protocol_v2.enabled".equals(key) && "false".equals(value))
        || ("stickiness.enabled".equals(key) && "false".equals(value));
  }

  private static String actions(JsonNode actions) {
    StringJoiner joiner = new StringJoiner(" + ");
    for (JsonNode a : actions) {
      joiner.add(a.has("TargetGroup") ? a.path("TargetGroup").asText() : a.path("Type").asText());
    }
    return joiner.toString();
  }

  private static String table(List<List<String>> rows) {
    int[] widths = new int[rows.get(0).size()];
    for (List<String> row : rows) {
      for (int i = 0; i < row.size(); i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (List<String> row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.size(); i++) {
        line.append(String.format("%-" + (widths[i] + 2) + "s", row.get(i)));
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
    return out.toString();
  }
}
