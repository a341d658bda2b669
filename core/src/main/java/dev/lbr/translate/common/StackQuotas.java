package dev.lbr.translate.common;

import dev.lbr.model.SecurityGroupRule;
import dev.lbr.model.Target;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The count quotas of a whole stack ({@link ElbLimits}), shared by the Service and Ingress
 * builders. Each check returns the problem, or empty; the caller names the object and annotation.
 */
public final class StackQuotas {
  private StackQuotas() {}

  /** Listeners per load balancer. */
  public static Optional<String> listeners(int count) {
    return count > ElbLimits.LISTENERS_PER_LOAD_BALANCER
        ? Optional.of(
            count
                + " listeners; a load balancer takes at most "
                + ElbLimits.LISTENERS_PER_LOAD_BALANCER)
        : Optional.empty();
  }

  /** Targets per target group, by target group resource id. */
  public static Optional<String> targets(Map<String, Set<Target>> targets) {
    for (Map.Entry<String, Set<Target>> e : new TreeMap<>(targets).entrySet()) {
      if (e.getValue().size() > ElbLimits.TARGETS_PER_TARGET_GROUP) {
        return Optional.of(
            "target group "
                + e.getKey()
                + " would have "
                + e.getValue().size()
                + " targets; a target group takes at most "
                + ElbLimits.TARGETS_PER_TARGET_GROUP);
      }
    }
    return Optional.empty();
  }

  /**
   * The inbound rules the security-group planner authorizes on a managed group (equal rules once,
   * {@link SecurityGroupRule#key()}): at most 60 IPv4 and 60 IPv6 ones. A prefix list counts as one
   * rule here, though EC2 counts its maximum entries.
   */
  public static Optional<String> inboundRules(Collection<SecurityGroupRule> rules) {
    Set<String> v4 = new HashSet<>();
    Set<String> v6 = new HashSet<>();
    for (SecurityGroupRule r : rules) {
      (r.ipv6() ? v6 : v4).add(r.key());
    }
    int worst = Math.max(v4.size(), v6.size());
    if (worst <= ElbLimits.INBOUND_RULES_PER_SECURITY_GROUP) {
      return Optional.empty();
    }
    return Optional.of(
        "the managed security group would need "
            + worst
            + (v4.size() >= v6.size() ? " IPv4" : " IPv6")
            + " inbound rules (one per listen port and source CIDR or prefix list); a security"
            + " group takes at most "
            + ElbLimits.INBOUND_RULES_PER_SECURITY_GROUP
            + " per IP family: use fewer CIDRs, a prefix list, or your own security groups");
  }
}
