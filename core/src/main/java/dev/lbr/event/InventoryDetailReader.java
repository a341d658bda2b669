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
    Map<Kind, Set<ObjectKey>> keys = new EnumMap<>(Kind.class);
    readKeys(detail.requiredObject("keys"), detail.path("keys"), keys, detail);
    Set<String> namespaces = new HashSet<>();
    JsonNode scoped = detail.optionalObject("namespacedKeys");
    if (scoped != null) {
      String path = detail.path("namespacedKeys");
      JsonNode list = scoped.path("namespaces");
      if (!list.isArray() || list.isEmpty()) {
        throw detail.fail(path + ".namespaces must be a non-empty list of namespaces");
      }
      list.forEach(ns -> namespaces.add(ns.asText()));
      if (!scoped.path("keys").isObject()) {
        throw detail.fail(path + ".keys must be an object of kind → keys");
      }
      Map<Kind, Set<ObjectKey>> scopedKeys = new EnumMap<>(Kind.class);
      readKeys(scoped.path("keys"), path + ".keys", scopedKeys, detail);
      for (Kind kind : scopedKeys.keySet()) {
        if (!kind.namespaced() || keys.containsKey(kind)) {
          throw detail.fail(
              path
                  + ".keys."
                  + kind.wireName()
                  + ": only namespaced kinds, and not also under "
                  + detail.path("keys"));
        }
      }
      for (Kind kind : keys.keySet()) {
        if (kind.namespaced()) {
          throw detail.fail(
              detail.path("keys")
                  + "."
                  + kind.wireName()
                  + ": a namespaced kind of a scoped inventory goes under "
                  + path);
        }
      }
      keys.putAll(scopedKeys);
    }
    try {
      return new InventoryEvent(cluster, generatedAt, rv, keys, namespaces);
    } catch (IllegalArgumentException e) {
      throw detail.fail(e.getMessage());
    }
  }

  private static void readKeys(
      JsonNode keysNode, String keysPath, Map<Kind, Set<ObjectKey>> keys, DetailFields detail) {
    for (Iterator<Map.Entry<String, JsonNode>> it = keysNode.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      String path = keysPath + "." + entry.getKey();
      Kind kind =
          Kind.fromWireName(entry.getKey())
              .orElseThrow(
                  () -> detail.fail("unknown kind '" + entry.getKey() + "' in " + keysPath));
      if (!entry.getValue().isArray()) {
        throw detail.fail(path + " must be a list of keys");
      }
      Set<ObjectKey> set = new HashSet<>();
      for (JsonNode item : entry.getValue()) {
        set.add(key(kind, item, path, detail));
      }
      keys.put(kind, set);
    }
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
