package dev.lbr.plan;

import dev.lbr.model.SecurityGroupRule;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Security group rules compared as EC2 stores them: protocols by name ({@code 6} is {@code tcp},
 * {@code all} is {@code -1}), ports ignored for all-traffic rules, CIDRs case-insensitive. Rules
 * equal in that sense are the same rule (LBC's {@code IPPermissionInfo.HashCode}).
 */
final class SecurityGroupRules {
  private static final Map<String, String> PROTOCOL_NAMES =
      Map.of("6", "tcp", "17", "udp", "1", "icmp", "58", "icmpv6", "all", "-1");

  private SecurityGroupRules() {}

  /** The comparison key of a rule. */
  static String key(SecurityGroupRule rule) {
    String protocol = protocol(rule.protocol());
    boolean allTraffic = protocol.equals("-1");
    return String.join(
        "|",
        protocol,
        String.valueOf(allTraffic ? -1 : rule.fromPort()),
        String.valueOf(allTraffic ? -1 : rule.toPort()),
        lower(rule.cidr()),
        lower(rule.prefixListId()));
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

  private static String protocol(String protocol) {
    String p = lower(protocol);
    return PROTOCOL_NAMES.getOrDefault(p, p);
  }

  private static String lower(String s) {
    return s == null ? "" : s.toLowerCase(Locale.ROOT);
  }
}
