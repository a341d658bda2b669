package dev.lbr.testing;

import dev.lbr.emulator.Ec2Rules;
import dev.lbr.emulator.GroupRule;
import dev.lbr.emulator.PreparedNetwork;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.GroupIdentifier;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Tag;

/**
 * The security groups of the VPC and the groups of the prepared ENIs, as read by the test (with its
 * own EC2 client) after a step. Rules name their source groups by id.
 */
public record SecurityGroupSnapshot(List<ActualGroup> groups, Map<String, List<String>> eniGroups) {
  public SecurityGroupSnapshot {
    groups = List.copyOf(groups);
    eniGroups = Collections.unmodifiableMap(new TreeMap<>(eniGroups));
  }

  /** A group as it is: ingress rules only (egress is not compared). */
  public record ActualGroup(
      String id, String name, String description, Map<String, String> tags, List<GroupRule> rules) {
    public ActualGroup {
      tags = Collections.unmodifiableMap(new TreeMap<>(tags));
      rules = List.copyOf(rules);
    }

    /** {@code sg-… (name)}: how diff lines show a group. */
    public String label() {
      return id + " (" + name + ")";
    }
  }

  /**
   * Reads the groups of the ENIs {@code network} prepared (an ENI that is gone is left out), and,
   * when {@code withGroups}, every security group of the VPC.
   */
  public static SecurityGroupSnapshot read(
      Ec2Client ec2, String vpcId, PreparedNetwork network, boolean withGroups) {
    List<ActualGroup> groups = new ArrayList<>();
    if (withGroups) {
      ec2.describeSecurityGroupsPaginator(r -> r.filters(filter("vpc-id", List.of(vpcId))))
          .securityGroups()
          .forEach(g -> groups.add(group(g)));
    }
    Map<String, List<String>> enis = new TreeMap<>();
    List<String> ids = network.enis().stream().map(PreparedNetwork.PreparedEni::eniId).toList();
    if (!ids.isEmpty()) {
      ec2.describeNetworkInterfacesPaginator(r -> r.filters(filter("network-interface-id", ids)))
          .networkInterfaces()
          .forEach(
              eni ->
                  enis.put(
                      eni.networkInterfaceId(),
                      eni.groups().stream().map(GroupIdentifier::groupId).toList()));
    }
    return new SecurityGroupSnapshot(groups, enis);
  }

  private static ActualGroup group(SecurityGroup g) {
    Map<String, String> tags = new TreeMap<>();
    for (Tag t : g.tags()) {
      tags.put(t.key(), t.value());
    }
    return new ActualGroup(
        g.groupId(), g.groupName(), g.description(), tags, Ec2Rules.rules(g.ipPermissions()));
  }

  private static Filter filter(String name, List<String> values) {
    return Filter.builder().name(name).values(values).build();
  }
}
