package dev.lbr.drift;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * How a drift run behaves.
 *
 * @param gcGrace how long a stack must be seen orphaned (tagged resources, no Service or Ingress)
 *     before its resources are deleted; zero deletes at once
 * @param maxLoadBalancerDeletes the circuit breaker: a run whose garbage collection would delete
 *     more load balancers than this deletes none and reports instead
 * @param forceGc override the circuit breaker
 * @param dryRun report only: no AWS change, nothing written to the state table
 * @param elbCallsPerSecond the rate budget of ELBv2 calls (describes included)
 * @param deadline stop checking stacks at this instant and resume after the last one checked at the
 *     next run; empty for no limit
 */
public record DriftOptions(
    Duration gcGrace,
    int maxLoadBalancerDeletes,
    boolean forceGc,
    boolean dryRun,
    double elbCallsPerSecond,
    Optional<Instant> deadline) {

  /** Generous: a forwarder outage or a restored snapshot table must not cost load balancers. */
  public static final Duration DEFAULT_GC_GRACE = Duration.ofHours(24);

  public static final int DEFAULT_MAX_LB_DELETES = 5;

  /**
   * ELBv2 throttles per account and region, shared by every caller (describes included; LBC's
   * client defaults to 20 per second for its own use): half of that leaves room for the reconcile
   * functions.
   */
  public static final double DEFAULT_ELB_CALLS_PER_SECOND = 10;

  public DriftOptions {
    if (gcGrace == null || gcGrace.isNegative()) {
      throw new IllegalArgumentException("gc grace must not be negative: " + gcGrace);
    }
    if (maxLoadBalancerDeletes < 0) {
      throw new IllegalArgumentException(
          "max load balancer deletes must not be negative: " + maxLoadBalancerDeletes);
    }
    if (!(elbCallsPerSecond > 0)) {
      throw new IllegalArgumentException(
          "ELBv2 calls per second must be positive: " + elbCallsPerSecond);
    }
    deadline = deadline == null ? Optional.empty() : deadline;
  }

  public static DriftOptions defaults() {
    return new DriftOptions(
        DEFAULT_GC_GRACE,
        DEFAULT_MAX_LB_DELETES,
        false,
        false,
        DEFAULT_ELB_CALLS_PER_SECOND,
        Optional.empty());
  }

  public DriftOptions withDeadline(Instant at) {
    return new DriftOptions(
        gcGrace, maxLoadBalancerDeletes, forceGc, dryRun, elbCallsPerSecond, Optional.of(at));
  }

  /**
   * The drift function's environment: {@code GC_GRACE} (ISO-8601 duration, default PT24H), {@code
   * DRIFT_MAX_LB_DELETES} (default 5), {@code DRIFT_ELB_CALLS_PER_SECOND} (default 10).
   */
  public static DriftOptions fromEnvironment(Map<String, String> env) {
    DriftOptions d = defaults();
    return new DriftOptions(
        value(env, "GC_GRACE").map(Duration::parse).orElse(d.gcGrace()),
        value(env, "DRIFT_MAX_LB_DELETES")
            .map(Integer::parseInt)
            .orElse(d.maxLoadBalancerDeletes()),
        false,
        false,
        value(env, "DRIFT_ELB_CALLS_PER_SECOND")
            .map(Double::parseDouble)
            .orElse(d.elbCallsPerSecond()),
        Optional.empty());
  }

  private static Optional<String> value(Map<String, String> env, String name) {
    String v = env.get(name);
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
  }
}
