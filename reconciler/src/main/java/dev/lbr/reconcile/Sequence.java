package dev.lbr.reconcile;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The {@code sequence} of stack results: the clock in epoch milliseconds, strictly increasing
 * within a process. Passes of one stack are serialized by its lease, so across processes results of
 * a stack are ordered as long as their clocks agree to within a pass's duration.
 */
final class Sequence {
  private final Clock clock;
  private final AtomicLong last = new AtomicLong();

  Sequence(Clock clock) {
    this.clock = clock;
  }

  long next() {
    long now = clock.millis();
    return last.updateAndGet(previous -> Math.max(previous + 1, now));
  }
}
