package dev.lbr.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a stack should look like: data only, no AWS types. An empty stack (no load balancer) means
 * "delete everything this stack owns". {@code targets} is keyed by target group resource id. {@code
 * securityGroup} is the managed frontend security group (ALB), attached to the load balancer before
 * the groups of {@link LoadBalancerSpec#securityGroupIds()}.
 */
public record DesiredStack(
    StackId id,
    Optional<LoadBalancerSpec> loadBalancer,
    List<TargetGroupSpec> targetGroups,
    List<ListenerSpec> listeners,
    Map<String, Set<Target>> targets,
    Optional<SecurityGroupSpec> securityGroup) {
  public DesiredStack {
    targetGroups = List.copyOf(targetGroups);
    listeners = List.copyOf(listeners);
    targets = Map.copyOf(targets);
    securityGroup = securityGroup == null ? Optional.empty() : securityGroup;
  }

  /** A stack without a managed security group (NLB). */
  public DesiredStack(
      StackId id,
      Optional<LoadBalancerSpec> loadBalancer,
      List<TargetGroupSpec> targetGroups,
      List<ListenerSpec> listeners,
      Map<String, Set<Target>> targets) {
    this(id, loadBalancer, targetGroups, listeners, targets, Optional.empty());
  }

  public static DesiredStack empty(StackId id) {
    return new DesiredStack(id, Optional.empty(), List.of(), List.of(), Map.of());
  }

  public boolean isEmpty() {
    return loadBalancer.isEmpty() && targetGroups.isEmpty();
  }
}
