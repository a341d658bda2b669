package dev.lbr.model;

import java.util.List;
import java.util.Map;

/** A load balancer as read back from ELBv2 (LBC's {@code sdkLB}). */
public record ActualLoadBalancer(
    String arn,
    String name,
    LoadBalancerType type,
    String scheme,
    String ipAddressType,
    String dnsName,
    String vpcId,
    List<String> subnetIds,
    List<String> securityGroupIds,
    Map<String, String> attributes,
    Map<String, String> tags) {
  public ActualLoadBalancer {
    subnetIds = List.copyOf(subnetIds);
    securityGroupIds = securityGroupIds == null ? List.of() : List.copyOf(securityGroupIds);
    attributes = Map.copyOf(attributes);
    tags = Map.copyOf(tags);
  }
}
