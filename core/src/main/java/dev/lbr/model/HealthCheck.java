package dev.lbr.model;

/**
 * A target group health check. {@code port} is a number as text or {@code traffic-port}; {@code
 * path} and {@code matcher} are null for TCP checks.
 */
public record HealthCheck(
    String protocol,
    String port,
    String path,
    int intervalSeconds,
    int timeoutSeconds,
    int healthyThreshold,
    int unhealthyThreshold,
    String matcher) {}
