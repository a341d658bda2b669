package dev.lbr.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lbr.k8s.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compares a scenario's {@code stepN.expected.json} with the state view ({@code StateView}), by the
 * rules of scenarios/README.md: absent fields are not checked; load balancers match by stack,
 * listeners by port, rules by priority, target groups by key, targets as sets; nothing more than
 * what is expected may exist; every expected error names its stack and mentions its words. Security
 * groups (the top-level {@code securityGroups} and a load balancer's) are {@link
 * SecurityGroupCheck}'s; {@link Scenario#differences} runs both.
 */
public final class ExpectedState {
  private final List<String> problems = new ArrayList<>();

  private ExpectedState() {}

  public static JsonNode load(Path file, Map<String, String> variables) {
    try {
      String text = Files.readString(file);
      for (var v : variables.entrySet()) {
        text = text.replace("${" + v.getKey() + "}", v.getValue());
      }
      return Json.mapper().readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The differences, one line each; empty when the actual state matches. */
  public static List<String> differences(JsonNode expected, JsonNode actual) {
    ExpectedState check = new ExpectedState();
    check.keyed(
        "loadBalancers", expected.path("loadBalancers"), actual.path("loadBalancers"), "stack");
    check.keyed("targetGroups", expected.path("targetGroups"), actual.path("targetGroups"), "key");
    check.errors(expected.path("errors"), actual.path("errors"));
    return check.problems;
  }

  private void keyed(String where, JsonNode expected, JsonNode actual, String key) {
    Map<String, JsonNode> want = index(expected, key);
    Map<String, JsonNode> have = index(actual, key);
    if (!want.keySet().equals(have.keySet())) {
      problems.add(where + ": expected " + want.keySet() + " but found " + have.keySet());
    }
    want.forEach(
        (k, node) -> {
          if (have.containsKey(k)) {
            object(where + "[" + k + "]", node, have.get(k));
          }
        });
  }

  private void object(String where, JsonNode expected, JsonNode actual) {
    Iterator<Map.Entry<String, JsonNode>> fields = expected.fields();
    while (fields.hasNext()) {
      var field = fields.next();
      String name = field.getKey();
      JsonNode want = field.getValue();
      JsonNode have = actual.path(name);
      String path = where + "." + name;
      switch (name) {
        case "notes" -> {}
        // a load balancer's groups are roles: SecurityGroupCheck compares them
        case "securityGroups" -> {}
        case "listeners" -> keyed(path, want, have, "port");
        case "rules" -> keyed(path, want, have, "priority");
        case "targets" -> {
          TreeSet<String> w = targets(want);
          TreeSet<String> h = targets(have);
          if (!w.equals(h)) {
            problems.add(path + ": expected " + w + " but found " + h);
          }
        }
        default -> subset(path, want, have);
      }
    }
  }

  /** Every field the expectation names must be equal; arrays element by element. */
  private void subset(String path, JsonNode want, JsonNode have) {
    if (want.isObject()) {
      if (!have.isObject()) {
        problems.add(path + ": expected " + want + " but found " + have);
        return;
      }
      want.fields()
          .forEachRemaining(
              f -> subset(path + "." + f.getKey(), f.getValue(), have.path(f.getKey())));
    } else if (want.isArray()) {
      if (!have.isArray() || have.size() != want.size()) {
        problems.add(path + ": expected " + want + " but found " + have);
        return;
      }
      for (int i = 0; i < want.size(); i++) {
        subset(path + "[" + i + "]", want.get(i), have.get(i));
      }
    } else if (!want.asText().equals(have.asText()) || have.isMissingNode()) {
      problems.add(
          path + ": expected " + want + " but found " + (have.isMissingNode() ? "nothing" : have));
    }
  }

  private void errors(JsonNode expected, JsonNode actual) {
    for (JsonNode want : expected) {
      String stack = want.path("stack").asText();
      String message = null;
      for (JsonNode have : actual) {
        if (stack.equals(have.path("stack").asText())) {
          message = have.path("message").asText();
        }
      }
      if (message == null) {
        problems.add("errors: expected an error for stack " + stack + " but there is none");
        continue;
      }
      for (JsonNode mention : want.path("mentions")) {
        if (!message.contains(mention.asText())) {
          problems.add(
              "errors["
                  + stack
                  + "]: '"
                  + message
                  + "' does not mention '"
                  + mention.asText()
                  + "'");
        }
      }
    }
  }

  private static Map<String, JsonNode> index(JsonNode array, String key) {
    Map<String, JsonNode> map = new TreeMap<>();
    for (JsonNode node : array) {
      map.put(node.path(key).asText(), node);
    }
    return map;
  }

  private static TreeSet<String> targets(JsonNode array) {
    TreeSet<String> set = new TreeSet<>();
    for (JsonNode t : array) {
      set.add(t.path("id").asText() + ":" + t.path("port").asInt());
    }
    return set;
  }
}
