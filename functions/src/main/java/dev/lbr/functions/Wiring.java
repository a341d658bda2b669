package dev.lbr.functions;

import dev.lbr.reconcile.Runtime;
import dev.lbr.reconcile.RuntimeConfig;

/**
 * Builds the runtime once per Lambda container, from its environment, and primes it before a
 * SnapStart snapshot ({@link Priming}).
 */
final class Wiring {
  private static Runtime runtime;

  private Wiring() {}

  static synchronized Runtime fromEnvironment() {
    if (runtime == null) {
      RuntimeConfig config = RuntimeConfig.fromEnvironment(System.getenv());
      runtime = Runtime.create(config, LambdaMetrics.of(config.cluster()));
      Priming.beforeSnapshot(runtime);
    }
    return runtime;
  }
}
