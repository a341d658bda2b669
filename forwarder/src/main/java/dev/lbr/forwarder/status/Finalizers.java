package dev.lbr.forwarder.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lbr.k8s.Json;
import java.util.function.Predicate;

/**
 * Merge patches of {@code metadata.finalizers} (pure). The whole list is written, so the patch goes
 * with the resourceVersion read ({@link KubeRest#update}): a concurrent writer's change is never
 * lost, it makes ours fail with 409 and be recomputed.
 */
final class Finalizers {
  private Finalizers() {}

  static boolean has(JsonNode object, String finalizer) {
    for (JsonNode f : object.path("metadata").path("finalizers")) {
      if (f.asText().equals(finalizer)) {
        return true;
      }
    }
    return false;
  }

  static boolean deleting(JsonNode object) {
    return object.path("metadata").hasNonNull("deletionTimestamp");
  }

  /** Adds {@code finalizer}; null when present, or when the object is being deleted. */
  static ObjectNode adding(JsonNode object, String finalizer) {
    if (has(object, finalizer) || deleting(object)) {
      return null;
    }
    ArrayNode list = Json.mapper().createArrayNode();
    object.path("metadata").path("finalizers").forEach(list::add);
    list.add(finalizer);
    return patch(list);
  }

  /** Removes the finalizers {@code which} matches; null when there is none. */
  static ObjectNode removing(JsonNode object, Predicate<String> which) {
    ArrayNode list = Json.mapper().createArrayNode();
    boolean removed = false;
    for (JsonNode f : object.path("metadata").path("finalizers")) {
      if (which.test(f.asText())) {
        removed = true;
      } else {
        list.add(f);
      }
    }
    return removed ? patch(list) : null;
  }

  private static ObjectNode patch(ArrayNode list) {
    ObjectNode patch = Json.mapper().createObjectNode();
    patch.putObject("metadata").set("finalizers", list.isEmpty() ? null : list);
    return patch;
  }
}
