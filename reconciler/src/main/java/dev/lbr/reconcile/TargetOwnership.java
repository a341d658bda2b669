package dev.lbr.reconcile;

import dev.lbr.aws.TargetNetworkGateway;
import dev.lbr.aws.TargetNetworkGateway.Interface;
import dev.lbr.event.StackResult;
import dev.lbr.model.Target;
import dev.lbr.model.TargetHolder;
import dev.lbr.plan.ClusterMembership;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps targets that are not the cluster's from being registered ({@link ClusterMembership} says
 * which are). Asks EC2 only about targets it has not seen: those already registered (tracked by a
 * trusted checkpoint) or refused before are not asked again, so an unchanged or scaled stack costs
 * no call; new ones cost one {@code DescribeNetworkInterfaces} per address family (IPs, 200 per
 * call), one {@code DescribeInstances} for IPs no interface holds as an address (by the delegated
 * prefix that would hold them), one {@code DescribeInstances} (instance targets) and, for
 * interfaces not tagged themselves, one {@code DescribeSecurityGroups} and one {@code
 * DescribeInstances} for their groups' and instances' tags.
 */
final class TargetOwnership {
  private static final Logger LOG = LoggerFactory.getLogger(TargetOwnership.class);
  private static final int LISTED = 10;

  private final TargetNetworkGateway ec2;
  private final String cluster;

  TargetOwnership(TargetNetworkGateway ec2, String cluster) {
    this.ec2 = ec2;
    this.cluster = cluster;
  }

  /**
   * The targets to register and those refused.
   *
   * @param targets what the spec and endpoints ask for
   * @param vpc the cluster's VPC, asked only when something must be looked up
   * @param known target ids admitted before (registered): not asked again
   * @param refusedBefore target ids refused before, with why: not asked again
   */
  Admission admit(
      Map<String, Set<Target>> targets,
      Supplier<String> vpc,
      Set<String> known,
      Map<String, String> refusedBefore) {
    Set<String> ids = new TreeSet<>();
    targets.values().forEach(set -> set.forEach(t -> ids.add(t.id())));
    Map<String, String> refused = new TreeMap<>();
    Set<String> ask = new TreeSet<>();
    for (String id : ids) {
      if (refusedBefore.containsKey(id)) {
        refused.put(id, refusedBefore.get(id));
      } else if (!known.contains(id)) {
        ask.add(id);
      }
    }
    Map<String, Interface> interfaces = new TreeMap<>();
    if (!ask.isEmpty()) {
      lookUp(ask, vpc.get(), refused, interfaces);
    }
    Map<String, Set<Target>> admitted = new TreeMap<>();
    targets.forEach(
        (tg, set) ->
            admitted.put(
                tg,
                set.stream()
                    .filter(t -> !refused.containsKey(t.id()))
                    .collect(Collectors.toCollection(TreeSet::new))));
    return new Admission(admitted, refused, interfaces);
  }

  private void lookUp(
      Set<String> ask, String vpcId, Map<String, String> refused, Map<String, Interface> seen) {
    Set<String> ips = new TreeSet<>();
    Set<String> instances = new TreeSet<>();
    ask.forEach(id -> (ClusterMembership.isInstance(id) ? instances : ips).add(id));
    Map<String, List<TargetHolder>> holders = new TreeMap<>();
    if (!ips.isEmpty()) {
      holders.putAll(ec2.addressHolders(ips));
    }
    // Pods of prefix delegation (every pod of an IPv6 cluster): in a prefix, not an address.
    Set<String> unresolved = new TreeSet<>(ips);
    unresolved.removeAll(holders.keySet());
    if (!unresolved.isEmpty()) {
      List<TargetHolder> prefixed = ec2.prefixHolders(unresolved);
      for (String ip : unresolved) {
        List<TargetHolder> list = ClusterMembership.heldByPrefix(ip, prefixed);
        if (!list.isEmpty()) {
          holders.put(ip, list);
        }
      }
    }
    if (!instances.isEmpty()) {
      ec2.instances(instances).forEach((id, h) -> holders.put(id, List.of(h)));
    }
    // Tags of the groups and instances, only for interfaces in the VPC not tagged themselves.
    Set<String> groups = new TreeSet<>();
    Set<String> attached = new TreeSet<>();
    holders.forEach(
        (id, list) -> {
          if (!ClusterMembership.isInstance(id)) {
            list.stream()
                .filter(
                    h -> vpcId.equals(h.vpcId()) && !ClusterMembership.tagged(h.tags(), cluster))
                .forEach(
                    h -> {
                      groups.addAll(h.securityGroupIds());
                      if (h.instanceId() != null) {
                        attached.add(h.instanceId());
                      }
                    });
          }
        });
    Map<String, Map<String, String>> groupTags =
        groups.isEmpty() ? Map.of() : ec2.securityGroupTags(groups);
    Map<String, Map<String, String>> instanceTags = new TreeMap<>();
    if (!attached.isEmpty()) {
      ec2.instances(attached).forEach((id, h) -> instanceTags.put(id, h.tags()));
    }
    for (String id : ask) {
      List<TargetHolder> list = holders.getOrDefault(id, List.of());
      var why = ClusterMembership.refusal(cluster, vpcId, id, list, instanceTags, groupTags);
      if (why.isPresent()) {
        refused.put(id, why.get());
        LOG.atWarn()
            .addKeyValue("target", id)
            .addKeyValue("cluster", cluster)
            .addKeyValue("reason", why.get())
            .log("target-refused");
      } else {
        list.stream()
            .filter(h -> vpcId.equals(h.vpcId()) && h.interfaceId() != null)
            .findFirst()
            .ifPresent(h -> seen.put(id, new Interface(h.interfaceId(), h.securityGroupIds())));
      }
    }
  }

  /**
   * @param targets the targets to register, by target group resource id
   * @param refused the refused target ids, with why
   * @param interfaces the interfaces found for admitted targets (their endpoint groups need them)
   */
  record Admission(
      Map<String, Set<Target>> targets,
      Map<String, String> refused,
      Map<String, Interface> interfaces) {

    /** Whether a target is refused that {@code before} did not refuse. */
    boolean refusesMoreThan(Map<String, String> before) {
      return !before.keySet().containsAll(refused.keySet());
    }

    /** The warning the cluster sees (a Warning event); none when nothing is refused. */
    List<StackResult.Warning> warnings(String cluster) {
      if (refused.isEmpty()) {
        return List.of();
      }
      List<String> listed = new ArrayList<>();
      refused.entrySet().stream()
          .limit(LISTED)
          .forEach(e -> listed.add(e.getKey() + " (" + e.getValue() + ")"));
      String more = refused.size() > LISTED ? "; and " + (refused.size() - LISTED) + " more" : "";
      return List.of(
          new StackResult.Warning(
              StackResult.REASON_TARGETS_REFUSED,
              "not registered, not of cluster "
                  + cluster
                  + ": "
                  + String.join("; ", listed)
                  + more));
    }
  }
}
