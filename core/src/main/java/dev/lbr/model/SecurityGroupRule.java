package dev.lbr.model;

import java.util.Locale;
import java.util.Map;

/**
 * One inbound rule of a managed security group: TCP (or {@code -1} for all) from a CIDR (IPv4 or
 * IPv6) or a prefix list. Exactly one of {@code cidr} and {@code prefixListId} is set.
 */
public record SecurityGroupRule(
    String protocol, int fromPort, int toPort, String cidr, String prefixListId) {
  private static final Map<String, String> PROTOCOL_NAMES =
      Map.of("6", "tcp", "17", "udp", "1", "icmp", "58", "icmpv6", "all", "-1");

  public static SecurityGroupRule tcp(int port, String cidr) {
    return new SecurityGroupRule("tcp", port, port, cidr, null);
  }

  public boolean ipv6() {
    return cidr != null && cidr.contains(":");
  }

  /**
   * The rule as EC2 stores it: protocols by name ({@code 6} is {@code tcp}, {@code all} is {@code
   * -1}), ports ignored for all-traffic rules, CIDRs case-insensitive. Rules with equal keys are
   * the same rule (LBC's {@code IPPermissionInfo.HashCode}).
   */
  public String key() {
    String p = lower(protocol);
    p = PROTOCOL_NAMES.getOrDefault(p, p);
    boolean allTraffic = p.equals("-1");
    return String.join(
        "|",
        p,
        String.valueOf(allTraffic ? -1 : fromPort),
        String.valueOf(allTraffic ? -1 : toPort),
        lower(cidr),
        lower(prefixListId));
  }

  private static String lower(String s) {
    return s == null ? "" : s.toLowerCase(Locale.ROOT);
  }
}
