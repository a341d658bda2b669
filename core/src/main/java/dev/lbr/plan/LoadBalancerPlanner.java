package dev.lbr.plan;

import dev.lbr.model.ActualLoadBalancer;
import dev.lbr.model.ActualStack;
import dev.lbr.model.DesiredStack;
import dev.lbr.model.InvalidInputException;
import dev.lbr.model.LoadBalancerSpec;
import dev.lbr.model.StackId;
import dev.lbr.model.StackKind;
import java.util.ArrayList;
import java.util.List;
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
  record Result(List<Change> changes, Optional<Ref> ref, boolean fresh) {}

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
    List<Change> changes = new ArrayList<>();
    if (spec.isEmpty()) {
      existing.ifPresent(
          lb -> {
            if (deletionProtected(lb)) {
              throw deletionProtectionError(desired.id());
            }
            changes.add(new Change.DeleteLoadBalancer(ref(lb)));
          });
      return new Result(List.copyOf(changes), Optional.empty(), false);
    }
    if (existing.isPresent() && !requiresReplacement(spec.get(), existing.get())) {
      update(spec.get(), existing.get(), securityGroup, changes);
      return new Result(List.copyOf(changes), Optional.of(ref(existing.get())), false);
    }
    existing.ifPresent(
        lb -> {
          if (deletionProtected(lb)) { // LBC turns it off and retries when the delete is refused
            changes.add(
                new Change.ModifyLoadBalancerAttributes(
                    ref(lb), Map.of(DELETION_PROTECTION, "false")));
          }
          changes.add(new Change.DeleteLoadBalancer(ref(lb)));
        });
    Ref created = Ref.pending(ResourceKeys.LOAD_BALANCER);
    changes.add(new Change.CreateLoadBalancer(spec.get(), securityGroup));
    if (!spec.get().attributes().isEmpty()) {
      changes.add(
          new Change.ModifyLoadBalancerAttributes(
              created, Semantics.sorted(spec.get().attributes())));
    }
    return new Result(List.copyOf(changes), Optional.of(created), true);
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
      List<Change> changes) {
    Ref ref = ref(actual);
    TagDiff.diff(ref, spec.tags(), actual.tags()).ifPresent(changes::add);
    LoadBalancerSecurityGroups.diff(ref, securityGroup, spec, actual).ifPresent(changes::add);
    if (!spec.subnetIds().isEmpty()
        && !Set.copyOf(spec.subnetIds()).equals(Set.copyOf(actual.subnetIds()))) {
      changes.add(new Change.SetSubnets(ref, spec.subnetIds()));
    }
    if (!Semantics.isBlank(spec.ipAddressType())
        && !Semantics.sameIgnoreCase(spec.ipAddressType(), actual.ipAddressType())) {
      changes.add(new Change.SetIpAddressType(ref, spec.ipAddressType()));
    }
    Map<String, String> attributes =
        Semantics.changedAttributes(spec.attributes(), actual.attributes());
    if (!attributes.isEmpty()) {
      changes.add(new Change.ModifyLoadBalancerAttributes(ref, attributes));
    }
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
