package dev.lbr.reconcile;

import dev.lbr.aws.TargetNetworkGateway.Interface;
import dev.lbr.model.ActualLoadBalancer;
import dev.lbr.model.ActualStack;
import dev.lbr.model.DesiredStack;
import dev.lbr.model.LoadBalancerSpec;
import dev.lbr.model.LoadBalancerType;
import dev.lbr.model.NetworkState;
import dev.lbr.model.Permission;
import dev.lbr.model.StackId;
import dev.lbr.model.Target;
import dev.lbr.plan.NodeRules;
import dev.lbr.state.NetworkStore.StackRules;
import java.util.ArrayList;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * A stack pass's part in the targets' networking: before planning, the load balancer's groups as
 * they can be (an NLB created without security groups keeps none) with the backend group resolved
 * (created if need be); after applying, the targets' endpoint groups and the stack's share of the
 * cluster's rules ({@link ClusterNetwork}).
 */
final class NetworkingStep {
  private final EndpointGroups endpoints;
  private final ClusterNetwork cluster;
  private final BackendGroup backend;
  private final TargetOwnership ownership;

  NetworkingStep(
      EndpointGroups endpoints,
      ClusterNetwork cluster,
      BackendGroup backend,
      TargetOwnership ownership) {
    this.endpoints = endpoints;
    this.cluster = cluster;
    this.backend = backend;
    this.ownership = ownership;
  }

  /**
   * The targets that are the cluster's, and those refused ({@link TargetOwnership}); only targets
   * neither {@code known} nor refused before are looked up.
   */
  TargetOwnership.Admission admit(
      Map<String, Set<Target>> targets,
      Supplier<String> vpc,
      Set<String> known,
      Map<String, String> refusedBefore) {
    return ownership.admit(targets, vpc, known, refusedBefore);
  }

  /** The desired stack as the existing load balancer allows, with the backend group's id. */
  DesiredStack prepare(DesiredStack desired, ActualStack actual, String vpcId) {
    DesiredStack d = fitted(desired, actual);
    return d.networking().backendSecurityGroup()
        ? d.withBackendGroup(cluster.claimBackend(d.id(), vpcId))
        : d;
  }

  /**
   * As {@link #prepare}, creating nothing: {@code backendGroup} is the backend group's id, or its
   * name when it does not exist yet (a preview shows the name).
   */
  DesiredStack preview(DesiredStack desired, ActualStack actual, String backendGroup) {
    DesiredStack d = fitted(desired, actual);
    return d.networking().backendSecurityGroup() ? d.withBackendGroup(backendGroup) : d;
  }

  /** The backend group's id, or its name when it does not exist yet. */
  String backendGroupOrName(String vpcId) {
    return backend.find(vpcId).orElse(backend.name());
  }

  /** Whether the cluster's record holds a share of the stack, even one no checkpoint knows of. */
  boolean holdsShare(StackId id) {
    return cluster.holdsShare(id);
  }

  /** An NLB created without security groups cannot get any: it keeps none. */
  private static DesiredStack fitted(DesiredStack desired, ActualStack actual) {
    if (desired.loadBalancer().isPresent()
        && isNetwork(desired.loadBalancer().get())
        && actual.loadBalancer().map(NetworkingStep::withoutGroups).orElse(false)) {
      return desired.withoutLoadBalancerSecurityGroups();
    }
    return desired;
  }

  /**
   * Resolves the targets' endpoint groups and records the stack's share; the new state. {@code
   * seen}: interfaces found earlier in the pass, not asked again.
   */
  NetworkState settle(
      StackId id,
      NetworkState state,
      Map<String, Set<Target>> targets,
      NetworkState previous,
      Map<String, Interface> seen) {
    if (state.isNone() && previous.isNone()) {
      if (state.vpcId() != null) {
        // A full pass: an earlier one cut short may have left a share (or a claim on the backend
        // group) that the checkpoint does not know of; withdrawing it costs one read if none.
        cluster.sync(id, StackRules.NONE, state.vpcId());
      }
      return NetworkState.NONE;
    }
    String vpcId = state.vpcId() != null ? state.vpcId() : previous.vpcId();
    Map<String, String> groups =
        state.targetGroups().isEmpty()
            ? Map.of()
            : endpoints.resolve(
                vpcId, state.targetGroups(), targets, previous.endpointGroups(), seen);
    Map<String, java.util.List<Permission>> rules = new TreeMap<>();
    NodeRules.forStack(state.targetGroups(), targets, groups)
        .forEach((sg, perms) -> rules.put(sg, new ArrayList<>(perms)));
    cluster.sync(id, new StackRules(state.backend(), rules), vpcId);
    return new NetworkState(vpcId, state.backend(), state.targetGroups(), groups);
  }

  /** The networking a built (and prepared) stack puts in effect. */
  static NetworkState of(DesiredStack desired, String vpcId) {
    return new NetworkState(
        vpcId,
        desired.networking().backendSecurityGroup(),
        desired.networking().targetGroups(),
        Map.of());
  }

  private static boolean isNetwork(LoadBalancerSpec lb) {
    return lb.type() == LoadBalancerType.NETWORK;
  }

  private static boolean withoutGroups(ActualLoadBalancer lb) {
    return lb.type() == LoadBalancerType.NETWORK && lb.securityGroupIds().isEmpty();
  }
}
