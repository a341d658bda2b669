package dev.lbr.functions;

import static dev.lbr.functions.BoundsFixture.delete;
import static dev.lbr.functions.BoundsFixture.history;
import static dev.lbr.functions.BoundsFixture.inventory;
import static dev.lbr.functions.BoundsFixture.services;
import static dev.lbr.functions.GarbageCollectionTest.gc;
import static dev.lbr.functions.GarbageCollectionTest.loadBalancers;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lbr.drift.DriftReport;
import dev.lbr.drift.StackDrift;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The event path deletes within bounds: an inventory that would empty the cluster is refused and
 * its deletions wait for drift GC's grace period; a per-window budget holds the deletions past it.
 */
class DeletionBoundsTest {
  private static final Duration GRACE = Duration.ofHours(24);

  @Test
  void aForgedInventoryDeletesNothingAndDriftGcDeletesOnlyAfterItsGrace() {
    Harness h = BoundsFixture.started();
    services(h, "svc-a", "svc-b");
    assertThat(loadBalancers(h)).hasSize(3);

    var response =
        Harness.send(h.reconcile, List.of(inventory(h.clock.instant(), "999999", List.of())));

    assertThat(response.batchItemFailures()).isEmpty();
    assertThat(loadBalancers(h)).as("nothing deleted on the event path").hasSize(3);
    // entries of one instant (the test clock stands still) come in any order
    assertThat(history(h, "svc-a"))
        .anySatisfy(
            e ->
                assertThat(e)
                    .startsWith("HELD: inventory 999999 refused")
                    .contains("of the cluster's 3 stacks")
                    .contains("left to drift garbage collection"));

    DriftReport first = h.lbr.drift().run(gc(GRACE, 5, false));
    h.clock.advance(GRACE.minusMinutes(1));
    DriftReport second = h.lbr.drift().run(gc(GRACE, 5, false));

    assertThat(first.count(StackDrift.Outcome.ORPHAN_WAITING)).isEqualTo(3);
    assertThat(second.count(StackDrift.Outcome.ORPHAN_WAITING)).isEqualTo(3);
    assertThat(loadBalancers(h)).hasSize(3);

    h.clock.advance(Duration.ofMinutes(1));
    DriftReport due = h.lbr.drift().run(gc(GRACE, 5, false));

    assertThat(due.counts()).containsEntry("GcDeleted", 3L);
    assertThat(loadBalancers(h)).isEmpty();
  }

  @Test
  void theForwardersNextInventoryUndoesAForgedOne() {
    Harness h = BoundsFixture.started();
    services(h, "svc-a", "svc-b");
    Harness.send(h.reconcile, List.of(inventory(h.clock.instant(), "999999", List.of())));

    var relist =
        inventory(h.clock.instant(), "3000", List.of(BoundsFixture.ORIGINAL, "svc-a", "svc-b"));
    assertThat(Harness.send(h.reconcile, List.of(relist)).batchItemFailures()).isEmpty();
    h.clock.advance(GRACE.plusHours(1));
    DriftReport report = h.lbr.drift().run(gc(Duration.ZERO, 5, false));

    assertThat(report.counts()).containsEntry("GcDeleted", 0L).containsEntry("OrphansWaiting", 0L);
    assertThat(loadBalancers(h)).hasSize(3);
  }

  @Test
  void aSmallInventoryDeletionStillHappensAtOnce() {
    Harness h = BoundsFixture.started();
    services(h, "svc-a", "svc-b");

    var inventory = inventory(h.clock.instant(), "3000", List.of(BoundsFixture.ORIGINAL, "svc-a"));
    Harness.send(h.reconcile, List.of(inventory));

    assertThat(loadBalancers(h)).hasSize(2);
  }

  @Test
  void theBudgetHoldsTheDeletionPastItAndLeavesTheStackToDriftGc() {
    Harness h = BoundsFixture.started();
    h.bounds = h.bounds.withBudget(1);
    h.restart();
    services(h, "svc-a", "svc-b");

    Harness.send(h.reconcile, List.of(delete("svc-a", "uid-svc-a", "3001")));
    assertThat(loadBalancers(h)).hasSize(2);

    var held = Harness.send(h.reconcile, List.of(delete("svc-b", "uid-svc-b", "3002")));

    assertThat(held.batchItemFailures()).as("held, not failed").isEmpty();
    assertThat(loadBalancers(h)).as("the second deletion in the window is held").hasSize(2);
    assertThat(history(h, "svc-b"))
        .anySatisfy(
            e ->
                assertThat(e).startsWith("HELD: deletion budget spent: 1 load balancer deletions"));

    DriftReport waiting = h.lbr.drift().run(gc(GRACE, 5, false));
    assertThat(waiting.count(StackDrift.Outcome.ORPHAN_WAITING)).isEqualTo(1);
    h.clock.advance(GRACE);
    h.lbr.drift().run(gc(GRACE, 5, false));

    assertThat(loadBalancers(h)).hasSize(1);
  }

  @Test
  void theOverrideDeletesPastTheBudgetAndSaysSoInTheHistory() {
    Harness h = BoundsFixture.started();
    h.bounds = h.bounds.withBudget(0).forced();
    h.restart();

    Harness.send(h.reconcile, List.of(delete(BoundsFixture.ORIGINAL, BoundsFixture.UID, "3001")));

    assertThat(loadBalancers(h)).isEmpty();
    assertThat(history(h, BoundsFixture.ORIGINAL)).anyMatch(e -> e.startsWith("FORCED: "));
  }
}
