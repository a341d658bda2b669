package dev.lbr.state;

import dev.lbr.model.StackId;
import java.time.Instant;

/**
 * Which stacks have a target health check under way (pod readiness gates): at most one chain of
 * delayed checks per stack, however many pod events ask for one.
 */
public interface HealthCheckStore {

  /**
   * Claims the stack's next check for {@code due}: true when no check is pending, or the pending
   * one is overdue by more than a few minutes (its message was lost); false when one is pending.
   */
  boolean claim(StackId stack, Instant due, Instant now);

  /** Moves the stack's pending check to {@code due} (the chain goes on). */
  void reschedule(StackId stack, Instant due);

  /** The stack has no check pending any more. */
  void release(StackId stack);
}
