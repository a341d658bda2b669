package dev.lbr.forwarder.publish;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with full jitter: before retry {@code n} (1-based) wait a uniformly random
 * time in {@code [0, min(cap, base * 2^(n-1))]}, so throttled forwarders spread out instead of
 * retrying in lockstep. Bounded attempts; the sleeper is a seam so tests do not sleep.
 */
public record Backoff(
    int maxAttempts, Duration base, Duration cap, DoubleSupplier random, Sleeper sleeper) {

  /** Waits; a seam for tests. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration d) throws InterruptedException;
  }

  public Backoff {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
  }

  /** Five attempts, 100 ms doubling up to 5 s, real sleeping. */
  public static Backoff standard() {
    return new Backoff(
        5,
        Duration.ofMillis(100),
        Duration.ofSeconds(5),
        Math::random,
        d -> Thread.sleep(d.toMillis()));
  }

  /** The wait before retry {@code retry} (1-based). */
  public Duration delay(int retry) {
    long ceiling = base.toMillis() << Math.min(Math.max(retry - 1, 0), 20);
    long bounded = Math.min(cap.toMillis(), ceiling);
    return Duration.ofMillis((long) (random.getAsDouble() * bounded));
  }

  /** Sleeps before retry {@code retry}; false when interrupted (stop retrying). */
  boolean pause(int retry) {
    try {
      sleeper.sleep(delay(retry));
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
