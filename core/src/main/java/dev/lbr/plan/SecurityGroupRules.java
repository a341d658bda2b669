package dev.lbr.plan;

import dev.lbr.model.SecurityGroupRule;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Security group rules compared as EC2 stores them ({@link SecurityGroupRule#key()}): rules with
 * equal keys are the same rule (LBC's {@code IPPermissionInfo.HashCode}).
 */
final class SecurityGroupRules {
  private SecurityGroupRules() {}

  /** The comparison key of a rule ({@link SecurityGroupRule#key()}). */
  static String key(SecurityGroupRule rule) {
    return rule.key();
  }

  /** The rules keyed and sorted by {@link #key}; the first of equal rules wins. */
  static Map<String, SecurityGroupRule> byKey(Collection<SecurityGroupRule> rules) {
    Map<String, SecurityGroupRule> byKey = new TreeMap<>();
    rules.forEach(r -> byKey.putIfAbsent(key(r), r));
    return byKey;
  }

  /** {@code tcp 443 from 0.0.0.0/0} and the like. */
  static String describe(List<SecurityGroupRule> rules) {
    return rules.stream().map(SecurityGroupRules::describe).toList().toString();
  }

  private static String describe(SecurityGroupRule r) {
    String ports = r.fromPort() == r.toPort() ? "" + r.fromPort() : r.fromPort() + "-" + r.toPort();
    String source = r.prefixListId() != null ? r.prefixListId() : r.cidr();
    return r.protocol() + " " + ports + " from " + source;
  }
}
