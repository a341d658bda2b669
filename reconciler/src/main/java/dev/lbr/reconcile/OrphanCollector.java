package dev.lbr.reconcile;

import dev.lbr.drift.DriftOptions;
import dev.lbr.drift.StackDrift;
import dev.lbr.drift.StackDrift.Outcome;
import dev.lbr.model.StackId;
import dev.lbr.plan.DriftFinding;
import dev.lbr.plan.Plan;
import dev.lbr.state.Checkpoint;
import dev.lbr.state.DriftStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Garbage collection in a drift run. An orphan is a stack owning resources tagged for the cluster
 * with no Service or Ingress. Its first sighting is stored; once it has been orphaned for the grace
 * period it is deleted by a forced reconcile of its (empty) desired state, which only ever touches
 * resources carrying the cluster's and the stack's tags. If the orphans due would take more load
 * balancers than the circuit breaker allows, none is deleted: they are reported as refused.
 */
final class OrphanCollector {
  private static final Logger LOG = LoggerFactory.getLogger(OrphanCollector.class);
  private static final Comparator<StackId> BY_VALUE = Comparator.comparing(StackId::value);

  private final DriftStore store;
  private final StackReconciler reconciler;
  private final BiFunction<StackId, Checkpoint, Plan> preview;
  private final DriftOptions options;
  private final Instant now;
  private final Map<StackId, List<String>> tagged;
  private final Map<StackId, Checkpoint> known;

  OrphanCollector(
      DriftStore store,
      StackReconciler reconciler,
      BiFunction<StackId, Checkpoint, Plan> preview,
      DriftOptions options,
      Instant now,
      Map<StackId, List<String>> tagged,
      Map<StackId, Checkpoint> known) {
    this.store = store;
    this.reconciler = reconciler;
    this.preview = preview;
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
                id, Outcome.ORPHAN_WAITING, findings(id), List.of(), "deleted after " + deadline));
      } else {
        due.add(id);
      }
    }
    int loadBalancers = due.stream().mapToInt(id -> tagged.get(id).size()).sum();
    boolean tripped = loadBalancers > options.maxLoadBalancerDeletes() && !options.forceGc();
    if (tripped) {
      LOG.atWarn()
          .addKeyValue("loadBalancers", loadBalancers)
          .addKeyValue("limit", options.maxLoadBalancerDeletes())
          .log("gc-refused");
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
            id,
            Outcome.COLLECTED,
            findings(id),
            DriftRun.describe(preview.apply(id, known.get(id))),
            null);
      }
      ReconcileResult result = reconciler.reconcile(id, true);
      if (result.path() == ReconcileResult.Path.BUSY) {
        return new StackDrift(id, Outcome.BUSY, findings(id), List.of(), null);
      }
      if (result.path() == ReconcileResult.Path.INVALID) {
        return new StackDrift(id, Outcome.INVALID, findings(id), List.of(), result.error());
      }
      store.clearOrphan(id);
      LOG.atInfo()
          .addKeyValue("stack", id)
          .addKeyValue("changes", result.changes().size())
          .log("gc-deleted");
      return new StackDrift(id, Outcome.COLLECTED, findings(id), result.changes(), null);
    } catch (RuntimeException e) {
      LOG.atWarn().addKeyValue("stack", id).addKeyValue("error", e.toString()).log("gc-failed");
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
          LOG.atWarn().addKeyValue("stack", id).addKeyValue("error", e.toString()).log("gc-failed");
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
