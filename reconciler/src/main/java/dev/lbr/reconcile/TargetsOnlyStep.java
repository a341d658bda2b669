package dev.lbr.reconcile;

import dev.lbr.aws.PlanApplier;
import dev.lbr.model.NetworkState;
import dev.lbr.model.Target;
import dev.lbr.plan.Change;
import dev.lbr.plan.Plan;
import dev.lbr.state.Checkpoint;
import dev.lbr.state.Checkpoint.Status;
import dev.lbr.state.CheckpointStore;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The end of a targets-only pass, for every kind of stack: apply the registrations planned against
 * a trusted checkpoint, settle the targets' endpoint rules, and checkpoint the admitted targets.
 */
record TargetsOnlyStep(
    CheckpointStore checkpoints, PlanApplier applier, NetworkingStep networking, Clock clock) {

  ReconcileResult apply(
      Checkpoint cp,
      Plan plan,
      TargetOwnership.Admission admission,
      List<String> applied,
      Fence fence) {
    PassProgress progress = new PassProgress(checkpoints, clock, cp, applied, fence);
    finish(progress, cp, plan, admission, fence, Status.OK, null);
    return ReconcileResult.of(
        cp.stackId(),
        ReconcileResult.Path.TARGETS,
        plan.changes().stream().map(Change::describe).toList());
  }

  /**
   * Applies {@code plan} through {@code progress}, settles the targets' rules as {@code cp}'s
   * networking says, and checkpoints the admitted targets with {@code status} and {@code error}.
   */
  void finish(
      PassProgress progress,
      Checkpoint cp,
      Plan plan,
      TargetOwnership.Admission admission,
      Fence fence,
      Status status,
      String error) {
    Map<String, Set<Target>> targets = admission.targets();
    applier.applyTargets(plan, progress);
    fence.check();
    NetworkState network =
        networking.settle(
            cp.stackId(), cp.network(), targets, cp.network(), admission.interfaces());
    checkpoints.put(
        progress
            .current()
            .withTargets(targets, status, error, clock.instant())
            .withNetwork(network)
            .withRefused(admission.refused()));
  }
}
