package dev.lbr.plan;

import dev.lbr.model.HealthCheck;
import dev.lbr.model.ListenerSpec;
import dev.lbr.model.LoadBalancerSpec;
import dev.lbr.model.RuleSpec;
import dev.lbr.model.SecurityGroupRule;
import dev.lbr.model.SecurityGroupSpec;
import dev.lbr.model.Target;
import dev.lbr.model.TargetGroupSpec;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;

/**
 * One mutating ELBv2 or EC2 call the applier will make. A plan is an ordered list of these. For
 * security groups, a {@link Ref}'s {@code arn} holds the group id.
 */
public sealed interface Change {

  /** A one-line, human-readable description for {@code lbr plan} and the audit log. */
  String describe();

  record CreateTargetGroup(TargetGroupSpec spec) implements Change {
    public String describe() {
      return "create target group " + spec.name() + " (" + spec.resourceId() + ")";
    }
  }

  record ModifyTargetGroupHealthCheck(Ref targetGroup, HealthCheck healthCheck) implements Change {
    public String describe() {
      return "modify health check of target group " + targetGroup + " to " + healthCheck;
    }
  }

  record ModifyTargetGroupAttributes(Ref targetGroup, Map<String, String> attributes)
      implements Change {
    public String describe() {
      return "set attributes of target group " + targetGroup + ": " + attributes;
    }
  }

  record DeleteTargetGroup(Ref targetGroup) implements Change {
    public String describe() {
      return "delete target group " + targetGroup;
    }
  }

  /**
   * {@code securityGroup} is the stack's managed security group (possibly created earlier in the
   * plan), attached before the spec's own groups.
   */
  record CreateLoadBalancer(LoadBalancerSpec spec, Optional<Ref> securityGroup) implements Change {
    public CreateLoadBalancer {
      securityGroup = securityGroup == null ? Optional.empty() : securityGroup;
    }

    public CreateLoadBalancer(LoadBalancerSpec spec) {
      this(spec, Optional.empty());
    }

    public String describe() {
      return "create "
          + spec.type().api()
          + " load balancer "
          + spec.name()
          + " ("
          + spec.scheme()
          + ", subnets "
          + spec.subnetIds()
          + securityGroup.map(sg -> ", security group " + sg).orElse("")
          + ")";
    }
  }

  record ModifyLoadBalancerAttributes(Ref loadBalancer, Map<String, String> attributes)
      implements Change {
    public String describe() {
      return "set attributes of load balancer " + loadBalancer + ": " + attributes;
    }
  }

  record SetSubnets(Ref loadBalancer, List<String> subnetIds) implements Change {
    public String describe() {
      return "set subnets of load balancer " + loadBalancer + " to " + subnetIds;
    }
  }

  record SetIpAddressType(Ref loadBalancer, String ipAddressType) implements Change {
    public String describe() {
      return "set ip address type of load balancer " + loadBalancer + " to " + ipAddressType;
    }
  }

  record DeleteLoadBalancer(Ref loadBalancer) implements Change {
    public String describe() {
      return "delete load balancer " + loadBalancer;
    }
  }

  /** Creates a listener on the stack's load balancer. Actions name target groups by resource id. */
  record CreateListener(Ref loadBalancer, ListenerSpec spec) implements Change {
    public String describe() {
      return "create listener " + spec.protocol() + ":" + spec.port();
    }
  }

  record ModifyListener(Ref listener, ListenerSpec spec) implements Change {
    public String describe() {
      return "modify listener " + spec.protocol() + ":" + spec.port();
    }
  }

  record DeleteListener(Ref listener, int port) implements Change {
    public String describe() {
      return "delete listener on port " + port;
    }
  }

  record UpdateTags(Ref resource, Map<String, String> add, Set<String> remove) implements Change {
    public String describe() {
      return "update tags of " + resource + ": add " + add + ", remove " + remove;
    }
  }

  /** At most {@link #MAX_TARGETS_PER_CALL} targets. */
  record RegisterTargets(Ref targetGroup, List<Target> targets) implements Change {
    public String describe() {
      return "register " + targets.size() + " target(s) in " + targetGroup + ": " + keys(targets);
    }
  }

  /** At most {@link #MAX_TARGETS_PER_CALL} targets. */
  record DeregisterTargets(Ref targetGroup, List<Target> targets) implements Change {
    public String describe() {
      return "deregister "
          + targets.size()
          + " target(s) from "
          + targetGroup
          + ": "
          + keys(targets);
    }
  }

  /** LBC's chunk size for RegisterTargets / DeregisterTargets. */
  int MAX_TARGETS_PER_CALL = 200;

  private static String keys(List<Target> targets) {
    return targets.stream().map(Target::key).toList().toString();
  }

  /** Creates a rule on a listener. Actions name target groups by resource id. */
  record CreateRule(Ref listener, RuleSpec spec) implements Change {
    public String describe() {
      return "create rule " + spec.priority() + " on " + listener + ": " + RuleText.of(spec);
    }
  }

  /** Replaces a rule's conditions and actions in place; its priority stays. */
  record ModifyRule(Ref rule, RuleSpec spec) implements Change {
    public String describe() {
      return "modify rule " + rule + ": " + RuleText.of(spec);
    }
  }

  /**
   * Moves rules of one listener, all in one call (rule ARN → new priority, in the order planned).
   */
  record SetRulePriorities(Ref listener, Map<String, Integer> priorities) implements Change {
    public SetRulePriorities {
      priorities = Collections.unmodifiableMap(new LinkedHashMap<>(priorities));
    }

    public String describe() {
      StringJoiner moves = new StringJoiner(", ");
      priorities.forEach(
          (arn, p) -> moves.add(arn.substring(arn.lastIndexOf('/') + 1) + " → " + p));
      return "set rule priorities on " + listener + ": " + moves;
    }
  }

  record DeleteRule(Ref rule) implements Change {
    public String describe() {
      return "delete rule " + rule;
    }
  }

  // ---- the managed frontend security group (EC2) ----

  /** Creates the group with its tags; its rules come in a following change. */
  record CreateSecurityGroup(SecurityGroupSpec spec) implements Change {
    public String describe() {
      return "create security group " + spec.name() + " in " + spec.vpcId();
    }
  }

  record AuthorizeSecurityGroupIngress(Ref securityGroup, List<SecurityGroupRule> rules)
      implements Change {
    public AuthorizeSecurityGroupIngress {
      rules = List.copyOf(rules);
    }

    public String describe() {
      return "allow inbound to " + securityGroup + ": " + SecurityGroupRules.describe(rules);
    }
  }

  record RevokeSecurityGroupIngress(Ref securityGroup, List<SecurityGroupRule> rules)
      implements Change {
    public RevokeSecurityGroupIngress {
      rules = List.copyOf(rules);
    }

    public String describe() {
      return "revoke inbound to " + securityGroup + ": " + SecurityGroupRules.describe(rules);
    }
  }

  /** EC2 CreateTags and DeleteTags on a security group. */
  record UpdateSecurityGroupTags(Ref securityGroup, Map<String, String> add, Set<String> remove)
      implements Change {
    public String describe() {
      return "update tags of security group "
          + securityGroup
          + ": add "
          + add
          + ", remove "
          + remove;
    }
  }

  /** The load balancer's security groups become exactly {@code securityGroups}, in order. */
  record SetSecurityGroups(Ref loadBalancer, List<Ref> securityGroups) implements Change {
    public SetSecurityGroups {
      securityGroups = List.copyOf(securityGroups);
    }

    public String describe() {
      return "set security groups of load balancer " + loadBalancer + " to " + securityGroups;
    }
  }

  /** Comes after every change that could still use the group (it is retried while in use). */
  record DeleteSecurityGroup(Ref securityGroup) implements Change {
    public String describe() {
      return "delete security group " + securityGroup;
    }
  }
}
