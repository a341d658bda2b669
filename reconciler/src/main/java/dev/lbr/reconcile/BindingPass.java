package dev.lbr.reconcile;

import dev.lbr.aws.AwsErrors;
import dev.lbr.aws.ElbGateway;
import dev.lbr.aws.PlanApplier;
import dev.lbr.event.StackResult;
import dev.lbr.k8s.K8sTargetGroupBinding;
import dev.lbr.model.ActualTargetGroup;
import dev.lbr.model.InvalidInputException;
import dev.lbr.model.NetworkState;
import dev.lbr.model.StackId;
import dev.lbr.model.Target;
import dev.lbr.plan.Change;
import dev.lbr.plan.Plan;
import dev.lbr.plan.Ref;
import dev.lbr.plan.TargetPlanner;
import dev.lbr.state.Checkpoint;
import dev.lbr.state.Checkpoint.Status;
import dev.lbr.state.CheckpointStore;
import dev.lbr.state.HistoryStore;
import dev.lbr.state.SnapshotStore;
import dev.lbr.translate.binding.BindingModel;
import dev.lbr.translate.binding.BindingModelBuilder;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.LoggerFactory;

/**
 * One pass over a user's TargetGroupBinding (bring your own target group). lbr registers the
 * Service's endpoints (or nodes) in the target group and keeps them current, and manages the
 * targets' security group rules of {@code networking}; it never modifies or deletes the target
 * group, and only ever deregisters targets it registered itself (its checkpoint lists them), so
 * other registrants, other clusters among them, keep theirs. As for the other stacks:
 *
 * <ol>
 *   <li>unchanged binding and Service, fresh checkpoint: the targets from the checkpoint's source,
 *       registered and deregistered against the checkpoint, no ELBv2 read;
 *   <li>otherwise: the target group read (one DescribeTargetGroups) and its targets (one
 *       DescribeTargetHealth), the model built, own targets reconciled against what is registered;
 *   <li>the binding gone: its own registered targets deregistered, its rules withdrawn, the
 *       checkpoint deleted.
 * </ol>
 *
 * Invalid input (a missing target group or Service, a mismatched target type) changes nothing and
 * is recorded, naming the binding and the field.
 */
final class BindingPass {
  private final SnapshotStore snapshots;
  private final CheckpointStore checkpoints;
  private final PassHistory history;
  private final ElbGateway elb;
  private final PlanApplier applier;
  private final NetworkingStep networking;
  private final FactsProvider facts;
  private final ReconcilerConfig config;
  private final Clock clock;
  private final TargetsOnlyStep targetsStep;
  private final ResultPublisher publisher;
  private final Sequence sequence;

  /** {@code step}: the targets-only path's end, with the stores and gateways a pass writes to. */
  BindingPass(
      SnapshotStore snapshots,
      TargetsOnlyStep step,
      HistoryStore history,
      ElbGateway elb,
      FactsProvider facts,
      ReconcilerConfig config,
      ResultPublisher publisher) {
    this.snapshots = snapshots;
    this.targetsStep = step;
    this.checkpoints = step.checkpoints();
    this.applier = step.applier();
    this.networking = step.networking();
    this.clock = step.clock();
    this.history = new PassHistory(history, clock);
    this.elb = elb;
    this.facts = facts;
    this.config = config;
    this.publisher = publisher;
    this.sequence = new Sequence(clock);
  }

  ReconcileResult run(StackId id, boolean force, Fence fence) {
    List<String> applied = new ArrayList<>();
    ReconcileResult result;
    try {
      result = pass(id, force, applied, fence);
    } catch (RuntimeException e) {
      history.failed(id, e, applied);
      // never with no members: that would release the binding's finalizer before its targets went
      publish(
          id,
          members ->
              members.isEmpty()
                  ? null
                  : StackResults.bindingFailed(config.cluster(), sequence.next(), id, members, e));
      throw e;
    }
    history.record(result);
    if (result.path() == ReconcileResult.Path.FULL
        || result.path() == ReconcileResult.Path.INVALID) {
      publish(
          id, members -> StackResults.binding(config.cluster(), sequence.next(), result, members));
    }
    return result;
  }

  /**
   * Tells the cluster what a full, invalid or failed pass did (the forwarder writes the binding's
   * finalizer, {@code status.observedGeneration} and events). Best effort: a result that cannot be
   * sent is logged; the next full pass (every drift run forces one) sends the state again.
   */
  private void publish(
      StackId id, java.util.function.Function<List<StackResult.Member>, StackResult> result) {
    try {
      List<StackResult.Member> members =
          BindingInputs.load(snapshots, id).binding().stream().map(StackResults::member).toList();
      StackResult r = result.apply(members);
      if (r != null) {
        publisher.publish(r);
      }
    } catch (RuntimeException e) {
      LoggerFactory.getLogger(BindingPass.class)
          .atWarn()
          .addKeyValue("stack", id)
          .addKeyValue("error", e.toString())
          .log("result-publish-failed");
    }
  }

  private ReconcileResult pass(StackId id, boolean force, List<String> applied, Fence fence) {
    BindingInputs inputs = BindingInputs.load(snapshots, id);
    Optional<Checkpoint> checkpoint = checkpoints.get(id);
    if (inputs.binding().isEmpty()) {
      return checkpoint.isEmpty()
          ? ReconcileResult.of(id, ReconcileResult.Path.UNCHANGED, List.of())
          : release(checkpoint.get(), applied, fence);
    }
    String inputHash = inputs.inputHash();
    Optional<Checkpoint> trusted =
        checkpoint.filter(
            cp -> !force && cp.trusted(inputHash, config.freshness(), clock.instant()));
    if (trusted.isPresent()) {
      Optional<ReconcileResult> done = targetsOnly(trusted.get(), inputs, applied, fence);
      if (done.isPresent()) {
        return done.get();
      }
    }
    return full(id, inputs, checkpoint.orElse(Checkpoint.initial(id)), inputHash, applied, fence);
  }

  /** Empty when a newly refused target asks for a full pass (its warning is recorded there). */
  private Optional<ReconcileResult> targetsOnly(
      Checkpoint cp, BindingInputs inputs, List<String> applied, Fence fence) {
    TargetOwnership.Admission admission =
        networking.admit(inputs.targets(cp.sources()), this::vpcId, cp.targetIds(), cp.refused());
    if (admission.refusesMoreThan(cp.refused())) {
      return Optional.empty();
    }
    Map<String, Set<Target>> targets = admission.targets();
    if (targets.equals(cp.targets())) {
      return Optional.of(
          ReconcileResult.of(cp.stackId(), ReconcileResult.Path.UNCHANGED, List.of()));
    }
    Optional<Plan> plan = TargetChanges.plan(cp.stackId(), cp, targets);
    return plan.map(p -> targetsStep.apply(cp, p, admission, applied, fence));
  }

  /** The plan a pass would apply now: reads ELBv2 (and EC2 for new targets), writes nothing. */
  Plan preview(StackId id, SnapshotStore inputs) {
    BindingInputs in = BindingInputs.load(inputs, id);
    Checkpoint base = checkpoints.get(id).orElse(Checkpoint.initial(id));
    return in.binding().isPresent() ? planFull(id, in, base).plan() : releasePlan(base);
  }

  private ReconcileResult full(
      StackId id,
      BindingInputs inputs,
      Checkpoint base,
      String inputHash,
      List<String> applied,
      Fence fence) {
    Full planned;
    try {
      planned = planFull(id, inputs, base);
    } catch (InvalidInputException e) {
      // Nothing changes: the targets registered stay as they are until the input is fixed.
      checkpoints.put(base.withError(Status.INVALID, e.getMessage(), clock.instant()));
      return new ReconcileResult(id, ReconcileResult.Path.INVALID, List.of(), e.getMessage());
    }
    PassProgress progress = new PassProgress(checkpoints, clock, base, applied, fence);
    applier.applyTargets(planned.plan(), progress);
    fence.check();
    BindingModel model = planned.model();
    Map<String, Set<Target>> targets = Map.of(BindingModel.TARGET_GROUP, planned.wanted());
    NetworkState network =
        networking.settle(
            id,
            new NetworkState(planned.vpcId(), false, model.networking(), Map.of()),
            targets,
            base.network(),
            planned.admission().interfaces());
    Instant now = clock.instant();
    checkpoints.put(
        new Checkpoint(
            id,
            progress.current().version(),
            Status.OK,
            inputHash,
            Hashing.sha256(model),
            Map.of(BindingModel.TARGET_GROUP, model.targetGroupArn()),
            targets,
            null,
            now,
            now,
            network,
            Map.of(BindingModel.TARGET_GROUP, model.source()),
            planned.admission().refused(),
            Map.of()));
    return ReconcileResult.of(id, ReconcileResult.Path.FULL, describe(planned.plan()));
  }

  /** A full pass's plan, and what it was made from. */
  private record Full(
      BindingModel model,
      Plan plan,
      Set<Target> wanted,
      TargetOwnership.Admission admission,
      String vpcId) {}

  /**
   * Reads the target group and its targets; registers what is wanted and missing, deregisters what
   * is ours and no longer wanted. Throws {@link InvalidInputException} for bad input.
   */
  private Full planFull(StackId id, BindingInputs inputs, Checkpoint base) {
    K8sTargetGroupBinding binding = inputs.binding().orElseThrow();
    ActualTargetGroup group =
        elb.targetGroupOutline(binding.spec().targetGroupARN(), binding.spec().targetGroupName())
            .orElseThrow(() -> notFound(binding));
    BindingModel model = BindingModelBuilder.build(binding, inputs.service(), group);
    String vpcId = vpcId();
    String arn = model.targetGroupArn();
    Map<String, Set<Target>> desired =
        inputs.targets(Map.of(BindingModel.TARGET_GROUP, model.source()));
    TargetOwnership.Admission admission =
        networking.admit(desired, () -> vpcId, Set.of(), Map.of());
    Set<Target> wanted = admission.targets().getOrDefault(BindingModel.TARGET_GROUP, Set.of());
    List<Change> changes = new ArrayList<>(movedAway(base, arn));
    Set<Target> own = sameGroup(base, arn) ? ownTargets(base) : Set.of();
    // What counts as registered here: ours, and what we want (registered by anyone).
    Set<Target> current = new TreeSet<>(elb.targets(arn));
    current.removeIf(t -> !own.contains(t) && !wanted.contains(t));
    changes.addAll(
        TargetPlanner.changes(Ref.existing(arn, BindingModel.TARGET_GROUP), wanted, current));
    return new Full(model, new Plan(id, changes), wanted, admission, vpcId);
  }

  /** The binding is gone: deregister what we registered and is still there, withdraw the rules. */
  private ReconcileResult release(Checkpoint cp, List<String> applied, Fence fence) {
    Plan plan = releasePlan(cp);
    PassProgress progress = new PassProgress(checkpoints, clock, cp, applied, fence);
    applier.applyTargets(plan, progress);
    fence.check();
    networking.settle(cp.stackId(), NetworkState.NONE, Map.of(), cp.network(), Map.of());
    Checkpoint current = progress.current();
    if (current.version() > 0) {
      checkpoints.delete(cp.stackId(), current.version());
    }
    return ReconcileResult.of(cp.stackId(), ReconcileResult.Path.FULL, describe(plan));
  }

  private Plan releasePlan(Checkpoint cp) {
    String arn = cp.resources().get(BindingModel.TARGET_GROUP);
    return new Plan(cp.stackId(), arn == null ? List.of() : leaving(arn, cp));
  }

  /**
   * Deregisters our targets that are still registered in {@code arn}; none when the user deleted
   * the target group.
   */
  private List<Change> leaving(String arn, Checkpoint cp) {
    Set<Target> registered =
        new TreeSet<>(AwsErrors.unlessNotFound(() -> elb.targets(arn)).orElse(Set.of()));
    registered.retainAll(ownTargets(cp));
    return TargetPlanner.changes(
        Ref.existing(arn, BindingModel.TARGET_GROUP), Set.of(), registered);
  }

  /** The user pointed the binding at another target group: ours leave the old one. */
  private List<Change> movedAway(Checkpoint base, String arn) {
    String before = base.resources().get(BindingModel.TARGET_GROUP);
    return before == null || before.equals(arn) ? List.of() : leaving(before, base);
  }

  private static boolean sameGroup(Checkpoint cp, String arn) {
    return arn.equals(cp.resources().get(BindingModel.TARGET_GROUP));
  }

  private static Set<Target> ownTargets(Checkpoint cp) {
    return cp.targets().getOrDefault(BindingModel.TARGET_GROUP, Set.of());
  }

  private static InvalidInputException notFound(K8sTargetGroupBinding binding) {
    String arn = binding.spec().targetGroupARN();
    return new InvalidInputException(
        "TargetGroupBinding " + binding.metadata().key(),
        null,
        arn != null
            ? "spec.targetGroupARN: target group " + arn + " not found"
            : "spec.targetGroupName: target group "
                + binding.spec().targetGroupName()
                + " not found");
  }

  private String vpcId() {
    return facts.get().vpcId();
  }

  private static List<String> describe(Plan plan) {
    return plan.changes().stream().map(Change::describe).toList();
  }
}
