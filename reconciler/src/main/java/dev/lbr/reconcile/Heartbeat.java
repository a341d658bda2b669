package dev.lbr.reconcile;

import dev.lbr.state.Lease;
import dev.lbr.state.LeaseLostException;
import dev.lbr.state.LeaseStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one held lease alive while its pass runs (the DynamoDB lock client's pattern): every {@code
 * interval} the lease is extended to now + ttl, conditional on our token. It is the pass's {@link
 * Fence}: closed once a heartbeat finds the lease no longer ours, or once the last confirmed expiry
 * is less than one interval away by the injected clock (two heartbeats missed: another owner may
 * take it soon, and a mutating call takes time).
 */
final class Heartbeat implements Fence, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Heartbeat.class);

  private final LeaseStore leases;
  private final Clock clock;
  private final Duration ttl;
  private final Duration interval;
  private final ScheduledFuture<?> task;
  private volatile Lease lease;
  private volatile String lost;
  private volatile boolean closed;

  private Heartbeat(
      LeaseStore leases,
      Lease lease,
      Clock clock,
      ReconcilerConfig config,
      ScheduledExecutorService scheduler) {
    this.leases = leases;
    this.lease = lease;
    this.clock = clock;
    this.ttl = config.leaseTtl();
    this.interval = config.heartbeat();
    long every = interval.toMillis();
    this.task = scheduler.scheduleWithFixedDelay(this::beat, every, every, TimeUnit.MILLISECONDS);
  }

  static Heartbeat start(
      LeaseStore leases,
      Lease lease,
      Clock clock,
      ReconcilerConfig config,
      ScheduledExecutorService scheduler) {
    return new Heartbeat(leases, lease, clock, config, scheduler);
  }

  /** The lease as last confirmed (its expiry moves with each heartbeat). */
  Lease lease() {
    return lease;
  }

  @Override
  public void check() {
    String reason = lost;
    if (reason == null && !clock.instant().isBefore(lease.expiresAt().minus(interval))) {
      reason = "no heartbeat confirmed it; it expires at " + lease.expiresAt();
    }
    if (reason != null) {
      throw new LeaseLostException(lease.stackId(), reason);
    }
  }

  private void beat() {
    if (closed || lost != null) {
      return;
    }
    try {
      Instant before = clock.instant();
      Optional<Lease> extended = leases.extend(lease, ttl);
      if (extended.isPresent()) {
        lease = extended.get();
        return;
      }
      lost = "taken over or released at " + before;
      if (closed) {
        return; // released by us in the meantime
      }
      LOG.atWarn()
          .addKeyValue("stack", lease.stackId())
          .addKeyValue("note", "pass fenced")
          .log("lease-lost");
    } catch (RuntimeException e) {
      // Keep beating; check() fences by the clock if none succeeds in time.
      LOG.atWarn()
          .addKeyValue("stack", lease.stackId())
          .addKeyValue("error", e.toString())
          .log("heartbeat-failed");
    }
  }

  /** Stops the heartbeats (a beat already running finishes; the lease is released after). */
  @Override
  public void close() {
    closed = true;
    task.cancel(false);
  }
}
