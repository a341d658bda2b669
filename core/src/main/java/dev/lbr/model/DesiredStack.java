package dev.lbr.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a stack should look like: data only, no AWS types. An empty stack (no load balancer) means
 * "delete everything this stack owns". {@code targets} is keyed by target group resource id. {@code
 * securityGroup} is the managed frontend security group, attached to the load balancer before the
 * groups of {@link LoadBalancerSpec#securityGroupIds()}. {@code networking} says whether the load
 * balancer carries the cluster's backend security group and what its targets' security groups must
 * allow. {@code backends} says which Service port each target group (by resource id) serves: the
 * {@code serviceRef} of the TargetGroupBinding the cluster sees.
 */
public record DesiredStack(
    StackId id,
    Optional<LoadBalancerSpec> loadBalancer,
    List<TargetGroupSpec> targetGroups,
    List<ListenerSpec> listeners,
    Map<String, Set<Target>> targets,
    Optional<SecurityGroupSpec> securityGroup,
    StackNetworking networking,
    Map<String, BackendRef> backends) {
  public DesiredStack {
    targetGroups = List.copyOf(targetGroups);
    listeners = List.copyOf(listeners);
    targets = Map.copyOf(targets);
    securityGroup = securityGroup == null ? Optional.empty() : securityGroup;
    networking = networking == null ? StackNetworking.NONE : networking;
    backends = backends == null ? Map.of() : Map.copyOf(backends);
  }

  /**
   * A stack that manages no networking (no backend group, no rules on the targets' groups) and
   * whose target groups' Service ports are not recorded.
   */
  public DesiredStack(
      StackId id,
      Optional<LoadBalancerSpec> loadBalancer,
      List<TargetGroupSpec> targetGroups,
      List<ListenerSpec> listeners,
      Map<String, Set<Target>> targets,
      Optional<SecurityGroupSpec> securityGroup) {
    this(
        id,
        loadBalancer,
        targetGroups,
        listeners,
        targets,
        securityGroup,
        StackNetworking.NONE,
        Map.of());
  }

  /** A stack without a managed security group. */
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

  /**
   * The stack once the backend group's id is known: the load balancer carries it after its other
   * groups, and the rules name it as their source.
   */
  public DesiredStack withBackendGroup(String groupId) {
    Optional<LoadBalancerSpec> lb =
        loadBalancer.map(
            spec -> {
              List<String> groups = new ArrayList<>(spec.securityGroupIds());
              if (!groups.contains(groupId)) {
                groups.add(groupId);
              }
              return spec.withSecurityGroupIds(groups);
            });
    StackNetworking n =
        new StackNetworking(
            networking.backendSecurityGroup(),
            networking.targetGroups().stream().map(t -> t.withBackend(groupId)).toList(),
            networking.withoutSecurityGroups());
    return new DesiredStack(id, lb, targetGroups, listeners, targets, securityGroup, n, backends);
  }

  /**
   * The stack for a load balancer that has no security groups and cannot get any (an NLB created
   * without them): no groups, and the CIDR-based rules instead.
   */
  public DesiredStack withoutLoadBalancerSecurityGroups() {
    Optional<LoadBalancerSpec> lb = loadBalancer.map(s -> s.withSecurityGroupIds(List.of()));
    StackNetworking n = new StackNetworking(false, networking.withoutSecurityGroups(), List.of());
    return new DesiredStack(
        id, lb, targetGroups, listeners, targets, Optional.empty(), n, backends);
  }

  /** The same stack registering only {@code newTargets} (e.g. those that are the cluster's). */
  public DesiredStack withTargets(Map<String, Set<Target>> newTargets) {
    return new DesiredStack(
        id, loadBalancer, targetGroups, listeners, newTargets, securityGroup, networking, backends);
  }
}
