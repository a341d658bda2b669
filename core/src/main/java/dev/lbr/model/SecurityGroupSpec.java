package dev.lbr.model;

import java.util.List;
import java.util.Map;

/**
 * The frontend security group LBC manages for a load balancer ({@code ManagedLBSecurityGroup}):
 * named like the load balancer, opening the listen ports to {@code inbound-cidrs}. Matched to the
 * existing one by its resource tag.
 */
public record SecurityGroupSpec(
    String name,
    String description,
    String vpcId,
    List<SecurityGroupRule> ingress,
    Map<String, String> tags) {
  /** LBC's resource id (and resource tag value) of the managed frontend security group. */
  public static final String RESOURCE_ID = "ManagedLBSecurityGroup";

  /** LBC's description of the group. */
  public static final String DESCRIPTION = "[k8s] Managed SecurityGroup for LoadBalancer";

  public SecurityGroupSpec {
    ingress = List.copyOf(ingress);
    tags = Map.copyOf(tags);
  }
}
