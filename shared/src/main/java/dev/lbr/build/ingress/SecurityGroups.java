package dev.lbr.build.ingress;

import static dev.lbr.build.ingress.IngressAnnotation.SECURITY_GROUPS;

import dev.lbr.build.ingress.Exclusive.Sourced;
import dev.lbr.model.ClusterFacts;
import dev.lbr.model.SecurityGroupInfo;
import dev.lbr.model.SecurityGroupRule;
import dev.lbr.model.SecurityGroupSpec;
import dev.lbr.model.StackId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The ALB's security groups (LBC {@code buildLoadBalancerSecurityGroups} and {@code
 * model_build_managed_sg.go}): the {@code security-groups} annotation's groups (IDs as given, names
 * resolved through the facts by Name tag in the cluster's VPC), else the managed frontend group
 * opening each listen port to its inbound CIDRs ({@code ::/0}-style IPv6 ones only on a dualstack
 * ALB) and prefix lists.
 */
final class SecurityGroups {
  private SecurityGroups() {}

  /** IDs first, then the groups named, each once (LBC's {@code ResolveViaNameOrID}). */
  static List<String> resolve(Sourced<List<String>> nameOrIds, ClusterFacts facts) {
    Set<String> ids = new LinkedHashSet<>();
    List<String> names = new ArrayList<>();
    for (String s : nameOrIds.value()) {
      if (s.startsWith("sg-")) {
        ids.add(s);
      } else if (!names.contains(s)) {
        names.add(s);
      }
    }
    List<String> missing = new ArrayList<>();
    for (String name : names) {
      List<String> found =
          facts.securityGroups().stream()
              .filter(g -> name.equals(g.name()) && facts.vpcId().equals(g.vpcId()))
              .map(SecurityGroupInfo::groupId)
              .sorted()
              .toList();
      if (found.isEmpty()) {
        missing.add(name);
      }
      ids.addAll(found);
    }
    if (!missing.isEmpty()) {
      throw nameOrIds.invalid(
          SECURITY_GROUPS,
          "couldn't find all security groups: no security group named "
              + missing
              + " in "
              + facts.vpcId());
    }
    return List.copyOf(ids);
  }

  /** The managed frontend security group ({@value SecurityGroupSpec#RESOURCE_ID}). */
  static SecurityGroupSpec managed(
      GroupPlan plan, ClusterFacts facts, String ipAddressType, Map<String, String> userTags) {
    boolean ipv6 = ipAddressType.startsWith("dualstack");
    List<SecurityGroupRule> rules = new ArrayList<>();
    for (GroupPlan.ListenerPlan l : plan.listeners()) {
      ListenerConfig c = l.config();
      c.cidrV4().forEach(cidr -> rules.add(SecurityGroupRule.tcp(c.port(), cidr)));
      if (ipv6) {
        c.cidrV6().forEach(cidr -> rules.add(SecurityGroupRule.tcp(c.port(), cidr)));
      }
      c.prefixLists()
          .forEach(pl -> rules.add(new SecurityGroupRule("tcp", c.port(), c.port(), null, pl)));
    }
    StackId id = plan.id();
    return new SecurityGroupSpec(
        AlbNames.securityGroup(facts.clusterName(), id),
        SecurityGroupSpec.DESCRIPTION,
        facts.vpcId(),
        rules,
        IngressTags.withOwnership(
            id, facts.clusterName(), SecurityGroupSpec.RESOURCE_ID, userTags));
  }
}
