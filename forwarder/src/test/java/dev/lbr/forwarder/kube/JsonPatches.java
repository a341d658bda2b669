package dev.lbr.forwarder.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lbr.k8s.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The patch formats of the in-test API server: JSON merge patch (RFC 7386) and JSON patch (RFC
 * 6902: add, remove, replace, test). A JSON patch that cannot apply, a failed {@code test}
 * included, throws {@link Failed}, which the server answers 422 as a real one does.
 */
final class JsonPatches {
  private JsonPatches() {}

  static final class Failed extends RuntimeException {
    Failed(String message) {
      super(message);
    }
  }

  /** A JSON merge patch (RFC 7386): every list replaced whole. */
  static JsonNode merge(JsonNode target, JsonNode patch) {
    return merge(target, patch, Map.of(), List.of());
  }

  /**
   * A JSON merge patch, except for the lists {@code mergeKeys} names (path → key): their patch
   * entries are merged into the target's entry with the same key, or appended (the strategic merge
   * patch's rule, {@link StrategicMerge}).
   */
  static JsonNode merge(
      JsonNode target, JsonNode patch, Map<List<String>, String> mergeKeys, List<String> path) {
    String mergeKey = mergeKeys.get(path);
    if (mergeKey != null && patch.isArray() && target != null && target.isArray()) {
      return mergeList((ArrayNode) target, (ArrayNode) patch, mergeKey, mergeKeys, path);
    }
    if (!patch.isObject()) {
      return patch.deepCopy();
    }
    ObjectNode out =
        target != null && target.isObject()
            ? ((ObjectNode) target).deepCopy()
            : Json.mapper().createObjectNode();
    patch
        .fields()
        .forEachRemaining(
            e -> {
              if (e.getValue().isNull()) {
                out.remove(e.getKey());
              } else {
                List<String> at = new ArrayList<>(path);
                at.add(e.getKey());
                out.set(e.getKey(), merge(out.get(e.getKey()), e.getValue(), mergeKeys, at));
              }
            });
    return out;
  }

  private static ArrayNode mergeList(
      ArrayNode target,
      ArrayNode patch,
      String key,
      Map<List<String>, String> mergeKeys,
      List<String> path) {
    ArrayNode out = target.deepCopy();
    for (JsonNode entry : patch) {
      int at = -1;
      for (int i = 0; i < out.size(); i++) {
        if (out.get(i).path(key).equals(entry.path(key))) {
          at = i;
        }
      }
      if (at < 0) {
        out.add(entry.deepCopy());
      } else {
        out.set(at, merge(out.get(at), entry, mergeKeys, path));
      }
    }
    return out;
  }

  static ObjectNode jsonPatch(ObjectNode target, JsonNode ops) {
    ObjectNode doc = target.deepCopy();
    if (!ops.isArray()) {
      throw new Failed("a JSON patch is an array of operations");
    }
    for (JsonNode op : ops) {
      String kind = op.path("op").asText();
      List<String> path = pointer(op.path("path").asText());
      if (path.isEmpty()) {
        throw new Failed("the whole document cannot be patched here");
      }
      JsonNode parent = at(doc, path.subList(0, path.size() - 1));
      String last = path.get(path.size() - 1);
      switch (kind) {
        case "test" -> {
          JsonNode actual = child(parent, last);
          if (actual == null || !actual.equals(op.path("value"))) {
            throw new Failed("testing value " + op.path("path").asText() + " failed");
          }
        }
        case "remove" -> remove(parent, last);
        case "replace" -> {
          remove(parent, last);
          add(parent, last, op.path("value"));
        }
        case "add" -> add(parent, last, op.path("value"));
        default -> throw new Failed("unsupported operation " + kind);
      }
    }
    return doc;
  }

  private static List<String> pointer(String p) {
    List<String> out = new ArrayList<>();
    if (p.isEmpty()) {
      return out;
    }
    if (!p.startsWith("/")) {
      throw new Failed("not a JSON pointer: " + p);
    }
    for (String part : p.substring(1).split("/", -1)) {
      out.add(part.replace("~1", "/").replace("~0", "~"));
    }
    return out;
  }

  private static JsonNode at(JsonNode doc, List<String> path) {
    JsonNode n = doc;
    for (String part : path) {
      n = child(n, part);
      if (n == null) {
        throw new Failed("no such path: /" + String.join("/", path));
      }
    }
    return n;
  }

  private static JsonNode child(JsonNode parent, String part) {
    if (parent.isObject()) {
      return parent.get(part);
    }
    if (parent.isArray() && part.matches("\\d+")) {
      return parent.get(Integer.parseInt(part));
    }
    return null;
  }

  private static void remove(JsonNode parent, String last) {
    if (child(parent, last) == null) {
      throw new Failed("nothing to remove at " + last);
    }
    if (parent instanceof ObjectNode o) {
      o.remove(last);
    } else {
      ((ArrayNode) parent).remove(Integer.parseInt(last));
    }
  }

  private static void add(JsonNode parent, String last, JsonNode value) {
    if (parent instanceof ObjectNode o) {
      o.set(last, value.deepCopy());
    } else if (parent instanceof ArrayNode a) {
      if (last.equals("-")) {
        a.add(value.deepCopy());
      } else if (last.matches("\\d+") && Integer.parseInt(last) <= a.size()) {
        a.insert(Integer.parseInt(last), value.deepCopy());
      } else {
        throw new Failed("bad array index " + last);
      }
    } else {
      throw new Failed("cannot add to a value");
    }
  }
}
