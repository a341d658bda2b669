package dev.lbr.plan;

import dev.lbr.model.ActualLoadBalancer;
import dev.lbr.model.ActualStack;
import dev.lbr.model.DesiredStack;
import dev.lbr.model.InvalidInputException;
import dev.lbr.model.LoadBalancerSpec;
import dev.lbr.model.StackId;
import dev.lbr.model.StackKind;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The stack's load balancer (LBC's {@code load_balancer_synthesizer.go}). An unwanted or replaced
 * load balancer is deleted first: deleting it deletes its listeners and frees its target groups.
 */
final class LoadBalancerPlanner {
  static final String DELETION_PROTECTION = "deletion_protection.enabled";

  /**
   * @param changes the load balancer's changes, in order
   * @param ref how later changes name the load balancer; empty when the stack has none
   * @param fresh true when the load balancer is created by this plan, so it has no listeners yet
   */
  record Result(PlannedChanges changes, Optional<Ref> ref, boolean fresh) {}

  private LoadBalancerPlanner() {}

  static Result plan(DesiredStack desired, ActualStack actual) {
    return plan(desired, actual, Optional.empty());
  }

  /**
   * @param securityGroup the stack's managed security group (pending when this plan creates it),
   *     attached before the spec's own groups
   */
  static Result plan(DesiredStack desired, ActualStack actual, Optional<Ref> securityGroup) {
    Optional<LoadBalancerSpec> spec = desired.loadBalancer();
    Optional<ActualLoadBalancer> existing = actual.loadBalancer();
    PlannedChanges out = new PlannedChanges();
    if (spec.isEmpty()) {
      existing.ifPresent(
          lb -> {
            if (deletionProtected(lb)) {
              throw deletionProtectionError(desired.id());
            }
            out.add(new Change.DeleteLoadBalancer(ref(lb))).extra(label(lb));
          });
      return new Result(out, Optional.empty(), false);
    }
    if (existing.isPresent() && !requiresReplacement(spec.get(), existing.get())) {
      update(spec.get(), existing.get(), securityGroup, out);
      return new Result(out, Optional.of(ref(existing.get())), false);
    }
    existing.ifPresent(
        lb -> {
          if (deletionProtected(lb)) { // LBC turns it off and retries when the delete is refused
            Map<String, String> off = Map.of(DELETION_PROTECTION, "false");
            out.add(new Change.ModifyLoadBalancerAttributes(ref(lb), off))
                .attributes(label(lb), off, lb.attributes());
          }
          out.add(new Change.DeleteLoadBalancer(ref(lb))).extra(label(lb));
        });
    Ref created = Ref.pending(ResourceKeys.LOAD_BALANCER);
    out.add(new Change.CreateLoadBalancer(spec.get(), securityGroup))
        .missing("load balancer " + spec.get().name());
    if (!spec.get().attributes().isEmpty()) {
      // unlike a new target group's, reported: against the load balancer it replaces ((unset)
      // when there is none), named by its ref, as the drift report always has
      Map<String, String> attributes = Semantics.sorted(spec.get().attributes());
      out.add(new Change.ModifyLoadBalancerAttributes(created, attributes))
          .attributes(
              "load balancer " + created,
              attributes,
              existing.map(ActualLoadBalancer::attributes).orElse(Map.of()));
    }
    return new Result(out, Optional.of(created), true);
  }

  /**
   * Type and scheme, as LBC. The name is not compared: AWS cannot rename a load balancer, LBC
   * applies a name only at creation, and a stack adopted from LBC must keep its load balancer (and
   * DNS name).
   */
  static boolean requiresReplacement(LoadBalancerSpec desired, ActualLoadBalancer actual) {
    return desired.type() != actual.type()
        || (!Semantics.isBlank(desired.scheme())
            && !Semantics.sameIgnoreCase(desired.scheme(), actual.scheme()));
  }

  /** LBC's order: tags, security groups, subnets, IP address type, attributes. */
  private static void update(
      LoadBalancerSpec spec,
      ActualLoadBalancer actual,
      Optional<Ref> securityGroup,
      PlannedChanges out) {
    Ref ref = ref(actual);
    String label = label(actual);
    TagDiff.plan(ref, label, spec.tags(), actual.tags(), out);
    LoadBalancerSecurityGroups.diff(ref, securityGroup, spec, actual)
        .ifPresent(
            c ->
                out.add(c)
                    .differs(
                        label,
                        "securityGroups",
                        c.securityGroups().toString(),
                        actual.securityGroupIds().toString()));
    if (!spec.subnetIds().isEmpty()
        && !Set.copyOf(spec.subnetIds()).equals(Set.copyOf(actual.subnetIds()))) {
      out.add(new Change.SetSubnets(ref, spec.subnetIds()))
          .differs(
              label,
              "subnets",
              PlannedChanges.asSet(spec.subnetIds()),
              PlannedChanges.asSet(actual.subnetIds()));
    }
    if (!Semantics.isBlank(spec.ipAddressType())
        && !Semantics.sameIgnoreCase(spec.ipAddressType(), actual.ipAddressType())) {
      out.add(new Change.SetIpAddressType(ref, spec.ipAddressType()))
          .differs(label, "ipAddressType", spec.ipAddressType(), actual.ipAddressType());
    }
    Map<String, String> attributes =
        Semantics.changedAttributes(spec.attributes(), actual.attributes());
    if (!attributes.isEmpty()) {
      out.add(new Change.ModifyLoadBalancerAttributes(ref, attributes))
          .attributes(label, attributes, actual.attributes());
    }
  }

  private static String label(ActualLoadBalancer lb) {
    return "load balancer " + lb.name();
  }

  static Ref ref(ActualLoadBalancer lb) {
    return Ref.existing(lb.arn(), ResourceKeys.LOAD_BALANCER);
  }

  private static boolean deletionProtected(ActualLoadBalancer lb) {
    return "true".equalsIgnoreCase(lb.attributes().get(DELETION_PROTECTION));
  }

  /** LBC refuses to delete a protected load balancer, and keeps the object's finalizer. */
  private static InvalidInputException deletionProtectionError(StackId id) {
    boolean service = id.kind() == StackKind.SERVICE;
    String object =
        service
            ? "Service " + id.name()
            : (id.name().contains("/") ? "Ingress " + id.name() : "IngressGroup " + id.name());
    String annotation =
        service
            ? "service.beta.kubernetes.io/aws-load-balancer-attributes"
            : "alb.ingress.kubernetes.io/load-balancer-attributes";
    return new InvalidInputException(
        object,
        annotation,
        "deletion_protection is enabled, cannot delete the " + (service ? "service" : "ingress"));
  }
}
