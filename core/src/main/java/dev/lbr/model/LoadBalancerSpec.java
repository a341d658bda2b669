package dev.lbr.model;

import java.util.List;
import java.util.Map;

/**
 * The desired load balancer. {@code attributes} holds only the keys the user (or LBC's defaults)
 * set; attributes not listed are left as AWS has them. {@code securityGroupIds} are the user's
 * groups (IDs, names already resolved); a stack's managed security group is attached before them.
 */
public record LoadBalancerSpec(
    String name,
    LoadBalancerType type,
    String scheme,
    String ipAddressType,
    List<String> subnetIds,
    List<String> securityGroupIds,
    Map<String, String> attributes,
    Map<String, String> tags) {
  public LoadBalancerSpec {
    subnetIds = List.copyOf(subnetIds);
    securityGroupIds = securityGroupIds == null ? List.of() : List.copyOf(securityGroupIds);
    attributes = Map.copyOf(attributes);
    tags = Map.copyOf(tags);
  }

  public LoadBalancerSpec withSecurityGroupIds(List<String> groups) {
    return new LoadBalancerSpec(
        name, type, scheme, ipAddressType, subnetIds, groups, attributes, tags);
  }
}
