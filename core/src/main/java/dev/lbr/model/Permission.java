package dev.lbr.model;

import java.util.Locale;

/**
 * One inbound rule on a target's security group (LBC's {@code IPPermissionInfo} with one source):
 * protocol, port range, and either a source security group or a CIDR; {@code description} is the
 * rule's label ({@link #LABEL} for rules lbr and LBC manage).
 */
public record Permission(
    String protocol,
    int fromPort,
    int toPort,
    String sourceGroupId,
    String cidr,
    String description)
    implements Comparable<Permission> {
  /** LBC's rule description, which marks a rule as the controller's own. */
  public static final String LABEL = "elbv2.k8s.aws/targetGroupBinding=shared";

  public static Permission fromGroup(String protocol, int from, int to, String groupId) {
    return new Permission(protocol, from, to, groupId, null, LABEL);
  }

  public static Permission fromCidr(String protocol, int from, int to, String cidr) {
    return new Permission(protocol, from, to, null, cidr, LABEL);
  }

  public boolean labelled() {
    return LABEL.equals(description);
  }

  /** What EC2 treats as the same rule: protocol, ports and source; not the description. */
  public String key() {
    String p = protocol.toLowerCase(Locale.ROOT);
    if (p.equals("6")) {
      p = "tcp";
    } else if (p.equals("17")) {
      p = "udp";
    }
    boolean all = p.equals("-1") || p.equals("all");
    return (all ? "-1" : p)
        + " "
        + (all ? "" : fromPort == toPort ? "" + fromPort : fromPort + "-" + toPort)
        + " from "
        + (sourceGroupId != null
            ? sourceGroupId
            : cidr == null ? "" : cidr.toLowerCase(Locale.ROOT));
  }

  @Override
  public int compareTo(Permission o) {
    return key().compareTo(o.key());
  }
}
