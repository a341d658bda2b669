package dev.lbr.state;

import dev.lbr.model.StackId;
import java.time.Duration;
import java.util.Optional;

/**
 * Per-stack leases. A caller that finds the lease held marks the stack dirty and goes away; the
 * holder sees the mark when it releases and runs again. Nobody waits, no update is lost.
 *
 * <p>Leases are short and kept alive by heartbeats ({@link #extend}) while their holder works, so a
 * holder that dies stops blocking within one lease TTL. Every operation is idempotent: a call whose
 * write happened but whose reply was lost, retried, gives the answer the first call would have
 * given.
 */
public interface LeaseStore {

  /**
   * Takes the lease if it is free or expired. Otherwise marks the stack dirty and says who holds it
   * and until when.
   */
  Acquisition acquire(StackId id, String owner, Duration ttl);

  /** As {@link #acquire}: the lease if taken, else empty (the stack was marked dirty). */
  default Optional<Lease> tryAcquire(StackId id, String owner, Duration ttl) {
    return acquire(id, owner, ttl) instanceof Acquisition.Taken t
        ? Optional.of(t.lease())
        : Optional.empty();
  }

  /**
   * A heartbeat: extends our lease to now + {@code ttl} if it is still ours (same token), even if
   * it ran past its expiry (nobody took it). Empty when it is no longer ours: released, or expired
   * and taken by another owner.
   */
  Optional<Lease> extend(Lease lease, Duration ttl);

  /**
   * Releases the lease unless the stack was marked dirty while it was held. Returns true if
   * released (or no longer ours: nothing to release); false if it was dirty: the mark is cleared,
   * the lease is kept (and extended by {@code ttl}), and the caller must reconcile again before
   * calling this again.
   */
  boolean release(Lease lease, Duration ttl);
}
