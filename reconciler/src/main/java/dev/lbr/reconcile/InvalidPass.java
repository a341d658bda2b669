package dev.lbr.reconcile;

import dev.lbr.model.InvalidInputException;
import dev.lbr.model.StackId;
import dev.lbr.model.Target;
import dev.lbr.plan.Change;
import dev.lbr.plan.Plan;
import dev.lbr.state.Checkpoint;
import dev.lbr.state.Checkpoint.Status;
import dev.lbr.state.SnapshotStore;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A pass whose new spec was refused ({@link ReconcilePass} hands it the error): the checkpoint
 * records the error, and the last valid spec's targets keep following the endpoints. The caller
 * publishes the result after the checkpoint is written.
 */
final class InvalidPass {
  private final SnapshotStore snapshots;
  private final TargetsOnlyStep step;
  private final Supplier<String> vpcId;
  private final String cluster;

  /** {@code step}: the stores, gateways and clock a targets-only pass writes with. */
  InvalidPass(
      SnapshotStore snapshots, TargetsOnlyStep step, Supplier<String> vpcId, String cluster) {
    this.snapshots = snapshots;
    this.step = step;
    this.vpcId = vpcId;
    this.cluster = cluster;
  }

  /**
   * The new spec is refused and nothing it asks for is done; but the last valid spec's target
   * groups keep following the endpoints (LBC's TargetGroupBinding reconciler does the same), when
   * the checkpoint knows them: its target sources and target group ARNs, and tracked targets it can
   * trust (OK, or an earlier refusal). The message says so.
   */
  ReconcileResult run(
      StackId id,
      Optional<Checkpoint> cp,
      InvalidInputException e,
      List<String> applied,
      Fence fence) {
    Checkpoint base = cp.orElse(Checkpoint.initial(id));
    Map<String, Set<Target>> wanted =
        keepsTargets(base) ? LastGoodTargets.of(snapshots, base.sources()) : Map.of();
    TargetOwnership.Admission admission =
        step.networking().admit(wanted, vpcId, base.targetIds(), base.refused());
    Map<String, Set<Target>> targets = admission.targets();
    Optional<Plan> plan =
        targets.isEmpty() ? Optional.empty() : TargetChanges.plan(id, base, targets);
    if (plan.isEmpty()) {
      step.checkpoints()
          .put(base.withError(Status.INVALID, e.getMessage(), step.clock().instant()));
      return new ReconcileResult(id, ReconcileResult.Path.INVALID, List.of(), e.getMessage());
    }
    String error = e.getMessage() + TARGETS_KEPT;
    // Tracked as registered before any call: everything that may be, so a pass cut short still
    // deregisters what it registered. Never IN_PROGRESS: the ARNs stay valid.
    Map<String, Set<Target>> tracked = TargetChanges.union(base.targets(), targets);
    PassProgress progress =
        new PassProgress(
            step.checkpoints(),
            step.clock(),
            base.withTargets(tracked, Status.INVALID, error, step.clock().instant()),
            applied,
            fence,
            Status.INVALID);
    step.finish(progress, base, plan.get(), admission, fence, Status.INVALID, error);
    return new ReconcileResult(id, ReconcileResult.Path.INVALID, changes(plan.get()), error)
        .withWarnings(admission.warnings(cluster));
  }

  static final String TARGETS_KEPT = "; targets of the last valid spec are kept current";

  /** Whether the checkpoint's tracked targets and ARNs can carry the last valid spec's targets. */
  private static boolean keepsTargets(Checkpoint cp) {
    return !cp.sources().isEmpty() && (cp.status() == Status.OK || cp.status() == Status.INVALID);
  }

  private static List<String> changes(Plan plan) {
    return plan.changes().stream().map(Change::describe).toList();
  }
}
