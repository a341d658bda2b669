package dev.lbr.aws;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Retries a call that fails because its resource is still in use ({@code DependencyViolation}),
 * with exponential backoff, until a deadline; then the last failure propagates (LBC's {@code
 * RetryImmediateOnError} around DeleteSecurityGroup).
 */
final class InUseRetry {
  /** Sleeps; a seam for tests. */
  interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  static final String DEPENDENCY_VIOLATION = "DependencyViolation";

  private final SdkEc2Gateway.DeletionWait policy;
  private final Sleeper sleeper;
  private final LongSupplier nanoTime;

  InUseRetry(SdkEc2Gateway.DeletionWait policy) {
    this(policy, d -> Thread.sleep(d.toMillis()), System::nanoTime);
  }

  InUseRetry(SdkEc2Gateway.DeletionWait policy, Sleeper sleeper, LongSupplier nanoTime) {
    this.policy = policy;
    this.sleeper = sleeper;
    this.nanoTime = nanoTime;
  }

  /** Runs {@code call}, retrying it while it fails with {@code DependencyViolation}. */
  void run(Runnable call) {
    long deadline = nanoTime.getAsLong() + policy.timeout().toNanos();
    Duration pause = policy.firstPause();
    while (true) {
      try {
        call.run();
        return;
      } catch (RuntimeException e) {
        if (!DEPENDENCY_VIOLATION.equals(AwsErrors.errorCode(e))) {
          throw e;
        }
        long left = deadline - nanoTime.getAsLong();
        if (left <= 0) {
          throw e;
        }
        try {
          sleeper.sleep(min(pause, Duration.ofNanos(left)));
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
        pause = min(pause.multipliedBy(2), policy.maxPause());
      }
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
