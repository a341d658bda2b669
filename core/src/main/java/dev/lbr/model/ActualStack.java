package dev.lbr.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What exists in AWS for one stack, found by ownership tags (or by ARNs from the checkpoint,
 * verified). {@code targets} is keyed by target group ARN; a target group absent from the map has
 * not been read (the planner then trusts the checkpoint's tracked targets). {@code securityGroup}
 * is the managed frontend security group, found by its ownership tags.
 */
public record ActualStack(
    StackId id,
    Optional<ActualLoadBalancer> loadBalancer,
    List<ActualListener> listeners,
    List<ActualTargetGroup> targetGroups,
    Map<String, Set<Target>> targets,
    Optional<ActualSecurityGroup> securityGroup) {
  public ActualStack {
    listeners = List.copyOf(listeners);
    targetGroups = List.copyOf(targetGroups);
    targets = Map.copyOf(targets);
    securityGroup = securityGroup == null ? Optional.empty() : securityGroup;
  }

  /** A stack without a managed security group (NLB). */
  public ActualStack(
      StackId id,
      Optional<ActualLoadBalancer> loadBalancer,
      List<ActualListener> listeners,
      List<ActualTargetGroup> targetGroups,
      Map<String, Set<Target>> targets) {
    this(id, loadBalancer, listeners, targetGroups, targets, Optional.empty());
  }

  public static ActualStack empty(StackId id) {
    return new ActualStack(id, Optional.empty(), List.of(), List.of(), Map.of());
  }
}
