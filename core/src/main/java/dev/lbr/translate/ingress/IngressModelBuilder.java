package dev.lbr.translate.ingress;

import dev.lbr.k8s.K8sIngress;
import dev.lbr.k8s.K8sIngressClass;
import dev.lbr.k8s.K8sIngressClassParams;
import dev.lbr.model.ClusterFacts;
import dev.lbr.model.DesiredStack;
import dev.lbr.model.InvalidInputException;
import dev.lbr.model.StackId;
import dev.lbr.model.Target;
import dev.lbr.model.TargetSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * IngressGroup → ALB desired stack, as LBC's {@code pkg/ingress/model_builder.go} builds it (ip or
 * instance targets). Pure: the same input and facts give the same stack. Invalid input throws
 * {@link InvalidInputException} naming the Ingress (or IngressClassParams) and annotation at fault
 * before anything is returned. See docs/annotations.md for what is supported.
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
    if (ingress == null || ingress.metadata().deletionTimestamp() != null) {
      return Optional.empty();
    }
    return IngressClasses.classify(ingress, classes, params)
        .map(classified -> Groups.stackOf(ingress, classified));
  }

  /**
   * The {@code namespace/name} of every Service the Ingress references (rule and default backends,
   * {@code actions.*} forward configs), whether or not they exist.
   */
  public static Set<String> backendServices(K8sIngress ingress) {
    Set<String> names = new TreeSet<>();
    if (ingress == null || ingress.spec() == null) {
      return names;
    }
    List<K8sIngress.Backend> backends = new ArrayList<>();
    backends.add(ingress.spec().defaultBackend());
    for (K8sIngress.Rule rule : ingress.spec().rules()) {
      if (rule.http() != null) {
        rule.http().paths().forEach(p -> backends.add(p.backend()));
      }
    }
    for (K8sIngress.Backend b : backends) {
      if (b == null || b.service() == null || b.service().name() == null) {
        continue;
      }
      for (String service : servicesOf(ingress, b.service())) {
        names.add(ingress.metadata().namespace() + "/" + service);
      }
    }
    return names;
  }

  /**
   * The desired stack; {@link DesiredStack#empty} when the input has no members.
   *
   * @throws InvalidInputException naming the Ingress and annotation at fault
   */
  public static DesiredStack build(IngressGroupInput input, ClusterFacts facts) {
    return GroupPlan.of(input)
        .map(plan -> StackAssembler.assemble(plan, facts))
        .orElseGet(() -> DesiredStack.empty(input.id()));
  }

  /** Only the desired targets by target group resource id, without AWS facts. */
  public static Map<String, Set<Target>> targets(IngressGroupInput input) {
    return GroupPlan.of(input).map(StackAssembler::targets).orElse(Map.of());
  }

  /** Where each target group's targets come from, by target group resource id. */
  public static Map<String, TargetSource> targetSources(IngressGroupInput input) {
    return GroupPlan.of(input).map(StackAssembler::sources).orElse(Map.of());
  }

  /** The Services a backend names: itself, or those of its {@code actions.*} forward config. */
  private static List<String> servicesOf(K8sIngress ingress, K8sIngress.ServiceBackend backend) {
    boolean useAnnotation =
        backend.port() != null && Backends.USE_ANNOTATION.equals(backend.port().name());
    if (!useAnnotation) {
      return List.of(backend.name());
    }
    try {
      return ActionAnnotation.parse(Member.annotationsOf(ingress), backend.name())
          .map(
              action ->
                  action instanceof BackendAction.Forward f
                      ? f.targetGroups().stream()
                          .map(BackendAction.Tuple::serviceName)
                          .filter(Objects::nonNull)
                          .toList()
                      : List.<String>of())
          .orElse(List.of());
    } catch (InvalidInputException e) {
      return List.of(); // the build reports it
    }
  }
}
