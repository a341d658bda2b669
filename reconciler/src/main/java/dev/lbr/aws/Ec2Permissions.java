package dev.lbr.aws;

import dev.lbr.model.Permission;
import dev.lbr.model.SecurityGroupRule;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.Ipv6Range;
import software.amazon.awssdk.services.ec2.model.PrefixListId;

/**
 * {@link SecurityGroupRule} ↔ the SDK's {@link IpPermission}. EC2 groups several sources under one
 * permission; the model has one source per rule, like LBC's {@code IPPermissionInfo}.
 */
final class Ec2Permissions {
  private Ec2Permissions() {}

  /**
   * A permission's protocol and ports, as both the model's rules and the target network's
   * permissions read them: absent ports (protocol {@code -1}, all traffic) read as {@code -1}.
   */
  record Ports(String protocol, int from, int to) {
    static Ports of(IpPermission p) {
      return new Ports(
          p.ipProtocol(),
          p.fromPort() == null ? -1 : p.fromPort(),
          p.toPort() == null ? -1 : p.toPort());
    }

    /** The model's rule of these ports from one CIDR or prefix list. */
    SecurityGroupRule rule(String cidr, String prefixListId) {
      return new SecurityGroupRule(protocol, from, to, cidr, prefixListId);
    }

    /** The target network's permission of these ports from one group or CIDR. */
    Permission permission(String sourceGroupId, String cidr, String description) {
      return new Permission(protocol, from, to, sourceGroupId, cidr, description);
    }
  }

  /** One permission per rule, each with exactly one source. */
  static List<IpPermission> toSdk(List<SecurityGroupRule> rules) {
    return rules.stream().map(Ec2Permissions::toSdk).toList();
  }

  static IpPermission toSdk(SecurityGroupRule rule) {
    IpPermission.Builder p =
        IpPermission.builder()
            .ipProtocol(rule.protocol())
            .fromPort(rule.fromPort())
            .toPort(rule.toPort());
    if (rule.prefixListId() != null) {
      p.prefixListIds(PrefixListId.builder().prefixListId(rule.prefixListId()).build());
    } else if (rule.ipv6()) {
      p.ipv6Ranges(Ipv6Range.builder().cidrIpv6(rule.cidr()).build());
    } else {
      p.ipRanges(IpRange.builder().cidrIp(rule.cidr()).build());
    }
    return p.build();
  }

  /**
   * One rule per CIDR and prefix list. Sources naming a security group are skipped. Absent ports
   * read as {@code -1} ({@link Ports}).
   */
  static List<SecurityGroupRule> flatten(List<IpPermission> permissions) {
    List<SecurityGroupRule> rules = new ArrayList<>();
    for (IpPermission p : permissions) {
      Ports ports = Ports.of(p);
      p.ipRanges().forEach(r -> rules.add(ports.rule(r.cidrIp(), null)));
      p.ipv6Ranges().forEach(r -> rules.add(ports.rule(r.cidrIpv6(), null)));
      p.prefixListIds().forEach(r -> rules.add(ports.rule(null, r.prefixListId())));
    }
    return rules;
  }
}
