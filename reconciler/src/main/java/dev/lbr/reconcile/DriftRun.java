package dev.lbr.reconcile;

import dev.lbr.aws.ActualStateReader;
import dev.lbr.aws.ClusterInventory;
import dev.lbr.drift.DriftOptions;
import dev.lbr.drift.DriftReport;
import dev.lbr.drift.StackDrift;
import dev.lbr.drift.StackDrift.Outcome;
import dev.lbr.model.ActualStack;
import dev.lbr.model.DesiredStack;
import dev.lbr.model.InvalidInputException;
import dev.lbr.model.StackId;
import dev.lbr.model.StackKind;
import dev.lbr.plan.Change;
import dev.lbr.plan.DriftFinding;
import dev.lbr.plan.Plan;
import dev.lbr.state.Checkpoint;
import dev.lbr.state.CheckpointStore;
import dev.lbr.state.DriftStore;
import dev.lbr.state.SnapshotStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One drift run over every stack of the cluster ({@code docs/drift.md}):
 *
 * <ol>
 *   <li><b>Garbage collection</b> of stacks with tagged resources and no Service or Ingress, after
 *       a grace period and behind a circuit breaker ({@link OrphanCollector}).
 *   <li><b>Drift.</b> Every stack with inputs: build the desired model, read AWS (checkpoint
 *       ignored but for its ARNs, targets included; {@value DriftReadings#READ_BATCH} stacks per
 *       read, so they share the describes ELBv2 batches), plan. An empty plan is clean; otherwise
 *       the findings are recorded field by field and a forced reconcile under the stack's lease
 *       repairs it. Stacks are visited in id order from where the previous run stopped, until the
 *       deadline.
 * </ol>
 *
 * Clean stacks cost only reads: no lease, no checkpoint write, no history entry.
 */
public final class DriftRun {
  private static final Logger LOG = LoggerFactory.getLogger(DriftRun.class);
  private static final Comparator<StackId> BY_VALUE = Comparator.comparing(StackId::value);

  private final String cluster;
  private final SnapshotStore snapshots;
  private final CheckpointStore checkpoints;
  private final DriftStore store;
  private final FactsProvider facts;
  private final ClusterInventory inventory;
  private final StackReconciler reconciler;
  private final ClusterNetwork network;
  private final Clock clock;
  private final DriftReadings readings;
  private final BindingPass bindings;
  private final Runnable gateChecks;

  DriftRun(
      String cluster,
      SnapshotStore snapshots,
      CheckpointStore checkpoints,
      DriftStore store,
      FactsProvider facts,
      ActualStateReader reader,
      ClusterInventory inventory,
      StackReconciler reconciler,
      NetworkingStep networking,
      ClusterNetwork network,
      BindingPass bindings,
      Runnable gateChecks,
      Clock clock) {
    this.cluster = cluster;
    this.snapshots = snapshots;
    this.checkpoints = checkpoints;
    this.store = store;
    this.facts = facts;
    this.inventory = inventory;
    this.reconciler = reconciler;
    this.network = network;
    this.clock = clock;
    this.readings = new DriftReadings(cluster, snapshots, facts, reader, networking);
    this.bindings = bindings;
    this.gateChecks = gateChecks;
  }

  public DriftReport run(DriftOptions options) {
    Instant started = clock.instant();
    readings.startRun();
    if (!options.dryRun()) {
      SettledInputs.confirmDue(snapshots, started, options.gcGrace());
    }
    // provisionally deleted or terminating objects ask for no stack: theirs go through GC
    Set<StackId> wanted = new TreeSet<>(BY_VALUE);
    wanted.addAll(SettledInputs.stacks(snapshots));
    Map<StackId, List<String>> tagged = inventory.stackLoadBalancers(cluster);
    Map<StackId, Checkpoint> known = new TreeMap<>(BY_VALUE);
    checkpoints.list().forEach(cp -> known.put(cp.stackId(), cp));

    List<StackDrift> results = new ArrayList<>();
    boolean tripped =
        new OrphanCollector(store, reconciler, readings::preview, options, started, tagged, known)
            .collect(wanted, results);

    // A binding owns no resource to describe in batches: each is checked on its own, every run.
    Set<StackId> bound = new TreeSet<>(BY_VALUE);
    wanted.stream().filter(id -> id.kind() == StackKind.BINDING).forEach(bound::add);
    wanted.removeAll(bound);
    List<StackId> order = fromCursor(wanted, store.cursor());
    StackId last = null;
    boolean complete = true;
    Map<StackId, DriftReadings.Prepared> prepared = Map.of();
    for (int i = 0; i < order.size(); i++) {
      if (options.deadline().filter(d -> !clock.instant().isBefore(d)).isPresent()) {
        complete = false;
        break;
      }
      if (i % DriftReadings.READ_BATCH == 0) {
        prepared =
            readings.prepare(
                order.subList(i, Math.min(order.size(), i + DriftReadings.READ_BATCH)),
                tagged,
                known);
      }
      StackId id = order.get(i);
      DriftReadings.Prepared ready = prepared.get(id);
      results.add(
          guarded(id, () -> check(id, options, ready, tagged.containsKey(id), known.get(id))));
      last = id;
    }
    for (StackId id : bound) {
      if (options.deadline().filter(d -> !clock.instant().isBefore(d)).isPresent()) {
        complete = false;
        break;
      }
      results.add(guarded(id, () -> checkBinding(id, options)));
    }
    if (!options.dryRun() && (complete || last != null)) {
      store.saveCursor(complete ? Optional.empty() : Optional.of(last));
    }
    if (!options.dryRun()) {
      repairEndpointRules();
      restartGateChecks();
    }
    DriftReport report =
        new DriftReport(
            cluster, started, clock.instant(), options.dryRun(), results, complete, tripped);
    if (!options.dryRun()) {
      keep(report);
    }
    return report;
  }

  /** One stack with inputs: clean, drifted (dry run), repaired, or why not. */
  private StackDrift check(
      StackId id,
      DriftOptions options,
      DriftReadings.Prepared prepared,
      boolean tagged,
      Checkpoint checkpoint) {
    if (prepared.failure() != null) {
      throw prepared.failure();
    }
    DesiredStack desired = prepared.desired();
    if (!DriftReadings.needsReading(desired, tagged, checkpoint)) {
      return clean(id);
    }
    ActualStack actual =
        prepared.actual() != null ? prepared.actual() : readings.read(desired.id(), checkpoint);
    Plan plan = readings.plan(desired, actual);
    if (plan.isEmpty()) {
      return clean(id);
    }
    List<DriftFinding> findings = plan.findings();
    if (options.dryRun()) {
      return new StackDrift(id, Outcome.DRIFTED, findings, describe(plan), null);
    }
    return repaired(id, findings, reconciler.reconcile(id, true));
  }

  /**
   * A user's binding: its targets against what is registered in its target group (a dry run plans;
   * otherwise a forced pass, whose changes are the repairs).
   */
  private StackDrift checkBinding(StackId id, DriftOptions options) {
    if (options.dryRun()) {
      Plan plan = bindings.preview(id, snapshots);
      return plan.isEmpty()
          ? clean(id)
          : new StackDrift(id, Outcome.DRIFTED, plan.findings(), describe(plan), null);
    }
    ReconcileResult result = reconciler.reconcile(id, true);
    return result.path() == ReconcileResult.Path.FULL && result.changes().isEmpty()
        ? clean(id)
        : repaired(id, List.of(), result);
  }

  /** A stack's check, its failure reported in the stack's row: the run goes on. */
  private static StackDrift guarded(StackId id, java.util.function.Supplier<StackDrift> check) {
    try {
      return check.get();
    } catch (InvalidInputException e) {
      return new StackDrift(id, Outcome.INVALID, List.of(), List.of(), e.getMessage());
    } catch (RuntimeException e) {
      LOG.atWarn()
          .addKeyValue("stack", id)
          .addKeyValue("error", e.toString())
          .log("drift-check-failed");
      return new StackDrift(id, Outcome.FAILED, List.of(), List.of(), e.toString());
    }
  }

  private StackDrift repaired(StackId id, List<DriftFinding> findings, ReconcileResult result) {
    Outcome outcome =
        switch (result.path()) {
          case BUSY -> Outcome.BUSY;
          case INVALID -> Outcome.INVALID;
          default -> Outcome.REPAIRED;
        };
    LOG.atInfo()
        .addKeyValue("stack", id)
        .addKeyValue("outcome", outcome)
        .addKeyValue("findings", findings.size())
        .addKeyValue("changes", result.changes().size())
        .log("drift");
    return new StackDrift(id, outcome, findings, result.changes(), result.error());
  }

  private static StackDrift clean(StackId id) {
    return new StackDrift(id, Outcome.CLEAN, List.of(), List.of(), null);
  }

  static List<String> describe(Plan plan) {
    return plan.changes().stream().map(Change::describe).toList();
  }

  /** Stacks in id order, starting after {@code cursor} and wrapping around. */
  static List<StackId> fromCursor(Set<StackId> stacks, Optional<StackId> cursor) {
    List<StackId> sorted = stacks.stream().sorted(BY_VALUE).toList();
    if (cursor.isEmpty()) {
      return sorted;
    }
    String after = cursor.get().value();
    List<StackId> order = new ArrayList<>();
    sorted.stream().filter(id -> id.value().compareTo(after) > 0).forEach(order::add);
    sorted.stream().filter(id -> id.value().compareTo(after) <= 0).forEach(order::add);
    return order;
  }

  /** The rules on the targets' groups, re-read and repaired for the whole cluster. */
  /**
   * Pods still waiting for their readiness gate get their stacks' health checks going again (a
   * chain whose message was lost); best effort, the next run tries again.
   */
  private void restartGateChecks() {
    try {
      gateChecks.run();
    } catch (RuntimeException e) {
      LOG.atWarn().addKeyValue("error", e.toString()).log("gate-checks-not-restarted");
    }
  }

  private void repairEndpointRules() {
    try {
      network.reconcile(facts.get().vpcId());
    } catch (RuntimeException e) {
      LOG.atWarn().addKeyValue("error", e.toString()).log("drift-endpoint-rules-failed");
    }
  }

  /** The report is history: best effort, as the stacks' own history. */
  private void keep(DriftReport report) {
    try {
      store.appendReport(report.finishedAt(), report.toJson().toString(), report.counts());
    } catch (RuntimeException e) {
      LOG.atWarn().addKeyValue("error", e.toString()).log("drift-report-write-failed");
    }
  }
}
