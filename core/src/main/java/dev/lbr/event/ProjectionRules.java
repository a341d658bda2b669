package dev.lbr.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.lbr.k8s.Json;
import dev.lbr.k8s.K8sPod;
import dev.lbr.k8s.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Which fields of each kind the projection keeps. Package-private: {@link Projection} is the API.
 */
final class ProjectionRules {

  private static final List<String> SERVICE_SPEC =
      List.of(
          "type",
          "loadBalancerClass",
          "selector",
          "externalTrafficPolicy",
          "healthCheckNodePort",
          "loadBalancerSourceRanges",
          "ipFamilies");

  private ProjectionRules() {}

  /** metadata: identity, labels and annotations (sorted, values as text), timestamps. */
  static ObjectNode metadata(JsonNode meta) {
    ObjectNode out = Json.mapper().createObjectNode();
    for (String field : List.of("namespace", "name", "uid", "resourceVersion")) {
      JsonNode value = meta.get(field);
      if (value != null && value.isValueNode() && !value.isNull()) {
        out.put(field, value.asText());
      }
    }
    putStringMap(out, "labels", meta.path("labels"));
    putStringMap(out, "annotations", meta.path("annotations"));
    copy(meta, out, "creationTimestamp", "deletionTimestamp");
    return out;
  }

  /** Adds the kind's spec-side fields of {@code raw} to {@code out}. */
  static void body(Kind kind, JsonNode raw, ObjectNode out) {
    switch (kind) {
      case SERVICE -> putIfNotEmpty(out, "spec", serviceSpec(raw.path("spec")));
      case ENDPOINT_SLICE -> {
        copy(raw, out, "addressType");
        putArray(
            out, "ports", "ports", raw.path("ports"), p -> pick(p, "name", "port", "protocol"));
        putArray(out, "endpoints", "endpoints", raw.path("endpoints"), ProjectionRules::endpoint);
      }
      case INGRESS, INGRESS_CLASS, INGRESS_CLASS_PARAMS, TARGET_GROUP_BINDING ->
          copy(raw, out, "spec");
      case POD -> pod(raw, out);
      case NODE -> {
        ObjectNode spec = pick(raw.path("spec"), "providerID", "unschedulable");
        putArray(
            spec,
            "taints",
            "spec.taints",
            raw.path("spec").path("taints"),
            t -> pick(t, "key", "value", "effect"));
        putIfNotEmpty(out, "spec", spec);
        ObjectNode status = Json.mapper().createObjectNode();
        putArray(
            status,
            "conditions",
            "status.conditions",
            raw.path("status").path("conditions"),
            c -> pick(c, "type", "status"));
        putIfNotEmpty(out, "status", status);
      }
    }
  }

  /**
   * A Pod: its node, readiness gates, IP, and the conditions the gates need (ContainersReady, Ready
   * and the target-health ones), type and status only, so a probe's message changing sends nothing.
   */
  private static void pod(JsonNode raw, ObjectNode out) {
    ObjectNode spec = pick(raw.path("spec"), "nodeName");
    putArray(
        spec,
        "readinessGates",
        "spec.readinessGates",
        raw.path("spec").path("readinessGates"),
        g -> pick(g, "conditionType"));
    putIfNotEmpty(out, "spec", spec);
    ObjectNode status = pick(raw.path("status"), "podIP");
    ArrayNode conditions = Json.mapper().createArrayNode();
    for (JsonNode c : raw.path("status").path("conditions")) {
      String type = c.path("type").asText("");
      if (K8sPod.KEPT_CONDITIONS.contains(type) || type.startsWith(K8sPod.TARGET_HEALTH_PREFIX)) {
        conditions.add(pick(c, "type", "status"));
      }
    }
    if (!conditions.isEmpty()) {
      status.set("conditions", conditions);
    }
    putIfNotEmpty(out, "status", status);
  }

  private static ObjectNode serviceSpec(JsonNode spec) {
    ObjectNode out = pick(spec, SERVICE_SPEC.toArray(String[]::new));
    putArray(
        out,
        "ports",
        "spec.ports",
        spec.path("ports"),
        p -> pick(p, "name", "protocol", "port", "targetPort", "nodePort"));
    return out;
  }

  private static ObjectNode endpoint(JsonNode endpoint) {
    ObjectNode out = pick(endpoint, "addresses");
    putIfNotEmpty(
        out, "conditions", pick(endpoint.path("conditions"), "ready", "serving", "terminating"));
    copy(endpoint, out, "nodeName", "zone");
    putIfNotEmpty(out, "targetRef", pick(endpoint.path("targetRef"), "kind", "namespace", "name"));
    return out;
  }

  private static ObjectNode pick(JsonNode from, String... fields) {
    ObjectNode out = Json.mapper().createObjectNode();
    copy(from, out, fields);
    return out;
  }

  private static void copy(JsonNode from, ObjectNode to, String... fields) {
    for (String field : fields) {
      JsonNode value = from.get(field);
      if (value != null && !value.isNull()) {
        to.set(field, value.deepCopy());
      }
    }
  }

  private static void putArray(
      ObjectNode to, String field, String path, JsonNode items, UnaryOperator<JsonNode> each) {
    if (items.isMissingNode() || items.isNull()) {
      return;
    }
    if (!items.isArray()) {
      throw new IllegalArgumentException(path + ": must be a list, got " + items.getNodeType());
    }
    ArrayNode out = to.putArray(field);
    items.forEach(item -> out.add(each.apply(item)));
  }

  private static void putStringMap(ObjectNode to, String field, JsonNode map) {
    if (map.isMissingNode() || map.isNull() || map.isEmpty()) {
      return;
    }
    if (!map.isObject()) {
      throw new IllegalArgumentException("metadata." + field + ": must be a map");
    }
    List<String> keys = new ArrayList<>();
    map.fieldNames().forEachRemaining(keys::add);
    keys.sort(null);
    ObjectNode out = to.putObject(field);
    for (String key : keys) {
      JsonNode value = map.get(key);
      if (!value.isValueNode()) {
        throw new IllegalArgumentException("metadata." + field + "." + key + ": must be a string");
      }
      out.set(key, value.isNull() ? TextNode.valueOf("") : TextNode.valueOf(value.asText()));
    }
  }

  private static void putIfNotEmpty(ObjectNode to, String field, ObjectNode value) {
    if (!value.isEmpty()) {
      to.set(field, value);
    }
  }
}
