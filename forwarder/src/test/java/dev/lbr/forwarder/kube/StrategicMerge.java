package dev.lbr.forwarder.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lbr.k8s.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The in-test API server's strategic merge patch: a JSON merge patch, except for the lists it knows
 * a merge key of ({@code status.conditions}, by {@code type}, as a Pod's): a patch entry is merged
 * into the entry with the same key (its fields replace those, the others stay) and appended when
 * there is none; the other entries stay. Also the uid precondition every patch type has on a real
 * API server.
 */
final class StrategicMerge {
  static final String TYPE = "application/strategic-merge-patch+json";

  /** The resources it is served for (others answer 415, so a stray use shows in tests). */
  static final Set<FakeKubeApiServer.Resource> SERVED = Set.of(FakeKubeApiServer.PODS);

  /** List fields merged by key: path → merge key. */
  private static final Map<List<String>, String> MERGE_KEYS =
      Map.of(List.of("status", "conditions"), "type");

  private StrategicMerge() {}

  static JsonNode apply(JsonNode target, JsonNode patch) {
    return merge(target, patch, List.of());
  }

  /**
   * Why a patch is refused (409) as a real API server does, when it names a {@code metadata.uid}
   * that is not the object's; null when it names none or the same.
   */
  static String uidConflict(JsonNode stored, JsonNode patch) {
    String wanted = patch == null ? "" : patch.path("metadata").path("uid").asText("");
    String actual = stored.path("metadata").path("uid").asText("");
    return wanted.isEmpty() || wanted.equals(actual)
        ? null
        : "Precondition failed: UID in precondition: " + wanted + ", UID in object meta: " + actual;
  }

  private static JsonNode merge(JsonNode target, JsonNode patch, List<String> path) {
    String mergeKey = MERGE_KEYS.get(path);
    if (mergeKey != null && patch.isArray() && target != null && target.isArray()) {
      return mergeList((ArrayNode) target, (ArrayNode) patch, mergeKey, path);
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
                out.set(e.getKey(), merge(out.get(e.getKey()), e.getValue(), at));
              }
            });
    return out;
  }

  private static ArrayNode mergeList(
      ArrayNode target, ArrayNode patch, String key, List<String> path) {
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
        out.set(at, merge(out.get(at), entry, path));
      }
    }
    return out;
  }
}
