package dev.lbr.state;

import dev.lbr.model.StackId;
import java.time.Duration;
import java.util.Optional;

/**
 * Per-stack leases. A caller that finds the lease held marks the stack dirty and goes away; the
 * holder sees the mark when it releases and runs again. Nobody waits, no update is lost.
 */
public interface LeaseStore {

  /**
   * Takes the lease if it is free or expired. Otherwise marks the stack dirty and returns empty.
   */
  Optional<Lease> tryAcquire(StackId id, String owner, Duration ttl);

  /**
   * Releases the lease unless the stack was marked dirty while it was held. Returns true if
   * released; false if it was dirty: the mark is cleared, the lease is kept (and extended by {@code
   * ttl}), and the caller must reconcile again before calling this again.
   */
  boolean release(Lease lease, Duration ttl);
}
