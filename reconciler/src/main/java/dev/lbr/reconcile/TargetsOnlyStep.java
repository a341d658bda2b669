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
final class TargetsOnlyStep {
  private final CheckpointStore checkpoints;
  private final PlanApplier applier;
  private final NetworkingStep networking;
  private final Clock clock;

  TargetsOnlyStep(
      CheckpointStore checkpoints, PlanApplier applier, NetworkingStep networking, Clock clock) {
    this.checkpoints = checkpoints;
    this.applier = applier;
    this.networking = networking;
    this.clock = clock;
  }

  ReconcileResult apply(
      Checkpoint cp,
      Plan plan,
      TargetOwnership.Admission admission,
      List<String> applied,
      Fence fence) {
    Map<String, Set<Target>> targets = admission.targets();
    PassProgress progress = new PassProgress(checkpoints, clock, cp, applied, fence);
    applier.applyTargets(plan, progress);
    fence.check();
    NetworkState network =
        networking.settle(
            cp.stackId(), cp.network(), targets, cp.network(), admission.interfaces());
    checkpoints.put(
        progress
            .current()
            .withTargets(targets, Status.OK, null, clock.instant())
            .withNetwork(network)
            .withRefused(admission.refused()));
    return ReconcileResult.of(
        cp.stackId(),
        ReconcileResult.Path.TARGETS,
        plan.changes().stream().map(Change::describe).toList());
  }
}
