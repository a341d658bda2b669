package dev.lbr.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What exists in AWS for one stack, found by ownership tags (or by ARNs from the checkpoint,
 * verified). {@code targets} is keyed by target group ARN; a target group absent from the map has
 * not been read (the planner then trusts the checkpoint's tracked targets).
 */
public record ActualStack(
    StackId id,
    Optional<ActualLoadBalancer> loadBalancer,
    List<ActualListener> listeners,
    List<ActualTargetGroup> targetGroups,
    Map<String, Set<Target>> targets) {
  public ActualStack {
    listeners = List.copyOf(listeners);
    targetGroups = List.copyOf(targetGroups);
    targets = Map.copyOf(targets);
  }

  public static ActualStack empty(StackId id) {
    return new ActualStack(id, Optional.empty(), List.of(), List.of(), Map.of());
  }
}
