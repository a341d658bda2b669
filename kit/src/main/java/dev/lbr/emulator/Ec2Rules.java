package dev.lbr.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.Ipv6Range;
import software.amazon.awssdk.services.ec2.model.PrefixListId;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;

/** {@link GroupRule}s to EC2 {@code IpPermission}s and back (one rule per source). */
public final class Ec2Rules {
  private Ec2Rules() {}

  /** The permission granting one rule; {@code groupId} turns a role into its group id. */
  public static IpPermission permission(GroupRule rule, UnaryOperator<String> groupId) {
    IpPermission.Builder p =
        IpPermission.builder()
            .ipProtocol(rule.protocol().equals("all") ? "-1" : rule.protocol())
            .fromPort(rule.fromPort())
            .toPort(rule.toPort());
    String description = rule.description();
    switch (rule.sourceKind()) {
      case GROUP ->
          p.userIdGroupPairs(
              UserIdGroupPair.builder()
                  .groupId(groupId.apply(rule.source()))
                  .description(description)
                  .build());
      case PREFIX_LIST ->
          p.prefixListIds(
              PrefixListId.builder().prefixListId(rule.source()).description(description).build());
      case CIDR -> {
        if (rule.source().contains(":")) {
          p.ipv6Ranges(
              Ipv6Range.builder().cidrIpv6(rule.source()).description(description).build());
        } else {
          p.ipRanges(IpRange.builder().cidrIp(rule.source()).description(description).build());
        }
      }
    }
    return p.build();
  }

  /** The rules of EC2 permissions, group sources as group ids. */
  public static List<GroupRule> rules(List<IpPermission> permissions) {
    List<GroupRule> rules = new ArrayList<>();
    for (IpPermission p : permissions) {
      String protocol = p.ipProtocol();
      Integer from = p.fromPort();
      Integer to = p.toPort();
      p.userIdGroupPairs()
          .forEach(g -> rules.add(new GroupRule(protocol, from, to, g.groupId(), g.description())));
      p.ipRanges()
          .forEach(r -> rules.add(new GroupRule(protocol, from, to, r.cidrIp(), r.description())));
      p.ipv6Ranges()
          .forEach(
              r -> rules.add(new GroupRule(protocol, from, to, r.cidrIpv6(), r.description())));
      p.prefixListIds()
          .forEach(
              r -> rules.add(new GroupRule(protocol, from, to, r.prefixListId(), r.description())));
    }
    return rules;
  }
}
