package dev.lbr.reconcile;

import dev.lbr.model.StackId;
import dev.lbr.state.Lease;
import dev.lbr.state.LeaseStore;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reconciles one stack under its lease. A second caller finds the lease held, marks the stack dirty
 * and returns {@link ReconcileResult.Path#BUSY}; the holder sees the mark when it releases and runs
 * again, so no update is lost and nobody waits.
 *
 * <p>A holder that dies keeps the lease until it expires; its own message is then retried by the
 * queue. That retry must come after the lease expired, so the queue's visibility timeout has to
 * exceed the lease TTL (which exceeds the function timeout).
 */
public final class StackReconciler {
  private static final Logger LOG = LoggerFactory.getLogger(StackReconciler.class);
  private static final int MAX_RERUNS = 10;

  private final LeaseStore leases;
  private final ReconcilePass pass;
  private final ReconcilerConfig config;

  /**
   * Who holds a lease (for people reading the table; the per-acquisition token does the fencing).
   * Made on first use, not at construction: Lambda SnapStart restores every instance from one
   * snapshot of the initialised handler, and an id made then would be the same in all of them.
   */
  private volatile String owner;

  public StackReconciler(LeaseStore leases, ReconcilePass pass, ReconcilerConfig config) {
    this.leases = leases;
    this.pass = pass;
    this.config = config;
  }

  private String owner() {
    String o = owner;
    if (o == null) {
      o = "lbr-" + UUID.randomUUID();
      owner = o;
    }
    return o;
  }

  /**
   * Brings the stack to its desired state. {@code force} ignores the checkpoint short-circuit and
   * reads everything back (drift runs, pruning).
   */
  public ReconcileResult reconcile(StackId id, boolean force) {
    Optional<Lease> lease = leases.tryAcquire(id, owner(), config.leaseTtl());
    if (lease.isEmpty()) {
      LOG.info("{\"stack\":\"{}\",\"event\":\"busy\",\"note\":\"marked dirty\"}", id);
      return ReconcileResult.of(id, ReconcileResult.Path.BUSY, java.util.List.of());
    }
    try {
      for (int run = 1; ; run++) {
        ReconcileResult result = pass.run(id, force);
        if (leases.release(lease.get(), config.leaseTtl())) {
          return result;
        }
        if (run >= MAX_RERUNS) {
          throw new IllegalStateException(
              "stack " + id + " kept changing during " + run + " reconciles; will retry");
        }
        LOG.info("{\"stack\":\"{}\",\"event\":\"dirty\",\"note\":\"re-running\"}", id);
      }
    } catch (RuntimeException e) {
      releaseFully(lease.get());
      throw e;
    }
  }

  /** On failure: drop the lease even if it was marked dirty; the failed message is retried. */
  private void releaseFully(Lease lease) {
    try {
      for (int i = 0; i < 3 && !leases.release(lease, config.leaseTtl()); i++) {
        // released on the next call: a dirty mark is cleared first
      }
    } catch (RuntimeException suppressed) {
      LOG.warn("{\"stack\":\"{}\",\"event\":\"lease-release-failed\"}", lease.stackId());
    }
  }
}
