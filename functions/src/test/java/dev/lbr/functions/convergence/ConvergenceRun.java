package dev.lbr.functions.convergence;

import dev.lbr.aws.AwsClients;
import dev.lbr.reconcile.ReconcilerConfig;
import dev.lbr.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One try: the delivery schedule through the functions under the fault schedule, failed messages
 * redelivered as SQS would (a few places later, at most {@link #MAX_RECEIVES} times), then, one
 * {@link #WINDOW} after the last fault, the forwarder's re-list; then {@link Oracle} against a
 * fault-free apply of the final objects into a second cluster.
 *
 * <p>Were the lease TTL longer than the window, a lease left by a crash or by a lost reply to its
 * acquisition could still block a stack at the window: that would be recorded as {@link
 * Outcome#leaseOutlivedWindow} and the re-list repeated once the lease expired. With today's TTL
 * (10 s) the oracle must hold at the window.
 */
final class ConvergenceRun {
  static final Duration WINDOW = Duration.ofMinutes(1);
  static final int MAX_RECEIVES = 5;
  private static final Duration STEP = Duration.ofSeconds(2);
  private static final AtomicInteger CLUSTERS = new AtomicInteger();

  record Scenario(
      List<KubeWorld.Action> actions,
      List<Delivery.Gene> genes,
      List<Delivery.InventoryGene> inventories,
      List<Faults.Fault> faults) {}

  /**
   * What happened: the problems the oracle found (empty: converged), and the figures of the run.
   */
  record Outcome(
      List<String> problems,
      int changes,
      int deliveries,
      int calls,
      List<Faults.Fired> fired,
      int crashes,
      int deadLettered,
      boolean leaseOutlivedWindow,
      List<String> log) {}

  private record Pending(Delivery.Message message, int due, int receives) {}

  private ConvergenceRun() {}

  static Outcome run(Scenario s, String vpcId, AwsClients test) {
    KubeWorld.History history = KubeWorld.play(s.actions());
    int id = CLUSTERS.incrementAndGet();
    String cluster = "cv" + id;
    MutableClock clock = new MutableClock(Instant.parse("2026-11-22T00:00:00Z"));
    Faults faults = new Faults(s.faults(), cluster);
    List<String> log = new ArrayList<>();
    try (FunctionsUnderTest functions = new FunctionsUnderTest(cluster, vpcId, clock, faults);
        FunctionsUnderTest reference =
            new FunctionsUnderTest(
                "cv" + id + "ref", vpcId, new MutableClock(clock.instant()), null)) {
      List<Delivery.Batch> schedule =
          Delivery.schedule(cluster, history, s.genes(), s.inventories());
      Instant lastFault = clock.instant();
      int deliveries = 0;
      int deadLettered = 0;
      List<Pending> pending = new ArrayList<>();
      int step = 0;
      for (int i = 0; step < 200 && (i < schedule.size() || !pending.isEmpty()); step++) {
        List<Delivery.Batch> now = new ArrayList<>();
        if (i < schedule.size()) {
          now.add(schedule.get(i++).withReceives(1));
        }
        now.addAll(due(pending, step, i >= schedule.size()));
        for (Delivery.Batch batch : now) {
          int firedBefore = faults.fired().size();
          List<Delivery.Message> again = functions.deliver(batch);
          deliveries++;
          log.add(
              clock.instant() + " " + batch + (again.isEmpty() ? "" : " failed " + again.size()));
          if (faults.fired().size() > firedBefore) {
            lastFault = clock.instant();
            log.add("  fault " + faults.fired().subList(firedBefore, faults.fired().size()));
          }
          for (Delivery.Message m : again) {
            int receives = batch.receives() + 1;
            if (receives > MAX_RECEIVES) {
              deadLettered++;
              log.add("  dead-lettered " + m.label());
            } else {
              pending.add(new Pending(m, step + 2, receives));
            }
          }
          clock.advance(STEP);
        }
      }
      faults.disarm();
      Instant settleAt = lastFault.plus(WINDOW);
      if (clock.instant().isBefore(settleAt)) {
        clock.set(settleAt);
      }
      settle(reference, history, log);
      settle(functions, history, log);
      List<String> problems = Oracle.problems(functions, reference, test);
      boolean outlived = false;
      Duration ttl = ReconcilerConfig.defaults(cluster).leaseTtl();
      if (!problems.isEmpty()
          && ttl.compareTo(WINDOW) > 0
          && !Oracle.heldLeases(functions).isEmpty()) {
        outlived = true;
        log.add("  at the window: " + problems);
        clock.advance(ttl);
        settle(functions, history, log);
        problems = Oracle.problems(functions, reference, test);
      }
      if (!problems.isEmpty()) {
        log.add("  at the end: " + problems);
      }
      return new Outcome(
          problems,
          history.changes().size(),
          deliveries,
          faults.calls(),
          faults.fired(),
          functions.crashes(),
          deadLettered,
          outlived,
          log);
    }
  }

  /** The re-list, without faults; its failures are retried a few times. */
  private static void settle(FunctionsUnderTest f, KubeWorld.History history, List<String> log) {
    for (Delivery.Batch batch : Delivery.relist(f.cluster, history)) {
      List<Delivery.Message> again = f.deliver(batch);
      for (int attempt = 1; !again.isEmpty() && attempt < MAX_RECEIVES; attempt++) {
        log.add(
            f.clock.instant() + " settle " + f.cluster + " " + batch + " failed " + again.size());
        f.clock.advance(STEP);
        again = f.deliver(new Delivery.Batch(batch.route(), again));
      }
      f.clock.advance(STEP);
    }
  }

  /** The redeliveries due at {@code step} (all of them once the schedule is done), as batches. */
  private static List<Delivery.Batch> due(List<Pending> pending, int step, boolean all) {
    List<Delivery.Batch> batches = new ArrayList<>();
    for (var it = pending.iterator(); it.hasNext(); ) {
      Pending p = it.next();
      if (all || p.due() <= step) {
        batches.add(
            new Delivery.Batch(p.message().route(), List.of(p.message()))
                .withReceives(p.receives()));
        it.remove();
      }
    }
    return batches;
  }
}
