package dev.lbr.model;

/**
 * One inbound rule of a managed security group: TCP (or {@code -1} for all) from a CIDR (IPv4 or
 * IPv6) or a prefix list. Exactly one of {@code cidr} and {@code prefixListId} is set.
 */
public record SecurityGroupRule(
    String protocol, int fromPort, int toPort, String cidr, String prefixListId) {

  public static SecurityGroupRule tcp(int port, String cidr) {
    return new SecurityGroupRule("tcp", port, port, cidr, null);
  }

  public boolean ipv6() {
    return cidr != null && cidr.contains(":");
  }
}
