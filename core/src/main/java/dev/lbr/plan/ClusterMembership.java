package dev.lbr.plan;

import dev.lbr.model.TargetHolder;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Whether a target is the cluster's (pure): only those are registered, so a forged EndpointSlice or
 * Node cannot put something else (a database) behind a load balancer. An ip target's interface must
 * be in the cluster's VPC and be a node's or a pod's: tagged for the cluster itself (a branch
 * interface of security groups for pods, VPC CNI's), attached to an instance tagged for the
 * cluster, or carrying a security group tagged {@code kubernetes.io/cluster/<cluster>} (the node
 * group's or the cluster's group, which pod interfaces carry). The interface holds the IP as an
 * address or within one of its delegated prefixes ({@link #heldByPrefix}). An instance target must
 * be in the VPC and tagged for the cluster.
 */
public final class ClusterMembership {
  private static final Pattern INSTANCE_ID = Pattern.compile("i-[0-9a-f]+");

  private ClusterMembership() {}

  /** Whether a target id names an instance ({@code i-…}) rather than an IP. */
  public static boolean isInstance(String targetId) {
    return INSTANCE_ID.matcher(targetId).matches();
  }

  /**
   * Tagged as the cluster's: {@code kubernetes.io/cluster/<cluster>} ({@code owned} or {@code
   * shared}), or EKS's and VPC CNI's cluster-name tags.
   */
  public static boolean tagged(Map<String, String> tags, String cluster) {
    String v = tags.get("kubernetes.io/cluster/" + cluster);
    return "owned".equals(v)
        || "shared".equals(v)
        || cluster.equals(tags.get("eks:cluster-name"))
        || cluster.equals(tags.get("aws:eks:cluster-name"))
        || cluster.equals(tags.get("cluster.k8s.amazonaws.com/name"));
  }

  /**
   * The interfaces among {@code candidates} whose delegated prefixes hold the address: what holds a
   * pod address of VPC CNI's prefix delegation (and every pod address of an IPv6 cluster), which
   * EC2 lists under the interface's prefixes rather than its addresses.
   */
  public static List<TargetHolder> heldByPrefix(String ip, Collection<TargetHolder> candidates) {
    return candidates.stream()
        .filter(h -> h.prefixes().stream().anyMatch(p -> IpPrefixes.contains(p, ip)))
        .toList();
  }

  /**
   * Why the target is refused; empty when it is the cluster's.
   *
   * @param holders what holds the target, in any VPC (empty: nothing EC2 knows)
   * @param instanceTags the tags of the instances the holders are attached to
   * @param groupTags the tags of the holders' security groups
   */
  public static Optional<String> refusal(
      String cluster,
      String vpcId,
      String targetId,
      List<TargetHolder> holders,
      Map<String, Map<String, String>> instanceTags,
      Map<String, Map<String, String>> groupTags) {
    boolean instance = isInstance(targetId);
    if (holders.isEmpty()) {
      return Optional.of(
          instance ? "no such instance" : "no network interface holds it in any VPC");
    }
    List<TargetHolder> inVpc = holders.stream().filter(h -> vpcId.equals(h.vpcId())).toList();
    if (inVpc.isEmpty()) {
      TargetHolder h = holders.get(0);
      return Optional.of(h.id() + " is in " + h.vpcId() + ", not in the cluster's VPC " + vpcId);
    }
    for (TargetHolder h : inVpc) {
      if (instance ? tagged(h.tags(), cluster) : belongs(h, cluster, instanceTags, groupTags)) {
        return Optional.empty();
      }
    }
    TargetHolder h = inVpc.get(0);
    return Optional.of(
        instance
            ? h.id() + " is not tagged for cluster " + cluster
            : h.id()
                + " is no node's or pod's interface of cluster "
                + cluster
                + ": neither it, its instance nor its security groups are tagged for the cluster");
  }

  private static boolean belongs(
      TargetHolder eni,
      String cluster,
      Map<String, Map<String, String>> instanceTags,
      Map<String, Map<String, String>> groupTags) {
    if (tagged(eni.tags(), cluster)) {
      return true;
    }
    if (eni.instanceId() != null
        && tagged(instanceTags.getOrDefault(eni.instanceId(), Map.of()), cluster)) {
      return true;
    }
    String key = "kubernetes.io/cluster/" + cluster;
    return eni.securityGroupIds().stream()
        .map(g -> groupTags.getOrDefault(g, Map.of()).get(key))
        .anyMatch(v -> "owned".equals(v) || "shared".equals(v));
  }
}
