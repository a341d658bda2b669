package dev.lbr.aws;

import java.time.Duration;
import java.util.function.LongSupplier;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * A rate budget on ELBv2 calls (describes included): a token bucket of {@code callsPerSecond}
 * tokens, holding at most one second's worth; each call takes one, waiting for it when the bucket
 * is empty. Other services pass through. Installed on the drift function's clients, so a sweep over
 * a large fleet never crowds out the reconcile functions' share of ELBv2's per-account throttle.
 * Thread-safe.
 */
public final class ElbRateLimit implements ExecutionInterceptor {
  /** Sleeps; a seam for tests. */
  public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  private final double perNano;
  private final double capacity;
  private final LongSupplier nanoTime;
  private final Sleeper sleeper;
  private double tokens;
  private long last;
  private long waited;

  public ElbRateLimit(double callsPerSecond) {
    this(callsPerSecond, System::nanoTime, Thread::sleep);
  }

  public ElbRateLimit(double callsPerSecond, LongSupplier nanoTime, Sleeper sleeper) {
    if (!(callsPerSecond > 0)) {
      throw new IllegalArgumentException("calls per second must be positive: " + callsPerSecond);
    }
    this.perNano = callsPerSecond / 1e9;
    this.capacity = Math.max(1, callsPerSecond);
    this.nanoTime = nanoTime;
    this.sleeper = sleeper;
    this.tokens = capacity;
    this.last = nanoTime.getAsLong();
  }

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
    if (service != null
        && service.replaceAll("[^A-Za-z0-9]", "").equalsIgnoreCase(CallCounter.ELBV2)) {
      acquire();
    }
  }

  /** Takes one token, sleeping until there is one. */
  public synchronized void acquire() {
    refill();
    while (tokens < 1) {
      long wait = (long) Math.ceil((1 - tokens) / perNano);
      try {
        sleeper.sleep(Duration.ofNanos(wait));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for the ELBv2 rate budget", e);
      }
      waited += wait;
      refill();
    }
    tokens -= 1;
  }

  /** The total time spent waiting for tokens. */
  public synchronized Duration waited() {
    return Duration.ofNanos(waited);
  }

  private void refill() {
    long now = nanoTime.getAsLong();
    tokens = Math.min(capacity, tokens + (now - last) * perNano);
    last = now;
  }
}
