package dev.lbr.state;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Per-cluster safety state shared by every function instance ({@code docs/operations.md}): the
 * highest resourceVersion accepted, and how many load balancers the event path deleted per window.
 * Conditional writes make both safe under concurrency.
 */
public interface BoundsStore {

  /** The highest resourceVersion accepted so far; empty before the first event. */
  Optional<String> highWater();

  /** Raises the high-water mark to {@code rv}; never lowers it. */
  void raiseHighWater(String rv);

  /**
   * Takes one load balancer deletion from the window starting at {@code windowStart}, if fewer than
   * {@code limit} were taken; false when the budget is spent.
   */
  boolean takeDeletion(Instant windowStart, Duration window, int limit);

  /** The deletions taken in the window starting at {@code windowStart}. */
  int deletionsTaken(Instant windowStart);
}
