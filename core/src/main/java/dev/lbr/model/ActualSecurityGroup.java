package dev.lbr.model;

import java.util.List;
import java.util.Map;

/** A security group as read back from EC2, with its inbound rules one CIDR or prefix list each. */
public record ActualSecurityGroup(
    String groupId,
    String name,
    String vpcId,
    List<SecurityGroupRule> ingress,
    Map<String, String> tags) {
  public ActualSecurityGroup {
    ingress = List.copyOf(ingress);
    tags = Map.copyOf(tags);
  }
}
