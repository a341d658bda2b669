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
import dev.lbr.plan.Change;
import dev.lbr.plan.DriftFinding;
import dev.lbr.plan.DriftFindings;
import dev.lbr.plan.Plan;
import dev.lbr.plan.Planner;
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
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One drift run over every stack of the cluster ({@code docs/drift.md}):
 *
 * <ol>
 *   <li><b>Garbage collection.</b> A stack that owns resources tagged for the cluster but has no
 *       Service or Ingress is an orphan. Its first sighting is remembered; once it has been an
 *       orphan for the grace period it is deleted by a forced reconcile of its (empty) desired
 *       state, which only ever touches resources carrying the cluster's and the stack's tags. If
 *       the orphans due would take more load balancers than the circuit breaker allows, none is
 *       deleted and the run reports them instead.
 *   <li><b>Drift.</b> Every stack with inputs: build the desired model, read AWS (checkpoint
 *       ignored, targets included), plan. An empty plan is clean; otherwise the findings are
 *       recorded field by field and a forced reconcile under the stack's lease repairs it. Stacks
 *       are visited in id order from where the previous run stopped, until the deadline.
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
  private final ActualStateReader reader;
  private final ClusterInventory inventory;
  private final StackReconciler reconciler;
  private final Clock clock;
  private final Planner planner = new Planner();

  DriftRun(
      String cluster,
      SnapshotStore snapshots,
      CheckpointStore checkpoints,
      DriftStore store,
      FactsProvider facts,
      ActualStateReader reader,
      ClusterInventory inventory,
      StackReconciler reconciler,
      Clock clock) {
    this.cluster = cluster;
    this.snapshots = snapshots;
    this.checkpoints = checkpoints;
    this.store = store;
    this.facts = facts;
    this.reader = reader;
    this.inventory = inventory;
    this.reconciler = reconciler;
    this.clock = clock;
  }

  public DriftReport run(DriftOptions options) {
    Instant started = clock.instant();
    Set<StackId> wanted = new TreeSet<>(BY_VALUE);
    wanted.addAll(StackInputs.stacks(snapshots));
    Map<StackId, List<String>> tagged = inventory.stackLoadBalancers(cluster);
    Map<StackId, Checkpoint> known = new TreeMap<>(BY_VALUE);
    checkpoints.list().forEach(cp -> known.put(cp.stackId(), cp));

    List<StackDrift> results = new ArrayList<>();
    boolean tripped =
        new GarbageCollection(options, started, tagged, known).collect(wanted, results);

    List<StackId> order = fromCursor(wanted, store.cursor());
    StackId last = null;
    boolean complete = true;
    for (StackId id : order) {
      if (options.deadline().filter(d -> !clock.instant().isBefore(d)).isPresent()) {
        complete = false;
        break;
      }
      results.add(check(id, options, tagged.containsKey(id), known.get(id)));
      last = id;
    }
    if (!options.dryRun() && (complete || last != null)) {
      store.saveCursor(complete ? Optional.empty() : Optional.of(last));
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
      StackId id, DriftOptions options, boolean tagged, Checkpoint checkpoint) {
    try {
      DesiredStack desired = StackModels.load(snapshots, id).build(facts.get());
      if (desired.isEmpty() && !tagged && checkpoint == null) {
        return clean(id); // a Service that asks for no load balancer, and has none
      }
      Map<String, String> arns = checkpoint == null ? Map.of() : checkpoint.resources();
      ActualStack actual = reader.read(id, cluster, arns, true);
      Plan plan = planner.plan(desired, actual, Map.of());
      if (plan.isEmpty()) {
        return clean(id);
      }
      List<DriftFinding> findings = DriftFindings.of(plan, actual);
      if (options.dryRun()) {
        return new StackDrift(id, Outcome.DRIFTED, findings, describe(plan), null);
      }
      return repaired(id, findings, reconciler.reconcile(id, true));
    } catch (InvalidInputException e) {
      return new StackDrift(id, Outcome.INVALID, List.of(), List.of(), e.getMessage());
    } catch (RuntimeException e) {
      LOG.warn("{\"stack\":\"{}\",\"event\":\"drift-check-failed\",\"error\":\"{}\"}", id, e);
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
    LOG.info(
        "{\"stack\":\"{}\",\"event\":\"drift\",\"outcome\":\"{}\",\"findings\":{},\"changes\":{}}",
        id,
        outcome,
        findings.size(),
        result.changes().size());
    return new StackDrift(id, outcome, findings, result.changes(), result.error());
  }

  private static StackDrift clean(StackId id) {
    return new StackDrift(id, Outcome.CLEAN, List.of(), List.of(), null);
  }

  /** The plan a forced reconcile would apply (dry runs, and orphans the breaker refused). */
  private Plan preview(StackId id, Checkpoint checkpoint) {
    DesiredStack desired = StackModels.load(snapshots, id).build(facts.get());
    Map<String, String> arns = checkpoint == null ? Map.of() : checkpoint.resources();
    return planner.plan(desired, reader.read(id, cluster, arns, true), Map.of());
  }

  private static List<String> describe(Plan plan) {
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

  /** The report is history: best effort, as the stacks' own history. */
  private void keep(DriftReport report) {
    try {
      store.appendReport(report.finishedAt(), report.toJson().toString(), report.counts());
    } catch (RuntimeException e) {
      LOG.warn("{\"event\":\"drift-report-write-failed\",\"error\":\"{}\"}", e.toString());
    }
  }

  /** Orphans: remembered, waited for, then deleted, unless the circuit breaker says no. */
  private final class GarbageCollection {
    private final DriftOptions options;
    private final Instant now;
    private final Map<StackId, List<String>> tagged;
    private final Map<StackId, Checkpoint> known;

    GarbageCollection(
        DriftOptions options,
        Instant now,
        Map<StackId, List<String>> tagged,
        Map<StackId, Checkpoint> known) {
      this.options = options;
      this.now = now;
      this.tagged = tagged;
      this.known = known;
    }

    /** Returns whether the circuit breaker tripped. */
    boolean collect(Set<StackId> wanted, List<StackDrift> results) {
      Set<StackId> orphans = new TreeSet<>(BY_VALUE);
      orphans.addAll(tagged.keySet());
      orphans.removeAll(wanted);
      Map<StackId, Instant> marks = store.orphans();
      if (!options.dryRun()) {
        marks.keySet().stream().filter(id -> !orphans.contains(id)).forEach(store::clearOrphan);
        forgetCheckpointsOnly(wanted);
      }
      List<StackId> due = new ArrayList<>();
      for (StackId id : orphans) {
        Instant firstSeen = marks.getOrDefault(id, now);
        if (!options.dryRun() && !marks.containsKey(id)) {
          store.markOrphan(id, now);
        }
        Instant deadline = firstSeen.plus(options.gcGrace());
        if (now.isBefore(deadline)) {
          results.add(
              new StackDrift(
                  id,
                  Outcome.ORPHAN_WAITING,
                  findings(id),
                  List.of(),
                  "deleted after " + deadline));
        } else {
          due.add(id);
        }
      }
      int loadBalancers = due.stream().mapToInt(id -> tagged.get(id).size()).sum();
      boolean tripped = loadBalancers > options.maxLoadBalancerDeletes() && !options.forceGc();
      if (tripped) {
        LOG.warn(
            "{\"event\":\"gc-refused\",\"loadBalancers\":{},\"limit\":{}}",
            loadBalancers,
            options.maxLoadBalancerDeletes());
      }
      for (StackId id : due) {
        results.add(tripped ? refused(id, loadBalancers) : delete(id));
      }
      return tripped;
    }

    private StackDrift delete(StackId id) {
      try {
        if (options.dryRun()) {
          return new StackDrift(
              id, Outcome.COLLECTED, findings(id), describe(preview(id, known.get(id))), null);
        }
        ReconcileResult result = reconciler.reconcile(id, true);
        if (result.path() == ReconcileResult.Path.BUSY) {
          return new StackDrift(id, Outcome.BUSY, findings(id), List.of(), null);
        }
        if (result.path() == ReconcileResult.Path.INVALID) {
          return new StackDrift(id, Outcome.INVALID, findings(id), List.of(), result.error());
        }
        store.clearOrphan(id);
        LOG.info(
            "{\"stack\":\"{}\",\"event\":\"gc-deleted\",\"changes\":{}}",
            id,
            result.changes().size());
        return new StackDrift(id, Outcome.COLLECTED, findings(id), result.changes(), null);
      } catch (RuntimeException e) {
        LOG.warn("{\"stack\":\"{}\",\"event\":\"gc-failed\",\"error\":\"{}\"}", id, e.toString());
        return new StackDrift(id, Outcome.FAILED, findings(id), List.of(), e.toString());
      }
    }

    private StackDrift refused(StackId id, int loadBalancers) {
      return new StackDrift(
          id,
          Outcome.REFUSED,
          findings(id),
          tagged.get(id).stream().map(name -> "delete load balancer " + name).toList(),
          "circuit breaker: this run would delete "
              + loadBalancers
              + " load balancers, more than "
              + options.maxLoadBalancerDeletes()
              + " (--force-gc overrides)");
    }

    /** A checkpoint whose stack has neither inputs nor resources: nothing in AWS to delete. */
    private void forgetCheckpointsOnly(Set<StackId> wanted) {
      for (StackId id : known.keySet()) {
        if (!wanted.contains(id) && !tagged.containsKey(id)) {
          try {
            reconciler.reconcile(id, true);
          } catch (RuntimeException e) {
            LOG.warn(
                "{\"stack\":\"{}\",\"event\":\"gc-failed\",\"error\":\"{}\"}", id, e.toString());
          }
        }
      }
    }

    private List<DriftFinding> findings(StackId id) {
      String owner = "no Service or Ingress (" + id.value() + ")";
      List<String> lbs = tagged.get(id);
      if (lbs.isEmpty()) {
        return List.of(
            new DriftFinding(
                "stack " + id.value(), "owner", "a Service or Ingress", owner, "delete"));
      }
      return lbs.stream()
          .map(
              name ->
                  new DriftFinding(
                      "load balancer " + name, "owner", "a Service or Ingress", owner, "delete"))
          .collect(Collectors.toList());
    }
  }
}
