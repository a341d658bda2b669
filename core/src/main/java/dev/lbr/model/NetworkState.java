package dev.lbr.model;

import java.util.List;
import java.util.Map;

/**
 * What a stack's last pass knew about its targets' networking, kept in its checkpoint so the
 * targets-only path needs no model build and no EC2 call for targets it has seen: the VPC, whether
 * the load balancer carries the backend group, the target groups' networking in effect (backend
 * group resolved), and the endpoint security group of each target id (pod IP or instance id)
 * resolved so far.
 */
public record NetworkState(
    String vpcId,
    boolean backend,
    List<TargetGroupNetworking> targetGroups,
    Map<String, String> endpointGroups) {
  public static final NetworkState NONE = new NetworkState(null, false, List.of(), Map.of());

  public NetworkState {
    targetGroups = targetGroups == null ? List.of() : List.copyOf(targetGroups);
    endpointGroups = endpointGroups == null ? Map.of() : Map.copyOf(endpointGroups);
  }

  public boolean isNone() {
    return !backend && targetGroups.isEmpty();
  }
}
