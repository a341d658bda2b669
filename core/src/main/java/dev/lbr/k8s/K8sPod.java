package dev.lbr.k8s;

import java.util.List;
import java.util.Optional;

/**
 * A Pod as the readiness-gate path needs it (the forwarder sends only pods that carry a {@value
 * #TARGET_HEALTH_PREFIX} readiness gate): its node, its readiness gates, its IP and the conditions
 * that decide registration and the gates ({@code ContainersReady}, {@code Ready} and the
 * target-health ones, type and status only).
 */
@ProjectedJson
public record K8sPod(ObjectMeta metadata, Spec spec, Status status) implements K8sObject {

  /** LBC's readiness gate condition type prefix: {@code target-health.elbv2.k8s.aws/<binding>}. */
  public static final String TARGET_HEALTH_PREFIX = "target-health.elbv2.k8s.aws/";

  /** The pod conditions the projection keeps besides the target-health ones. */
  public static final List<String> KEPT_CONDITIONS = List.of("ContainersReady", "Ready");

  public K8sPod {
    spec = spec == null ? new Spec(null, null) : spec;
    status = status == null ? new Status(null, null) : status;
  }

  @Override
  public K8sPod withMetadata(ObjectMeta m) {
    return new K8sPod(m, spec, status);
  }

  /** The condition type of the readiness gate for the binding (or lbr target group) named so. */
  public static String gateFor(String bindingName) {
    return TARGET_HEALTH_PREFIX + bindingName;
  }

  /** Whether the pod carries the gate {@code conditionType}. */
  public boolean hasGate(String conditionType) {
    return spec.readinessGates().stream().anyMatch(g -> conditionType.equals(g.conditionType()));
  }

  /** Whether the pod carries any target-health readiness gate. */
  public boolean hasTargetHealthGate() {
    return spec.readinessGates().stream()
        .anyMatch(
            g -> g.conditionType() != null && g.conditionType().startsWith(TARGET_HEALTH_PREFIX));
  }

  /** The status of condition {@code type} ("True", "False", "Unknown"), empty when absent. */
  public Optional<String> condition(String type) {
    return status.conditions().stream()
        .filter(c -> type.equals(c.type()))
        .map(Condition::status)
        .findFirst();
  }

  /** Whether every container passes its readiness probe (condition {@code ContainersReady}). */
  public boolean containersReady() {
    return condition("ContainersReady").map("True"::equals).orElse(false);
  }

  @ProjectedJson
  public record Spec(String nodeName, List<ReadinessGate> readinessGates) {
    public Spec {
      readinessGates = readinessGates == null ? List.of() : List.copyOf(readinessGates);
    }
  }

  @ProjectedJson
  public record ReadinessGate(String conditionType) {}

  @ProjectedJson
  public record Status(String podIP, List<Condition> conditions) {
    public Status {
      conditions = conditions == null ? List.of() : List.copyOf(conditions);
    }
  }

  @ProjectedJson
  public record Condition(String type, String status) {}
}
