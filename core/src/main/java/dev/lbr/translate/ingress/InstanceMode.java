package dev.lbr.translate.ingress;

import static dev.lbr.translate.ingress.IngressAnnotation.TARGET_NODE_LABELS;
import static dev.lbr.translate.ingress.IngressAnnotation.TARGET_TYPE;

import dev.lbr.k8s.K8sService;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What instance targets need of a backend (LBC {@code buildTargetGroupPort}, {@code
 * buildTargetGroupBindingNodeSelector}): the Service port's nodePort, and the {@code
 * target-node-labels} the nodes must carry.
 */
final class InstanceMode {
  private static final String NODE_PORT = "NodePort";
  private static final String LOAD_BALANCER = "LoadBalancer";

  private InstanceMode() {}

  /**
   * The nodePort of {@code port}: the target group port and the targets' port. LBC fails with
   * "TargetGroup port is empty" when there is none; the error here names the Ingress, the Service
   * and where the target type came from.
   */
  static int nodePort(Member m, BackendAnnotations a, K8sService svc, K8sService.Port port) {
    String type = Optional.ofNullable(svc.spec().type()).orElse("ClusterIP");
    Integer nodePort = port.nodePort();
    boolean exposed = type.equals(NODE_PORT) || type.equals(LOAD_BALANCER);
    if (exposed && nodePort != null && nodePort > 0) {
      return nodePort;
    }
    String problem =
        exposed
            ? "port "
                + port.port()
                + " of "
                + type
                + " Service "
                + svc.metadata().key()
                + " has no nodePort"
            : "Service "
                + svc.metadata().key()
                + " is of type "
                + type
                + "; it must be NodePort or LoadBalancer";
    throw m.annotations()
        .invalid(
            TARGET_TYPE,
            "target type instance ("
                + origin(m, a)
                + ") registers nodes on the backend's nodePort, but "
                + problem
                + " (or set alb.ingress.kubernetes.io/target-type: ip)");
  }

  /** {@code target-node-labels}, the Service's winning over the Ingress's; empty: every node. */
  static Map<String, String> nodeLabels(BackendAnnotations a) {
    return new TreeMap<>(
        a.source(TARGET_NODE_LABELS).stringMap(TARGET_NODE_LABELS).orElse(Map.of()));
  }

  /** Where the target type instance came from, for errors. */
  private static String origin(Member m, BackendAnnotations a) {
    if (m.classParams().flatMap(ClassParams::targetType).isPresent()) {
      return "spec.targetType of " + m.classParams().orElseThrow().object();
    }
    if (a.has(TARGET_TYPE)) {
      return "annotation "
          + a.source(TARGET_TYPE).key(TARGET_TYPE)
          + " on "
          + a.source(TARGET_TYPE).object();
    }
    return "LBC's default, as no target-type is set";
  }
}
