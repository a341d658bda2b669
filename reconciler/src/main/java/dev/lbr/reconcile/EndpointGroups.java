package dev.lbr.reconcile;

import dev.lbr.aws.TargetNetworkGateway;
import dev.lbr.aws.TargetNetworkGateway.Interface;
import dev.lbr.model.Target;
import dev.lbr.model.TargetGroupNetworking;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The endpoint security group of each target (LBC {@code pod_eni_info_resolver.go}, {@code
 * node_eni_info_resolver.go}, {@code resolveEndpointSGForENI}): the network interface holding a pod
 * IP (a branch interface too, with security groups for pods), or an instance's primary interface;
 * its one group, or of several the one tagged {@code kubernetes.io/cluster/<cluster>}. Targets
 * already resolved are not asked again: a batch of new pods costs at most one {@code
 * DescribeNetworkInterfaces}, an unchanged one none.
 */
final class EndpointGroups {
  private static final Logger LOG = LoggerFactory.getLogger(EndpointGroups.class);

  private final TargetNetworkGateway ec2;
  private final String cluster;

  EndpointGroups(TargetNetworkGateway ec2, String cluster) {
    this.ec2 = ec2;
    this.cluster = cluster;
  }

  /**
   * The endpoint group of every target of a target group with networking; those of {@code known}
   * are kept, those of {@code seen} (found earlier in the pass) taken, the others looked up.
   * Targets on no interface the VPC knows get none (logged).
   *
   * @throws IllegalStateException when an interface has several groups and not exactly one carries
   *     the cluster tag (LBC's error)
   */
  Map<String, String> resolve(
      String vpcId,
      List<TargetGroupNetworking> networking,
      Map<String, Set<Target>> targets,
      Map<String, String> known,
      Map<String, Interface> seen) {
    Set<String> ips = new TreeSet<>();
    Set<String> instances = new TreeSet<>();
    Map<String, String> resolved = new TreeMap<>();
    for (TargetGroupNetworking tg : networking) {
      for (Target t : targets.getOrDefault(tg.targetGroup(), Set.of())) {
        if (known.containsKey(t.id())) {
          resolved.put(t.id(), known.get(t.id()));
        } else if (tg.targetType().equals("instance")) {
          instances.add(t.id());
        } else {
          ips.add(t.id());
        }
      }
    }
    Map<String, Interface> found = new TreeMap<>();
    for (String id : List.copyOf(ips)) {
      if (seen.containsKey(id)) {
        found.put(id, seen.get(id));
        ips.remove(id);
      }
    }
    for (String id : List.copyOf(instances)) {
      if (seen.containsKey(id)) {
        found.put(id, seen.get(id));
        instances.remove(id);
      }
    }
    if (!ips.isEmpty()) {
      found.putAll(ec2.interfacesByAddress(vpcId, ips));
    }
    if (!instances.isEmpty()) {
      found.putAll(ec2.primaryInterfaces(instances));
    }
    Set<String> unresolved = new TreeSet<>(ips);
    unresolved.addAll(instances);
    unresolved.removeAll(found.keySet());
    if (!unresolved.isEmpty()) {
      LOG.atWarn()
          .addKeyValue("targets", unresolved)
          .addKeyValue("note", "no rule for them on their security groups")
          .log("target-interface-not-found");
    }
    Map<String, Map<String, String>> tags = tagsOf(found.values());
    Set<String> untagged = new TreeSet<>();
    found.forEach(
        (target, eni) -> {
          String sg = choose(eni, tags);
          if (tagged(sg, tags)) {
            resolved.put(target, sg);
          } else {
            untagged.add(sg);
          }
        });
    if (!untagged.isEmpty()) {
      LOG.atWarn()
          .addKeyValue("groups", untagged)
          .addKeyValue(
              "note",
              "lbr changes only groups tagged kubernetes.io/cluster/"
                  + cluster
                  + "; add the tag (owned or shared) or allow the load balancer by hand")
          .log("endpoint-group-not-tagged");
    }
    return resolved;
  }

  private Map<String, Map<String, String>> tagsOf(Iterable<Interface> interfaces) {
    Set<String> candidates = new TreeSet<>();
    interfaces.forEach(eni -> candidates.addAll(eni.securityGroupIds()));
    return candidates.isEmpty() ? Map.of() : ec2.securityGroupTags(candidates);
  }

  /** Only groups tagged for the cluster are ever changed (the IAM policy allows no other). */
  private boolean tagged(String sg, Map<String, Map<String, String>> tags) {
    String value = tags.getOrDefault(sg, Map.of()).get("kubernetes.io/cluster/" + cluster);
    return "owned".equals(value) || "shared".equals(value);
  }

  private String choose(Interface eni, Map<String, Map<String, String>> tags) {
    List<String> groups = eni.securityGroupIds();
    if (groups.size() == 1) {
      return groups.get(0);
    }
    String key = "kubernetes.io/cluster/" + cluster;
    List<String> tagged = new ArrayList<>();
    for (String sg : groups) {
      if (tags.getOrDefault(sg, Map.of()).containsKey(key)) {
        tagged.add(sg);
      }
    }
    if (tagged.size() != 1) {
      throw new IllegalStateException(
          "expected exactly one securityGroup tagged with "
              + key
              + " for eni "
              + eni.id()
              + ", got: "
              + tagged.stream().sorted().toList()
              + " (clusterName: "
              + cluster
              + ")");
    }
    return tagged.get(0);
  }
}
