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
      runtime = Runtime.create(RuntimeConfig.fromEnvironment(System.getenv()));
      Priming.beforeSnapshot(runtime);
    }
    return runtime;
  }
}
