package dev.lbr.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a stack should look like: data only, no AWS types. An empty stack (no load balancer) means
 * "delete everything this stack owns". {@code targets} is keyed by target group resource id.
 */
public record DesiredStack(
    StackId id,
    Optional<LoadBalancerSpec> loadBalancer,
    List<TargetGroupSpec> targetGroups,
    List<ListenerSpec> listeners,
    Map<String, Set<Target>> targets) {
  public DesiredStack {
    targetGroups = List.copyOf(targetGroups);
    listeners = List.copyOf(listeners);
    targets = Map.copyOf(targets);
  }

  public static DesiredStack empty(StackId id) {
    return new DesiredStack(id, Optional.empty(), List.of(), List.of(), Map.of());
  }

  public boolean isEmpty() {
    return loadBalancer.isEmpty() && targetGroups.isEmpty();
  }
}
