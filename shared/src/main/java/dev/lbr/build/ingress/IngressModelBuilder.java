package dev.lbr.build.ingress;

import dev.lbr.k8s.K8sIngress;
import dev.lbr.k8s.K8sIngressClass;
import dev.lbr.k8s.K8sIngressClassParams;
import dev.lbr.model.ClusterFacts;
import dev.lbr.model.DesiredStack;
import dev.lbr.model.StackId;
import dev.lbr.model.Target;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * IngressGroup → ALB desired stack, as LBC's {@code pkg/ingress/model_builder.go} builds it. Pure.
 * (API fixed here; the implementation lands with the Ingress → ALB issue.)
 */
public final class IngressModelBuilder {
  private IngressModelBuilder() {}

  /**
   * The stack an Ingress belongs to: empty when it is not ours (class) or is being deleted. An
   * Ingress whose group annotation is invalid belongs to its implicit group, whose build reports
   * the error.
   */
  public static Optional<StackId> group(
      K8sIngress ingress,
      Map<String, K8sIngressClass> classes,
      Map<String, K8sIngressClassParams> params) {
    throw new UnsupportedOperationException("not built yet");
  }

  /**
   * The {@code namespace/name} of every Service the Ingress references (rule and default backends,
   * {@code actions.*} forward configs), whether or not they exist.
   */
  public static Set<String> backendServices(K8sIngress ingress) {
    throw new UnsupportedOperationException("not built yet");
  }

  /**
   * The desired stack; {@link DesiredStack#empty} when the input has no members.
   *
   * @throws dev.lbr.model.InvalidInputException naming the Ingress and annotation at fault
   */
  public static DesiredStack build(IngressGroupInput input, ClusterFacts facts) {
    throw new UnsupportedOperationException("not built yet");
  }

  /** Only the desired targets by target group resource id, without AWS facts. */
  public static Map<String, Set<Target>> targets(IngressGroupInput input) {
    throw new UnsupportedOperationException("not built yet");
  }
}
