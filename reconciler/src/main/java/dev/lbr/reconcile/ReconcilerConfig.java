package dev.lbr.reconcile;

import java.time.Duration;

/**
 * Settings of the reconciler.
 *
 * @param cluster the cluster name: the value of every ownership tag we write and check
 * @param freshness how long a checkpoint is trusted without reading AWS back (LBC re-checks a
 *     short-circuited target group binding after 30 minutes)
 * @param leaseTtl how long a stack lease lasts without a heartbeat: how long a holder that died
 *     blocks the stack
 * @param heartbeat how often a running pass extends its lease to now + {@code leaseTtl}; well under
 *     the TTL, so a missed beat or two is survived (the DynamoDB lock client: 10 s and 3 s)
 */
public record ReconcilerConfig(
    String cluster, Duration freshness, Duration leaseTtl, Duration heartbeat) {

  public static final Duration LEASE_TTL = Duration.ofSeconds(10);
  public static final Duration HEARTBEAT = Duration.ofSeconds(3);

  public ReconcilerConfig {
    if (heartbeat.isNegative()
        || heartbeat.isZero()
        || heartbeat.multipliedBy(2).compareTo(leaseTtl) >= 0) {
      throw new IllegalArgumentException(
          "the heartbeat ("
              + heartbeat
              + ") must be positive and under half the lease "
              + leaseTtl);
    }
  }

  public static ReconcilerConfig defaults(String cluster) {
    return new ReconcilerConfig(cluster, Duration.ofMinutes(30), LEASE_TTL, HEARTBEAT);
  }

  /** The same settings with another lease TTL and heartbeat (tests, benchmarks). */
  public ReconcilerConfig withLease(Duration ttl, Duration heartbeat) {
    return new ReconcilerConfig(cluster, freshness, ttl, heartbeat);
  }
}
