package dev.lbr.model;

import java.util.Map;

/**
 * A desired target group. {@code resourceId} is LBC's resource tag value ({@code ns/svc:port} for
 * Services), the key that matches it to the existing one. {@code protocolVersion} is null for NLB.
 */
public record TargetGroupSpec(
    String resourceId,
    String name,
    String targetType,
    String protocol,
    String protocolVersion,
    int port,
    String ipAddressType,
    String vpcId,
    HealthCheck healthCheck,
    Map<String, String> attributes,
    Map<String, String> tags) {
  public TargetGroupSpec {
    attributes = Map.copyOf(attributes);
    tags = Map.copyOf(tags);
  }
}
