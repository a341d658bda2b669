package dev.lbr.translate.ingress;

import static dev.lbr.translate.ingress.IngressAnnotation.SECURITY_GROUPS;

import dev.lbr.model.ClusterFacts;
import dev.lbr.model.SecurityGroupRule;
import dev.lbr.model.SecurityGroupSpec;
import dev.lbr.model.StackId;
import dev.lbr.translate.common.SecurityGroupNames;
import dev.lbr.translate.ingress.Exclusive.Sourced;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
    return SecurityGroupNames.resolve(
        nameOrIds.value(), facts, problem -> nameOrIds.invalid(SECURITY_GROUPS, problem));
  }

  /**
   * One listener's inbound rules: its port from each CIDR (IPv6 ones if {@code ipv6}) and prefix
   * list.
   */
  static List<SecurityGroupRule> rules(ListenerConfig c, boolean ipv6) {
    List<SecurityGroupRule> rules = new ArrayList<>();
    c.cidrV4().forEach(cidr -> rules.add(SecurityGroupRule.tcp(c.port(), cidr)));
    if (ipv6) {
      c.cidrV6().forEach(cidr -> rules.add(SecurityGroupRule.tcp(c.port(), cidr)));
    }
    c.prefixLists()
        .forEach(pl -> rules.add(new SecurityGroupRule("tcp", c.port(), c.port(), null, pl)));
    return rules;
  }

  /** The managed frontend security group ({@value SecurityGroupSpec#RESOURCE_ID}). */
  static SecurityGroupSpec managed(
      GroupPlan plan, ClusterFacts facts, String ipAddressType, Map<String, String> userTags) {
    boolean ipv6 = ipAddressType.startsWith("dualstack");
    List<SecurityGroupRule> rules = new ArrayList<>();
    for (GroupPlan.ListenerPlan l : plan.listeners()) {
      rules.addAll(rules(l.config(), ipv6));
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
