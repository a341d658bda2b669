package dev.lbr.forwarder.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lbr.k8s.Json;
import dev.lbr.k8s.K8sPod;
import dev.lbr.k8s.K8sService;
import dev.lbr.k8s.K8sTargetGroupBinding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Which target-health readiness gates a new pod gets, as LBC's pod mutator decides: one per
 * TargetGroupBinding of the pod's namespace with {@code targetType: ip} whose Service exists and
 * has a non-empty selector that the pod's labels match (lbr's own bindings and the users' alike),
 * {@link K8sPod#gateFor named after the binding}. Gates already present stay; when any gate is
 * wanted, the legacy {@value #LEGACY_PREFIX} gates go. Pure: no I/O.
 */
public final class PodReadinessGates {

  /** The prefix of the AWS ALB Ingress Controller's gates, removed as LBC removes them. */
  public static final String LEGACY_PREFIX = "target-health.alb.ingress.k8s.aws";

  private PodReadinessGates() {}

  /**
   * The gate condition types the pod should carry, in binding-name order.
   *
   * @param services the Service of the bindings' namespace by name, empty when it does not exist
   */
  public static List<String> wanted(
      Map<String, String> podLabels,
      List<K8sTargetGroupBinding> bindings,
      Function<String, Optional<K8sService>> services) {
    List<String> out = new ArrayList<>();
    bindings.stream()
        .sorted(Comparator.comparing(b -> b.metadata().name()))
        .forEach(
            b -> {
              if (selects(b, podLabels, services)) {
                out.add(K8sPod.gateFor(b.metadata().name()));
              }
            });
    return List.copyOf(new LinkedHashSet<>(out));
  }

  private static boolean selects(
      K8sTargetGroupBinding binding,
      Map<String, String> podLabels,
      Function<String, Optional<K8sService>> services) {
    K8sTargetGroupBinding.Spec spec = binding.spec();
    if (spec == null || !"ip".equals(spec.targetType()) || spec.serviceRef() == null) {
      return false;
    }
    String name = spec.serviceRef().name();
    if (name == null || name.isEmpty()) {
      return false;
    }
    return services.apply(name).filter(s -> s.selects(podLabels)).isPresent();
  }

  /**
   * The JSON patch (RFC 6902) that gives {@code pod} (raw JSON, as admitted) the {@code wanted}
   * gates, empty when it has them all and no legacy gate is to go: {@code add /spec/readinessGates}
   * when the pod has none; {@code replace /spec/readinessGates} when legacy gates are removed; else
   * one {@code add /spec/readinessGates/-} per missing gate.
   */
  public static Optional<ArrayNode> patch(JsonNode pod, List<String> wanted) {
    ArrayNode ops = Json.mapper().createArrayNode();
    if (wanted.isEmpty()) {
      return Optional.empty();
    }
    JsonNode current = pod.path("spec").path("readinessGates");
    List<JsonNode> kept = new ArrayList<>();
    Set<String> present = new LinkedHashSet<>();
    boolean legacyRemoved = false;
    if (current.isArray()) {
      for (JsonNode gate : current) {
        String type = gate.path("conditionType").asText("");
        if (type.startsWith(LEGACY_PREFIX)) {
          legacyRemoved = true;
        } else {
          kept.add(gate);
          present.add(type);
        }
      }
    }
    List<String> missing = wanted.stream().filter(t -> !present.contains(t)).toList();
    if (!current.isArray() || current.isEmpty() && !missing.isEmpty()) {
      ops.add(op("add", "/spec/readinessGates", gates(List.of(), missing)));
    } else if (legacyRemoved) {
      ops.add(op("replace", "/spec/readinessGates", gates(kept, missing)));
    } else {
      missing.forEach(t -> ops.add(op("add", "/spec/readinessGates/-", gate(t))));
    }
    return ops.isEmpty() ? Optional.empty() : Optional.of(ops);
  }

  private static ArrayNode gates(List<JsonNode> kept, List<String> added) {
    ArrayNode out = Json.mapper().createArrayNode();
    kept.forEach(g -> out.add(g.deepCopy()));
    added.forEach(t -> out.add(gate(t)));
    return out;
  }

  private static ObjectNode gate(String conditionType) {
    ObjectNode g = Json.mapper().createObjectNode();
    g.put("conditionType", conditionType);
    return g;
  }

  private static ObjectNode op(String op, String path, JsonNode value) {
    ObjectNode o = Json.mapper().createObjectNode();
    o.put("op", op);
    o.put("path", path);
    o.set("value", value);
    return o;
  }
}
