package dev.lbr.event;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lbr.k8s.Kind;
import dev.lbr.k8s.ObjectKey;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/** Reads the detail of an inventory event (after the envelope checks). */
final class InventoryDetailReader {

  private InventoryDetailReader() {}

  static InventoryEvent read(DetailFields detail, String cluster) {
    String generatedAtText = detail.requiredText("generatedAt");
    Instant generatedAt;
    try {
      generatedAt = Instant.parse(generatedAtText);
    } catch (DateTimeParseException e) {
      throw detail.fail(
          detail.path("generatedAt")
              + " must be an ISO-8601 instant such as 2025-01-01T00:00:00Z, got '"
              + generatedAtText
              + "'");
    }
    String rv = detail.requiredText("resourceVersion");
    if (!ResourceVersion.isValid(rv)) {
      throw detail.fail(
          detail.path("resourceVersion") + " must be a string of digits, got '" + rv + "'");
    }
    JsonNode keysNode = detail.requiredObject("keys");
    Map<Kind, Set<ObjectKey>> keys = new EnumMap<>(Kind.class);
    for (Iterator<Map.Entry<String, JsonNode>> it = keysNode.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      String path = detail.path("keys") + "." + entry.getKey();
      Kind kind =
          Kind.fromWireName(entry.getKey())
              .orElseThrow(
                  () ->
                      detail.fail(
                          "unknown kind '" + entry.getKey() + "' in " + detail.path("keys")));
      if (!entry.getValue().isArray()) {
        throw detail.fail(path + " must be a list of keys");
      }
      Set<ObjectKey> set = new HashSet<>();
      for (JsonNode item : entry.getValue()) {
        set.add(key(kind, item, path, detail));
      }
      keys.put(kind, set);
    }
    return new InventoryEvent(cluster, generatedAt, rv, keys);
  }

  private static ObjectKey key(Kind kind, JsonNode item, String path, DetailFields detail) {
    String text = item.isTextual() ? item.asText() : "";
    String[] parts = text.split("/", -1);
    boolean ok =
        kind.namespaced()
            ? parts.length == 2 && !parts[0].isEmpty() && !parts[1].isEmpty()
            : parts.length == 1 && !text.isEmpty();
    if (!ok) {
      throw detail.fail(
          path
              + " holds "
              + item
              + "; a "
              + kind.wireName()
              + " key is "
              + (kind.namespaced() ? "'namespace/name'" : "'name'"));
    }
    return kind.namespaced()
        ? new ObjectKey(kind, parts[0], parts[1])
        : new ObjectKey(kind, "", parts[0]);
  }
}
