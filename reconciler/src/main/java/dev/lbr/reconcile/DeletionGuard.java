package dev.lbr.reconcile;

import dev.lbr.model.StackId;
import dev.lbr.state.BoundsStore;
import dev.lbr.state.HistoryStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The deletion budget of the event path ({@code docs/operations.md}): before a pass deletes a
 * stack's load balancer it takes one deletion from the cluster's budget of the current window. When
 * the budget is spent the pass deletes nothing: it records why (history, log, metric) and leaves
 * the stack to the drift run's garbage collection, with its grace period and breaker. Forced passes
 * (drift runs) are not counted: they have their own bounds.
 */
public final class DeletionGuard {
  private static final Logger LOG = LoggerFactory.getLogger(DeletionGuard.class);

  private final BoundsStore store;
  private final DeletionBounds bounds;
  private final HistoryStore history;
  private final BoundsMetrics metrics;
  private final Clock clock;

  public DeletionGuard(
      BoundsStore store,
      DeletionBounds bounds,
      HistoryStore history,
      BoundsMetrics metrics,
      Clock clock) {
    this.store = store;
    this.bounds = bounds;
    this.history = history;
    this.metrics = metrics;
    this.clock = clock;
  }

  /**
   * Called when a pass is about to delete the stack's load balancer: empty to go ahead, or the
   * result of the held pass.
   */
  Optional<ReconcileResult> beforeDelete(StackId id, boolean force) {
    if (force) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    long windowMillis = bounds.window().toMillis();
    Instant window = Instant.ofEpochMilli(now.toEpochMilli() / windowMillis * windowMillis);
    if (store.takeDeletion(window, bounds.window(), bounds.budget())) {
      return Optional.empty();
    }
    String why =
        "deletion budget spent: "
            + bounds.budget()
            + " load balancer deletions per "
            + bounds.window()
            + " (LBR_DELETE_BUDGET) since "
            + window;
    if (bounds.force()) {
      audit(id, "FORCED: " + why + "; deleted anyway (LBR_FORCE_DELETES)");
      metrics.count(BoundsMetrics.DELETIONS_FORCED, Map.of("stack", id.value()));
      return Optional.empty();
    }
    LOG.atWarn().addKeyValue("stack", id).addKeyValue("reason", why).log("deletion-held");
    metrics.count(BoundsMetrics.DELETIONS_HELD, Map.of("stack", id.value(), "reason", why));
    String error = why + "; left to drift garbage collection";
    audit(id, "HELD: " + error);
    return Optional.of(new ReconcileResult(id, ReconcileResult.Path.HELD, List.of(), error));
  }

  private void audit(StackId id, String outcome) {
    try {
      history.append(id, clock.instant(), outcome, List.of());
    } catch (RuntimeException e) {
      LOG.atWarn()
          .addKeyValue("stack", id)
          .addKeyValue("error", e.toString())
          .log("history-write-failed");
    }
  }
}
