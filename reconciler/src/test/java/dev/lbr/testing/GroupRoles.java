package dev.lbr.testing;

import dev.lbr.emulator.PreparedNetwork;
import dev.lbr.testing.SecurityGroupSnapshot.ActualGroup;
import java.util.List;

/**
 * Which role each security group plays (scenarios/README.md, "Security groups"): the {@code
 * network.json} roles by the ids made for them; {@code backend}, the group tagged {@code
 * elbv2.k8s.aws/cluster=<cluster>} and {@code elbv2.k8s.aws/resource=backend-sg}; {@code
 * frontend:<stack>}, the group tagged with the cluster, {@code {ingress,service}.k8s.aws/stack} and
 * {@code {ingress,service}.k8s.aws/resource=ManagedLBSecurityGroup}. A group with none shows as its
 * id.
 */
final class GroupRoles {
  static final String CLUSTER_TAG = "elbv2.k8s.aws/cluster";
  static final String BACKEND = "backend";
  static final String FRONTEND = "frontend:";
  private static final List<String> PREFIXES = List.of("ingress.k8s.aws/", "service.k8s.aws/");

  private final String cluster;
  private final PreparedNetwork network;
  private final List<ActualGroup> groups;

  GroupRoles(String cluster, PreparedNetwork network, List<ActualGroup> groups) {
    this.cluster = cluster;
    this.network = network;
    this.groups = List.copyOf(groups);
  }

  /** The role of a group, or null. */
  String roleOf(ActualGroup g) {
    String prepared = network.roleOf(g.id()).orElse(null);
    if (prepared != null || !cluster.equals(g.tags().get(CLUSTER_TAG))) {
      return prepared;
    }
    if ("backend-sg".equals(g.tags().get("elbv2.k8s.aws/resource"))) {
      return BACKEND;
    }
    for (String prefix : PREFIXES) {
      String stack = g.tags().get(prefix + "stack");
      if (stack != null && "ManagedLBSecurityGroup".equals(g.tags().get(prefix + "resource"))) {
        return FRONTEND + stack;
      }
    }
    return null;
  }

  /** The role of a group id, else the id: how rules and load balancers name their groups. */
  String nameOf(String groupId) {
    return network
        .roleOf(groupId)
        .orElseGet(
            () ->
                groups.stream()
                    .filter(g -> g.id().equals(groupId))
                    .map(this::roleOf)
                    .filter(r -> r != null)
                    .findFirst()
                    .orElse(groupId));
  }

  /** The groups playing {@code role}; when none, those named {@code name} (if given). */
  List<ActualGroup> find(String role, String name) {
    List<ActualGroup> found = groups.stream().filter(g -> role.equals(roleOf(g))).toList();
    if (found.isEmpty() && name != null) {
      found = groups.stream().filter(g -> name.equals(g.name())).toList();
    }
    return found;
  }

  /** The groups tagged with this cluster ({@code elbv2.k8s.aws/cluster}). */
  List<ActualGroup> clusterTagged() {
    return groups.stream().filter(g -> cluster.equals(g.tags().get(CLUSTER_TAG))).toList();
  }

  /** How a role is looked up, for a {@code missing (…)} line. */
  String lookup(String role, String name) {
    String how;
    String clusterTag = CLUSTER_TAG + "=" + cluster;
    if (network.groupIds().containsKey(role)) {
      how = "its network.json group " + network.groupIds().get(role) + " is gone";
    } else if (role.equals(BACKEND)) {
      how = "no group tagged " + clusterTag + ", elbv2.k8s.aws/resource=backend-sg";
    } else if (role.startsWith(FRONTEND)) {
      String stack = role.substring(FRONTEND.length());
      how =
          "no group tagged "
              + clusterTag
              + ", {ingress,service}.k8s.aws/stack="
              + stack
              + ", {ingress,service}.k8s.aws/resource=ManagedLBSecurityGroup";
    } else {
      how = "not a network.json role, backend or frontend:<stack>";
    }
    return name == null ? how : how + ", none named " + name;
  }
}
