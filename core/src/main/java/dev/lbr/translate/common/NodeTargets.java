package dev.lbr.translate.common;

import dev.lbr.k8s.K8sNode;
import dev.lbr.model.Target;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Instance targets as LBC selects them ({@code pkg/backend/endpoint_resolver.go}): every Ready node
 * that the default selector keeps and {@code target-node-labels} matches, registered by instance id
 * (from {@code spec.providerID}) on the NodePort; when none is Ready, the Unknown ones ({@code
 * EndpointsFailOpen}, on by default). Nodes running no pod of the Service are registered too; with
 * {@code externalTrafficPolicy: Local} the health check sorts them out. Pure.
 */
public final class NodeTargets {
  /** LBC's default selector: none of these labels (it does not exclude control-plane). */
  static final Set<String> EXCLUDING_LABELS =
      Set.of(
          "node-role.kubernetes.io/master",
          "node.kubernetes.io/exclude-from-external-load-balancers",
          "alpha.service-controller.kubernetes.io/exclude-balancer");

  static final String COMPUTE_TYPE_LABEL = "eks.amazonaws.com/compute-type";
  public static final String AUTOSCALER_TAINT = "ToBeDeletedByClusterAutoscaler";
  static final String KARPENTER_DISRUPTED_TAINT = "karpenter.sh/disrupted";
  private static final Pattern INSTANCE_ID = Pattern.compile("i-[^/]*");

  private NodeTargets() {}

  /**
   * @param nodeLabels {@code target-node-labels}: every entry must be on the node (empty: all)
   */
  public static Set<Target> targets(
      Collection<K8sNode> nodes, Map<String, String> nodeLabels, int nodePort) {
    Set<Target> targets = register(nodes, nodeLabels, nodePort, "True");
    return targets.isEmpty() ? register(nodes, nodeLabels, nodePort, "Unknown") : targets;
  }

  private static Set<Target> register(
      Collection<K8sNode> nodes, Map<String, String> nodeLabels, int nodePort, String ready) {
    Set<Target> targets = new TreeSet<>();
    for (K8sNode node : nodes) {
      if (candidate(node, nodeLabels) && ready.equals(readyStatus(node))) {
        instanceId(node).ifPresent(id -> targets.add(new Target(id, nodePort)));
      }
    }
    return targets;
  }

  /** Ready, kept by the default selector and the labels, and not being removed. */
  public static boolean eligible(K8sNode node, Map<String, String> nodeLabels) {
    return candidate(node, nodeLabels) && "True".equals(readyStatus(node));
  }

  /** Kept by the default selector and the labels, and not being removed. */
  static boolean candidate(K8sNode node, Map<String, String> nodeLabels) {
    Map<String, String> labels = node.metadata().labels();
    if (EXCLUDING_LABELS.stream().anyMatch(labels::containsKey)
        || "fargate".equals(labels.get(COMPUTE_TYPE_LABEL))) {
      return false;
    }
    for (var wanted : nodeLabels.entrySet()) {
      if (!wanted.getValue().equals(labels.get(wanted.getKey()))) {
        return false;
      }
    }
    return !draining(node);
  }

  /** The status of the first Ready condition (True, False, Unknown), or null. */
  static String readyStatus(K8sNode node) {
    if (node.status() == null || node.status().conditions() == null) {
      return null;
    }
    return node.status().conditions().stream()
        .filter(c -> "Ready".equals(c.type()))
        .findFirst()
        .map(K8sNode.Condition::status)
        .orElse(null);
  }

  /** Tainted for removal by the cluster autoscaler or a Karpenter disruption. */
  static boolean draining(K8sNode node) {
    if (node.spec() == null || node.spec().taints() == null) {
      return false;
    }
    return node.spec().taints().stream()
        .anyMatch(
            t ->
                AUTOSCALER_TAINT.equals(t.key())
                    || (KARPENTER_DISRUPTED_TAINT.equals(t.key())
                        && "NoSchedule".equals(t.effect())));
  }

  /**
   * The last path segment of {@code spec.providerID} when it is an EC2 instance id, as LBC's {@code
   * ExtractNodeInstanceID} ({@code aws:///us-east-1a/i-0abc} → {@code i-0abc}); empty otherwise
   * (LBC fails the target group's registration on such a node; here it is skipped).
   */
  public static Optional<String> instanceId(K8sNode node) {
    String provider = node.spec() == null ? null : node.spec().providerID();
    if (provider == null || provider.isEmpty()) {
      return Optional.empty();
    }
    String id = provider.substring(provider.lastIndexOf('/') + 1);
    return INSTANCE_ID.matcher(id).matches() ? Optional.of(id) : Optional.empty();
  }
}
