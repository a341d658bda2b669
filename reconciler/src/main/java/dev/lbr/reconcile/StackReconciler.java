package dev.lbr.reconcile;

import dev.lbr.model.StackId;
import dev.lbr.state.Acquisition;
import dev.lbr.state.Lease;
import dev.lbr.state.LeaseStore;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reconciles one stack under its lease. A second caller finds the lease held, marks the stack dirty
 * and returns {@link ReconcileResult.Path#BUSY} naming the holder; the holder sees the mark when it
 * releases and runs again, so no update is lost and nobody waits.
 *
 * <p>The lease is short ({@link ReconcilerConfig#leaseTtl}) and kept alive by a {@link Heartbeat}
 * while passes run; the heartbeat is the passes' {@link Fence}: a pass that lost the lease makes no
 * further mutating call and fails (retryable). The lease is released on every exit. A holder that
 * dies (no release, no heartbeat) blocks the stack for at most one TTL; its own message comes back
 * after the queue's visibility timeout, which exceeds the function timeout plus the TTL.
 */
public final class StackReconciler {
  private static final Logger LOG = LoggerFactory.getLogger(StackReconciler.class);
  private static final int MAX_RERUNS = 10;

  /**
   * One pass over a stack, told when to stop: {@link ReconcilePass#run(StackId, boolean, Fence)}.
   */
  @FunctionalInterface
  interface Pass {
    ReconcileResult run(StackId id, boolean force, Fence fence);
  }

  private final LeaseStore leases;
  private final Pass pass;
  private final ReconcilerConfig config;
  private final Clock clock;

  /**
   * Who holds a lease (for people reading the table; the per-acquisition token does the fencing).
   * Made on first use, not at construction: Lambda SnapStart restores every instance from one
   * snapshot of the initialised handler, and an id made then would be the same in all of them.
   */
  private volatile String owner;

  /** Heartbeat thread, a daemon; made on first use, like {@link #owner}. */
  private volatile ScheduledExecutorService scheduler;

  public StackReconciler(
      LeaseStore leases, ReconcilePass pass, ReconcilerConfig config, Clock clock) {
    this(leases, (Pass) pass::run, config, clock);
  }

  StackReconciler(LeaseStore leases, Pass pass, ReconcilerConfig config, Clock clock) {
    this.leases = leases;
    this.pass = pass;
    this.config = config;
    this.clock = clock;
  }

  private String owner() {
    String o = owner;
    if (o == null) {
      o = "lbr-" + UUID.randomUUID();
      owner = o;
    }
    return o;
  }

  private synchronized ScheduledExecutorService scheduler() {
    if (scheduler == null) {
      scheduler =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "lbr-lease-heartbeat");
                t.setDaemon(true);
                return t;
              });
    }
    return scheduler;
  }

  /**
   * Brings the stack to its desired state. {@code force} ignores the checkpoint short-circuit and
   * reads everything back (drift runs, pruning).
   */
  public ReconcileResult reconcile(StackId id, boolean force) {
    Acquisition acquisition = leases.acquire(id, owner(), config.leaseTtl());
    if (acquisition instanceof Acquisition.Held held) {
      LOG.atInfo()
          .addKeyValue("stack", id)
          .addKeyValue("owner", held.owner())
          .addKeyValue("until", held.until())
          .addKeyValue("note", "marked dirty")
          .log("busy");
      return ReconcileResult.busy(held);
    }
    Lease lease = ((Acquisition.Taken) acquisition).lease();
    boolean released = false;
    try (Heartbeat heartbeat = Heartbeat.start(leases, lease, clock, config, scheduler())) {
      try {
        for (int run = 1; ; run++) {
          ReconcileResult result = pass.run(id, force, heartbeat);
          if (leases.release(heartbeat.lease(), config.leaseTtl())) {
            released = true;
            heartbeat.close();
            return result;
          }
          if (run >= MAX_RERUNS) {
            throw new IllegalStateException(
                "stack " + id + " kept changing during " + run + " reconciles; will retry");
          }
          LOG.atInfo().addKeyValue("stack", id).addKeyValue("note", "re-running").log("dirty");
        }
      } finally {
        if (!released) {
          heartbeat.close();
          releaseFully(heartbeat.lease());
        }
      }
    }
  }

  /** On failure: drop the lease even if it was marked dirty; the failed message is retried. */
  private void releaseFully(Lease lease) {
    try {
      for (int i = 0; i < 3 && !leases.release(lease, config.leaseTtl()); i++) {
        // released on the next call: a dirty mark is cleared first
      }
    } catch (RuntimeException suppressed) {
      LOG.atWarn().addKeyValue("stack", lease.stackId()).log("lease-release-failed");
    }
  }
}
