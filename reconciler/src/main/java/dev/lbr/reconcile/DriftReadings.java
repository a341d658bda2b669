package dev.lbr.reconcile;

import dev.lbr.aws.ActualStateReader;
import dev.lbr.model.ActualStack;
import dev.lbr.model.DesiredStack;
import dev.lbr.model.StackId;
import dev.lbr.plan.Plan;
import dev.lbr.plan.Planner;
import dev.lbr.state.Checkpoint;
import dev.lbr.state.SnapshotStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The read half of a drift run: each stack's desired state, what AWS holds of it (read in batches,
 * checkpoint ignored but for its ARNs, targets included), and the plan a forced reconcile would
 * apply. Writes nothing.
 */
final class DriftReadings {
  private static final Logger LOG = LoggerFactory.getLogger(DriftReadings.class);

  /**
   * Stacks read together: ELBv2 describes up to 20 load balancers, target groups or tag sets per
   * call, so a batch of 20 stacks shares those calls.
   */
  static final int READ_BATCH = 20;

  /**
   * A stack's desired state, or the error building it; and what AWS holds of it, when it was read
   * with its batch (null: read it alone).
   */
  record Prepared(DesiredStack desired, RuntimeException failure, ActualStack actual) {}

  private final String cluster;
  private final SnapshotStore snapshots;
  private final FactsProvider facts;
  private final ActualStateReader reader;
  private final NetworkingStep networking;
  private final Planner planner = new Planner();
  private String backendGroup;

  DriftReadings(
      String cluster,
      SnapshotStore snapshots,
      FactsProvider facts,
      ActualStateReader reader,
      NetworkingStep networking) {
    this.cluster = cluster;
    this.snapshots = snapshots;
    this.facts = facts;
    this.reader = reader;
    this.networking = networking;
  }

  /** A new run looks the shared backend group up again. */
  void startRun() {
    backendGroup = null;
  }

  /**
   * Builds each stack's desired state, then reads what AWS holds of those that need it in one batch
   * ({@link ActualStateReader#read(List, String, boolean)}: checkpoint ignored except for its ARNs,
   * targets included). If the batch fails, each stack is read alone when it is checked.
   */
  Map<StackId, Prepared> prepare(
      List<StackId> ids, Map<StackId, List<String>> tagged, Map<StackId, Checkpoint> known) {
    Map<StackId, DesiredStack> desired = new LinkedHashMap<>();
    Map<StackId, Prepared> prepared = new HashMap<>();
    List<ActualStateReader.Request> requests = new ArrayList<>();
    for (StackId id : ids) {
      try {
        DesiredStack d = desired(id);
        desired.put(id, d);
        if (needsReading(d, tagged.containsKey(id), known.get(id))) {
          requests.add(new ActualStateReader.Request(id, arns(known.get(id)), Map.of()));
        }
      } catch (RuntimeException e) {
        prepared.put(id, new Prepared(null, e, null));
      }
    }
    Map<StackId, ActualStack> actual = Map.of();
    if (!requests.isEmpty()) {
      try {
        actual = reader.read(requests, cluster, true);
      } catch (RuntimeException e) {
        LOG.atWarn().addKeyValue("error", e.toString()).log("drift-batch-read-failed");
      }
    }
    for (Map.Entry<StackId, DesiredStack> e : desired.entrySet()) {
      prepared.put(e.getKey(), new Prepared(e.getValue(), null, actual.get(e.getKey())));
    }
    return prepared;
  }

  /** A Service that asks for no load balancer, and has none, needs no reading. */
  static boolean needsReading(DesiredStack desired, boolean tagged, Checkpoint checkpoint) {
    return !desired.isEmpty() || tagged || checkpoint != null;
  }

  /** The plan a forced reconcile would apply (dry runs). */
  Plan preview(StackId id, Checkpoint checkpoint) {
    DesiredStack desired = desired(id);
    return plan(desired, read(id, checkpoint));
  }

  private DesiredStack desired(StackId id) {
    return StackModels.load(snapshots, id).build(facts.get());
  }

  /** A full read of one stack: checkpoint ignored except for its ARNs, targets included. */
  ActualStack read(StackId id, Checkpoint checkpoint) {
    return reader.read(id, cluster, arns(checkpoint), true);
  }

  private static Map<String, String> arns(Checkpoint checkpoint) {
    return checkpoint == null ? Map.of() : checkpoint.resources();
  }

  /** Planned as a forced reconcile would. */
  Plan plan(DesiredStack desired, ActualStack actual) {
    if (backendGroup == null && desired.networking().backendSecurityGroup()) {
      backendGroup = networking.backendGroupOrName(facts.get().vpcId());
    }
    DesiredStack fitted = networking.preview(desired, actual, backendGroup);
    return planner.plan(fitted, actual, Map.of());
  }
}
