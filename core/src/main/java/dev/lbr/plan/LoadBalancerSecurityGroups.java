package dev.lbr.plan;

import dev.lbr.model.ActualLoadBalancer;
import dev.lbr.model.LoadBalancerSpec;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The security groups of an existing load balancer (LBC's {@code
 * updateSDKLoadBalancerWithSecurityGroups}): the managed group, then the spec's, compared with what
 * the load balancer has as a set. An empty desired list leaves the load balancer as it is (AWS
 * cannot take every group off a load balancer that has some).
 */
final class LoadBalancerSecurityGroups {
  private LoadBalancerSecurityGroups() {}

  static Optional<Change.SetSecurityGroups> diff(
      Ref loadBalancer, Optional<Ref> managed, LoadBalancerSpec spec, ActualLoadBalancer actual) {
    List<Ref> desired = desired(managed, spec);
    if (desired.isEmpty()) {
      return Optional.empty();
    }
    boolean pending = desired.stream().anyMatch(Ref::isPending);
    Set<String> ids = new LinkedHashSet<>();
    desired.forEach(r -> ids.add(r.arn()));
    if (!pending && ids.equals(Set.copyOf(actual.securityGroupIds()))) {
      return Optional.empty();
    }
    return Optional.of(new Change.SetSecurityGroups(loadBalancer, desired));
  }

  /** The managed group first, then the spec's groups; no group twice. */
  static List<Ref> desired(Optional<Ref> managed, LoadBalancerSpec spec) {
    List<Ref> refs = new ArrayList<>();
    managed.ifPresent(refs::add);
    Set<String> seen = new LinkedHashSet<>();
    managed.filter(r -> !r.isPending()).ifPresent(r -> seen.add(r.arn()));
    for (String id : spec.securityGroupIds()) {
      if (seen.add(id)) {
        refs.add(Ref.existing(id, null));
      }
    }
    return refs;
  }
}
