package dev.lbr.model;

import java.util.Map;

/** A subnet as the builder needs it for discovery and explicit selection. */
public record Subnet(
    String id,
    String vpcId,
    String availabilityZone,
    String cidrBlock,
    int availableIpAddressCount,
    Map<String, String> tags) {
  public Subnet {
    tags = Map.copyOf(tags);
  }
}
