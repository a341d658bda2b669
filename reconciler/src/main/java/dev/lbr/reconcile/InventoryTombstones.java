package dev.lbr.reconcile;

import dev.lbr.event.InventoryEvent;
import dev.lbr.event.ResourceVersion;
import dev.lbr.k8s.Kind;
import dev.lbr.model.StackId;
import dev.lbr.state.HistoryStore;
import dev.lbr.state.SnapshotStore;
import dev.lbr.state.SnapshotStore.StoredObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an inventory says about the stored objects ({@code docs/operations.md}):
 *
 * <ul>
 *   <li>a live object it no longer lists was deleted unseen: tombstoned, unless that would touch
 *       more stacks than the bound, in which case the inventory is <b>refused</b>: the objects are
 *       only marked provisionally deleted (live for the event path, confirmed by the drift run
 *       after its grace period, revived by any later upsert or inventory that lists them);
 *   <li>a provisionally deleted object it lists again is revived;
 *   <li>a record it lists whose version is above the inventory's although it was stored before the
 *       listing was taken cannot be real (a forged version): it is marked suspect, and the next
 *       upsert replaces it.
 * </ul>
 */
final class InventoryTombstones {
  private static final Logger LOG = LoggerFactory.getLogger(InventoryTombstones.class);

  /** Clock skew and informer lag allowed between a record's write and the listing's time. */
  static final Duration PIN_SLACK = Duration.ofMinutes(10);

  private final SnapshotStore snapshots;
  private final HistoryStore history;
  private final DeletionBounds bounds;
  private final BoundsMetrics metrics;
  private final Clock clock;

  InventoryTombstones(
      SnapshotStore snapshots,
      HistoryStore history,
      DeletionBounds bounds,
      BoundsMetrics metrics,
      Clock clock) {
    this.snapshots = snapshots;
    this.history = history;
    this.bounds = bounds;
    this.metrics = metrics;
    this.clock = clock;
  }

  /** Applies the inventory; returns the stacks to reconcile (none when it is refused). */
  List<StackId> apply(InventoryEvent e, AffectedStacks stacks) {
    List<StoredObject> deleted = new ArrayList<>();
    for (Kind kind : e.keys().keySet()) {
      for (StoredObject stored : snapshots.records(kind)) {
        if (!e.covers(stored.key())) {
          continue;
        }
        if (e.keysOf(kind).contains(stored.key())) {
          listed(e, stored);
        } else if (!stored.deleted()
            && !stored.marks().provisional()
            && e.showsDeleted(stored.key(), stored.resourceVersion())) {
          deleted.add(stored);
        }
      }
    }
    if (deleted.isEmpty()) {
      return List.of();
    }
    Set<StackId> affected = new LinkedHashSet<>();
    deleted.forEach(s -> affected.addAll(stacks.ofDeleted(s.key(), s.object(), s.object())));
    String excess = excess(affected.size());
    if (excess != null && !bounds.force()) {
      refuse(e, deleted, affected, excess);
      return List.of();
    }
    for (StoredObject s : deleted) {
      snapshots.delete(s.key(), e.resourceVersion(), s.uid());
    }
    if (excess != null) {
      String note = "FORCED: inventory " + e.resourceVersion() + " applied although " + excess;
      affected.forEach(id -> audit(id, note + " (LBR_FORCE_DELETES)"));
      metrics.count(BoundsMetrics.DELETIONS_FORCED, Map.of("inventory", e.resourceVersion()));
    }
    return List.copyOf(affected);
  }

  private void listed(InventoryEvent e, StoredObject stored) {
    if (stored.marks().provisional()) {
      snapshots.clearProvisional(stored.key(), stored.resourceVersion());
      LOG.atInfo().addKeyValue("object", stored.key()).log("provisional-revived");
    }
    Instant storedAt = stored.marks().storedAt();
    if (!stored.marks().suspect()
        && storedAt != null
        && storedAt.plus(PIN_SLACK).isBefore(e.generatedAt())
        && ResourceVersion.isNewer(stored.resourceVersion(), e.resourceVersion())) {
      snapshots.markSuspect(stored.key(), stored.resourceVersion());
      LOG.atWarn()
          .addKeyValue("object", stored.key())
          .addKeyValue("resourceVersion", stored.resourceVersion())
          .addKeyValue("inventory", e.resourceVersion())
          .addKeyValue("storedAt", storedAt)
          .log("suspect-version");
    }
  }

  /** Why tombstoning the inputs of {@code count} stacks is too much; null if it is not. */
  private String excess(int count) {
    if (count > bounds.inventoryMaxStacks()) {
      return "it would delete the inputs of "
          + count
          + " stacks, more than "
          + bounds.inventoryMaxStacks()
          + " (LBR_INVENTORY_MAX_STACK_DELETES)";
    }
    int total = StackInputs.stacks(snapshots).size();
    if (count > 1 && 2 * count > total) {
      return "it would delete the inputs of " + count + " of the cluster's " + total + " stacks";
    }
    return null;
  }

  private void refuse(
      InventoryEvent e, List<StoredObject> deleted, Set<StackId> affected, String excess) {
    Instant now = clock.instant();
    deleted.forEach(
        s -> snapshots.markProvisional(s.key(), s.resourceVersion(), e.resourceVersion(), now));
    String why =
        "inventory "
            + e.resourceVersion()
            + " refused: "
            + excess
            + "; "
            + deleted.size()
            + " objects marked provisionally deleted, left to drift garbage collection";
    LOG.atWarn()
        .addKeyValue("resourceVersion", e.resourceVersion())
        .addKeyValue("objects", deleted.size())
        .addKeyValue("stacks", affected.size())
        .addKeyValue("reason", excess)
        .log("inventory-refused");
    metrics.count(
        BoundsMetrics.INVENTORIES_REFUSED,
        Map.of("inventory", e.resourceVersion(), "stacks", affected.size(), "reason", excess));
    affected.forEach(id -> audit(id, "HELD: " + why));
  }

  private void audit(StackId id, String outcome) {
    try {
      history.append(id, clock.instant(), outcome, List.of());
    } catch (RuntimeException ex) {
      LOG.atWarn()
          .addKeyValue("stack", id)
          .addKeyValue("error", ex.toString())
          .log("history-write-failed");
    }
  }
}
