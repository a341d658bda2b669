package dev.lbr.reconcile;

import java.time.Duration;

/**
 * Settings of the reconciler.
 *
 * @param cluster the cluster name: the value of every ownership tag we write and check
 * @param freshness how long a checkpoint is trusted without reading AWS back (LBC re-checks a
 *     short-circuited target group binding after 30 minutes)
 * @param leaseTtl how long a stack lease lasts; longer than one reconcile can take
 */
public record ReconcilerConfig(String cluster, Duration freshness, Duration leaseTtl) {
  public static ReconcilerConfig defaults(String cluster) {
    return new ReconcilerConfig(cluster, Duration.ofMinutes(30), Duration.ofMinutes(5));
  }
}
