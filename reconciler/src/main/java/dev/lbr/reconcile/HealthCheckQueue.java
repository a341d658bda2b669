package dev.lbr.reconcile;

import java.time.Duration;

/**
 * Where delayed target health checks wait (the targets function's own queue, with SQS's message
 * delay): a check is a message, so no function sleeps while a target warms up.
 */
public interface HealthCheckQueue {

  /** No queue configured (the CLI's one-shot commands): no checks, gates are left alone. */
  HealthCheckQueue NONE =
      new HealthCheckQueue() {
        @Override
        public boolean enabled() {
          return false;
        }

        @Override
        public void send(HealthCheckRequest request, Duration delay) {}
      };

  default boolean enabled() {
    return true;
  }

  /** Sends {@code request}, visible after {@code delay} (at most 15 minutes). */
  void send(HealthCheckRequest request, Duration delay);
}
