package dev.lbr.model;

import java.util.Map;

/** A target group as read back (LBC's {@code sdkTG}). */
public record ActualTargetGroup(
    String arn,
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
  public ActualTargetGroup {
    attributes = Map.copyOf(attributes);
    tags = Map.copyOf(tags);
  }
}
