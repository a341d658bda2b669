package dev.lbr.plan;

import dev.lbr.model.NetworkingPort;
import dev.lbr.model.Permission;
import dev.lbr.model.Target;
import dev.lbr.model.TargetGroupNetworking;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The rules on the targets' security groups (LBC {@code networking_manager.go}), pure: what one
 * stack needs on each endpoint group, then the whole cluster's needs merged the way LBC's default
 * restricted mode merges them (per group, protocol and source group, one rule from the lowest to
 * the highest port; CIDR rules as they are).
 */
public final class NodeRules {
  private NodeRules() {}

  /**
   * What one stack needs, by endpoint security group.
   *
   * @param targets the desired targets by target group resource id
   * @param endpointGroups the endpoint security group of each target id; targets without one get no
   *     rule
   */
  public static Map<String, Set<Permission>> forStack(
      List<TargetGroupNetworking> networking,
      Map<String, Set<Target>> targets,
      Map<String, String> endpointGroups) {
    Map<String, Set<Permission>> bySg = new TreeMap<>();
    for (TargetGroupNetworking tg : networking) {
      Map<String, Set<Integer>> portsBySg = new TreeMap<>();
      for (Target t : targets.getOrDefault(tg.targetGroup(), Set.of())) {
        String sg = endpointGroups.get(t.id());
        if (sg != null) {
          portsBySg.computeIfAbsent(sg, k -> new TreeSet<>()).add(t.port());
        }
      }
      portsBySg.forEach(
          (sg, targetPorts) -> {
            Set<Permission> perms = bySg.computeIfAbsent(sg, k -> new TreeSet<>());
            for (NetworkingPort port : tg.ports()) {
              Collection<Integer> numbers =
                  port.port() == null ? targetPorts : List.of(port.port());
              for (int n : numbers) {
                for (String peer : tg.peers()) {
                  perms.add(permission(port.protocol(), n, peer));
                }
              }
            }
          });
    }
    return bySg;
  }

  private static Permission permission(String protocol, int port, String peer) {
    return peer.startsWith("sg-") || peer.equals(TargetGroupNetworking.BACKEND)
        ? Permission.fromGroup(protocol, port, port, peer)
        : Permission.fromCidr(protocol, port, port, peer);
  }

  /**
   * The cluster's rules by endpoint group: group-sourced rules merged per protocol and source into
   * one port range ({@code computeRestrictedIngressPermissionsPerSG}), CIDR rules kept as they are.
   */
  public static Map<String, List<Permission>> merge(
      Collection<? extends Map<String, ? extends Collection<Permission>>> stacks) {
    Map<String, Map<String, int[]>> ranges = new TreeMap<>();
    Map<String, Set<Permission>> cidrRules = new TreeMap<>();
    for (Map<String, ? extends Collection<Permission>> stack : stacks) {
      stack.forEach(
          (sg, perms) -> {
            for (Permission p : perms) {
              if (p.sourceGroupId() == null) {
                cidrRules.computeIfAbsent(sg, k -> new TreeSet<>()).add(p);
                continue;
              }
              String key = p.protocol() + " " + p.sourceGroupId();
              int[] range =
                  ranges
                      .computeIfAbsent(sg, k -> new TreeMap<>())
                      .computeIfAbsent(key, k -> new int[] {p.fromPort(), p.toPort()});
              range[0] = Math.min(range[0], p.fromPort());
              range[1] = Math.max(range[1], p.toPort());
            }
          });
    }
    Map<String, List<Permission>> merged = new TreeMap<>();
    ranges.forEach(
        (sg, byKey) ->
            byKey.forEach(
                (key, range) -> {
                  String[] parts = key.split(" ", 2);
                  merged
                      .computeIfAbsent(sg, k -> new ArrayList<>())
                      .add(Permission.fromGroup(parts[0], range[0], range[1], parts[1]));
                }));
    cidrRules.forEach(
        (sg, perms) -> merged.computeIfAbsent(sg, k -> new ArrayList<>()).addAll(perms));
    merged.values().forEach(l -> l.sort(null));
    return merged;
  }

  /** What to authorize and revoke on one group. */
  public record GroupChange(String groupId, List<Permission> authorize, List<Permission> revoke) {
    public boolean isEmpty() {
      return authorize.isEmpty() && revoke.isEmpty();
    }
  }

  /**
   * Desired against actual, group by group: missing rules are authorized; a rule is revoked only
   * when it is not desired, carries LBC's label, and is ours: its source is the backend group, or
   * it is one we granted before ({@code granted}). Nothing else on a group is ever touched.
   *
   * @param groups every group to look at: the desired ones and those that held our rules before
   */
  public static List<GroupChange> changes(
      Set<String> groups,
      Map<String, List<Permission>> desired,
      Map<String, List<Permission>> actual,
      Map<String, List<Permission>> granted,
      String backendGroupId) {
    List<GroupChange> out = new ArrayList<>();
    for (String sg : new TreeSet<>(groups)) {
      if (!actual.containsKey(sg)) {
        continue; // the group is gone: nothing to do on it
      }
      Map<String, Permission> want = byKey(desired.getOrDefault(sg, List.of()));
      Map<String, Permission> have = byKey(actual.get(sg));
      Set<String> ours = byKey(granted.getOrDefault(sg, List.of())).keySet();
      List<Permission> authorize = Matches.absentFrom(want, have);
      List<Permission> revoke =
          Matches.absentFrom(have, want).stream()
              .filter(Permission::labelled)
              .filter(
                  p ->
                      (backendGroupId != null && backendGroupId.equals(p.sourceGroupId()))
                          || ours.contains(p.key()))
              .toList();
      GroupChange change = new GroupChange(sg, authorize, revoke);
      if (!change.isEmpty()) {
        out.add(change);
      }
    }
    return out;
  }

  private static Map<String, Permission> byKey(List<Permission> perms) {
    Map<String, Permission> m = new TreeMap<>();
    perms.forEach(p -> m.putIfAbsent(p.key(), p));
    return m;
  }
}
