package dev.lbr.reconcile;

import java.net.URI;
import java.util.Map;

/**
 * How a process (a Lambda function or the CLI) reaches its cluster's state and AWS.
 *
 * @param endpoint one endpoint for every AWS service (an emulator), or null for real AWS
 * @param vpcId the cluster's VPC, or null to infer it from subnets tagged for the cluster
 * @param statusQueueUrl the cluster's status queue, where stack results go for the forwarder to
 *     write back; null to publish none (the CLI's one-shot commands)
 * @param healthCheckQueueUrl the targets function's queue, where delayed target health checks for
 *     pod readiness gates wait; null for none (gates are then left alone)
 */
public record LbrConfig(
    String cluster,
    String region,
    URI endpoint,
    String table,
    String vpcId,
    String statusQueueUrl,
    String healthCheckQueueUrl) {

  /** Without a status queue. */
  public LbrConfig(String cluster, String region, URI endpoint, String table, String vpcId) {
    this(cluster, region, endpoint, table, vpcId, null, null);
  }

  /** The same configuration publishing stack results to {@code queueUrl}. */
  public LbrConfig withStatusQueue(String queueUrl) {
    return new LbrConfig(
        cluster, region, endpoint, table, vpcId, blankToNull(queueUrl), healthCheckQueueUrl);
  }

  /** The same configuration checking target health through delayed messages on {@code queueUrl}. */
  public LbrConfig withHealthCheckQueue(String queueUrl) {
    return new LbrConfig(
        cluster, region, endpoint, table, vpcId, statusQueueUrl, blankToNull(queueUrl));
  }

  public LbrConfig {
    require(cluster, "cluster name");
    require(table, "state table name");
  }

  /**
   * Lambda environment: CLUSTER_NAME, STATE_TABLE, AWS_REGION, optional VPC_ID, LBR_ENDPOINT,
   * STATUS_QUEUE_URL, TARGET_HEALTH_QUEUE_URL.
   */
  public static LbrConfig fromEnvironment(Map<String, String> env) {
    String endpoint = env.get("LBR_ENDPOINT");
    return new LbrConfig(
        env.get("CLUSTER_NAME"),
        env.get("AWS_REGION"),
        endpoint == null || endpoint.isBlank() ? null : URI.create(endpoint),
        env.get("STATE_TABLE"),
        blankToNull(env.get("VPC_ID")),
        blankToNull(env.get("STATUS_QUEUE_URL")),
        blankToNull(env.get("TARGET_HEALTH_QUEUE_URL")));
  }

  private static void require(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("missing configuration: " + what);
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
