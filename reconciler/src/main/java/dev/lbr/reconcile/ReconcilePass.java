package dev.lbr.reconcile;

import dev.lbr.aws.AcmGateway;
import dev.lbr.aws.ActualStateReader;
import dev.lbr.aws.ApplyResult;
import dev.lbr.aws.PlanApplier;
import dev.lbr.event.StackResult;
import dev.lbr.model.ActualLoadBalancer;
import dev.lbr.model.ActualStack;
import dev.lbr.model.ClusterFacts;
import dev.lbr.model.DesiredStack;
import dev.lbr.model.InvalidInputException;
import dev.lbr.model.ListenerSpec;
import dev.lbr.model.NetworkState;
import dev.lbr.model.StackId;
import dev.lbr.model.Target;
import dev.lbr.plan.Change;
import dev.lbr.plan.Plan;
import dev.lbr.plan.Planner;
import dev.lbr.plan.ResourceKeys;
import dev.lbr.state.Checkpoint;
import dev.lbr.state.Checkpoint.Status;
import dev.lbr.state.CheckpointStore;
import dev.lbr.state.HistoryStore;
import dev.lbr.state.SnapshotStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One level-triggered pass over a stack (DESIGN.md "Reconcile", steps 3–7):
 *
 * <ol>
 *   <li>unchanged inputs, unchanged targets, fresh checkpoint: no AWS call;
 *   <li>unchanged inputs, changed targets, fresh checkpoint: register/deregister only;
 *   <li>otherwise: build, validate, read back, plan, apply, checkpoint.
 * </ol>
 *
 * The checkpoint is marked {@code IN_PROGRESS} before the first mutating call, so an interrupted
 * pass is never trusted: the next one reads everything back and converges.
 *
 * <p>A pass that changed something or failed leaves one history entry ({@link PassHistory}).
 */
public final class ReconcilePass {
  private static final Logger LOG = LoggerFactory.getLogger(ReconcilePass.class);

  private final SnapshotStore snapshots;
  private final CheckpointStore checkpoints;
  private final PassHistory history;
  private final FactsProvider facts;
  private final ActualStateReader reader;
  private final PlanApplier applier;
  private final AcmGateway acm;
  private final NetworkingStep networking;
  private final ReconcilerConfig config;
  private final Clock clock;
  private final ResultPublisher publisher;
  private final Planner planner = new Planner();
  private final Sequence sequence;
  private final DeletionGuard deletions;
  private final InvalidPass invalidPass;
  private final TargetsOnlyStep targetsStep;

  public ReconcilePass(
      SnapshotStore snapshots,
      CheckpointStore checkpoints,
      HistoryStore history,
      FactsProvider facts,
      ActualStateReader reader,
      PlanApplier applier,
      AcmGateway acm,
      NetworkingStep networking,
      ReconcilerConfig config,
      Clock clock,
      ResultPublisher publisher,
      DeletionGuard deletions) {
    this.deletions = deletions;
    this.snapshots = snapshots;
    this.checkpoints = checkpoints;
    this.history = new PassHistory(history, clock);
    this.facts = facts;
    this.reader = reader;
    this.applier = applier;
    this.acm = acm;
    this.networking = networking;
    this.config = config;
    this.clock = clock;
    this.publisher = publisher;
    this.sequence = new Sequence(clock);
    this.targetsStep = new TargetsOnlyStep(checkpoints, applier, networking, clock);
    this.invalidPass = new InvalidPass(snapshots, targetsStep, this::vpcId, config.cluster());
  }

  /**
   * One pass. A full, invalid or failed pass publishes its {@link StackResult}; the targets path
   * changes nothing the cluster's objects show.
   */
  public ReconcileResult run(StackId id, boolean force) {
    return run(id, force, Fence.NONE);
  }

  /** As {@link #run(StackId, boolean)}, asking {@code fence} before each mutating call. */
  public ReconcileResult run(StackId id, boolean force, Fence fence) {
    List<String> applied = new ArrayList<>();
    ReconcileResult result;
    try {
      result = pass(id, force, applied, fence);
    } catch (RuntimeException e) {
      history.failed(id, e, applied);
      if (!(e instanceof ResultNotSent)) {
        publishFailure(id, e);
      }
      throw e;
    }
    history.record(result);
    return result;
  }

  /**
   * Sends the result of a full or invalid pass, before its checkpoint is written: when it cannot be
   * sent the pass fails and its retry (untrusted checkpoint: a full pass) sends it again.
   */
  private void publish(StackModel model, ReconcileResult result) {
    try {
      publisher.publish(
          StackResults.of(config.cluster(), sequence.next(), result, model.members()));
    } catch (RuntimeException e) {
      throw new ResultNotSent(model.id(), e);
    }
  }

  /** The pass did its work but its result could not be sent: it fails, and is retried. */
  static final class ResultNotSent extends IllegalStateException {
    ResultNotSent(StackId id, RuntimeException cause) {
      super("the result of " + id + " could not be sent to the status queue: " + cause, cause);
    }
  }

  /** Best effort: the pass fails anyway and its message is retried. */
  private void publishFailure(StackId id, RuntimeException error) {
    try {
      List<StackResult.Member> members = StackModels.load(snapshots, id).members();
      if (!members.isEmpty()) {
        publisher.publish(
            StackResults.failed(config.cluster(), sequence.next(), id, members, error));
      }
    } catch (RuntimeException e) {
      LOG.atWarn()
          .addKeyValue("stack", id)
          .addKeyValue("error", e.toString())
          .log("result-publish-failed");
    }
  }

  /** {@code applied} receives each change as it is applied (kept when the pass fails). */
  private ReconcileResult pass(StackId id, boolean force, List<String> applied, Fence fence) {
    StackModel model = StackModels.load(snapshots, id);
    Optional<Checkpoint> checkpoint = checkpoints.get(id);
    String inputHash = model.inputHash();
    boolean trusted = !force && checkpoint.filter(cp -> trusted(cp, inputHash)).isPresent();
    if (trusted) {
      Checkpoint cp = checkpoint.get();
      TargetOwnership.Admission admission =
          networking.admit(model.targets(), this::vpcId, cp.targetIds(), cp.refused());
      // A newly refused target takes a full pass: its result carries the warning.
      if (!admission.refusesMoreThan(cp.refused())) {
        Map<String, Set<Target>> targets = admission.targets();
        if (targets.equals(cp.targets())) {
          return ReconcileResult.of(id, ReconcileResult.Path.UNCHANGED, List.of());
        }
        Optional<Plan> plan = TargetChanges.plan(id, cp, targets);
        if (plan.isPresent()) {
          return targetsStep.apply(cp, plan.get(), admission, applied, fence);
        }
      }
    }
    return full(model, checkpoint, inputHash, force, applied, fence);
  }

  private boolean trusted(Checkpoint cp, String inputHash) {
    return cp.trusted(inputHash, config.freshness(), clock.instant());
  }

  private String vpcId() {
    return facts.get().vpcId();
  }

  private ReconcileResult full(
      StackModel model,
      Optional<Checkpoint> checkpoint,
      String inputHash,
      boolean force,
      List<String> applied,
      Fence fence) {
    StackId id = model.id();
    DesiredStack desired;
    ClusterFacts clusterFacts;
    try {
      clusterFacts = facts.get();
      desired = model.build(clusterFacts);
      validateCertificates(desired);
    } catch (InvalidInputException e) {
      return published(model, invalidPass.run(model.id(), checkpoint, e, applied, fence));
    }
    if (desired.isEmpty() && checkpoint.isEmpty() && !force && !networking.holdsShare(id)) {
      // We never mutated anything for this stack: an IN_PROGRESS checkpoint precedes every call,
      // and a claim on the backend group (made before it) precedes its creation.
      return ReconcileResult.of(id, ReconcileResult.Path.UNCHANGED, List.of());
    }
    Checkpoint base = checkpoint.orElse(Checkpoint.initial(id));
    boolean trustTargets =
        !force && checkpoint.filter(cp -> trusted(cp, cp.inputHash())).isPresent();
    // A trusted checkpoint vouches for the targets it tracks and the attributes it recorded.
    ActualStack actual =
        reader.read(
            new ActualStateReader.Request(
                id, base.resources(), trustTargets ? KnownAttributes.of(base, desired) : Map.of()),
            config.cluster(),
            !trustTargets);
    if (desired.isEmpty() && actual.loadBalancer().isPresent()) {
      Optional<ReconcileResult> held = deletions.beforeDelete(id, force);
      if (held.isPresent()) {
        return held.get(); // the deletion budget is spent: left to drift GC
      }
    }
    String vpcId = clusterFacts.vpcId();
    fence.check();
    desired = networking.prepare(desired, actual, vpcId);
    // Registered targets a trusted checkpoint tracks were admitted before; refusals are re-asked.
    TargetOwnership.Admission admission =
        networking.admit(
            desired.targets(), () -> vpcId, trustTargets ? base.targetIds() : Set.of(), Map.of());
    desired = desired.withTargets(admission.targets());
    Plan plan;
    try {
      plan = planner.plan(desired, actual, trustTargets ? base.targets() : Map.of());
    } catch (InvalidInputException e) {
      return published(model, invalidPass.run(model.id(), checkpoint, e, applied, fence));
    }
    PassProgress progress = new PassProgress(checkpoints, clock, base, applied, fence);
    ApplyResult result = applier.apply(plan, actual, progress);
    fence.check();
    NetworkState network =
        networking.settle(
            id,
            NetworkingStep.of(desired, vpcId),
            desired.targets(),
            base.network(),
            admission.interfaces());
    Instant now = clock.instant();
    ReconcileResult done =
        ReconcileResult.of(id, ReconcileResult.Path.FULL, describe(plan))
            .withView(view(desired, actual, result))
            .withWarnings(admission.warnings(config.cluster()));
    publish(model, done);
    if (desired.isEmpty()) {
      Checkpoint current = progress.current();
      if (current.version() > 0) {
        checkpoints.delete(id, current.version());
      }
    } else {
      checkpoints.put(
          new Checkpoint(
              id,
              progress.current().version(),
              Status.OK,
              inputHash,
              Hashing.sha256(
                  List.of(
                      desired.loadBalancer().orElseThrow(),
                      desired.targetGroups(),
                      desired.listeners(),
                      desired.securityGroup().map(List::of).orElse(List.of()),
                      desired.networking())),
              result.resources(),
              desired.targets(),
              null,
              now,
              now,
              network,
              model.targetSources(),
              admission.refused(),
              KnownAttributes.hashes(desired)));
    }
    return done;
  }

  /** The address and bindings the cluster sees: the DNS name read back only for a new LB. */
  private ReconcileResult.View view(DesiredStack desired, ActualStack actual, ApplyResult result) {
    String arn = result.resources().get(ResourceKeys.LOAD_BALANCER);
    if (desired.isEmpty() || arn == null) {
      return StackResults.view(desired, null, result.resources());
    }
    String dns =
        actual
            .loadBalancer()
            .filter(lb -> lb.arn().equals(arn))
            .map(ActualLoadBalancer::dnsName)
            .or(() -> reader.dnsName(arn))
            .orElse(null);
    return StackResults.view(desired, dns, result.resources());
  }

  /** After the checkpoint: an INVALID one is never trusted, so a retry publishes again. */
  private ReconcileResult published(StackModel model, ReconcileResult result) {
    publish(model, result);
    return result;
  }

  /** An unknown certificate fails the whole stack before any change, naming the annotation. */
  private void validateCertificates(DesiredStack desired) {
    for (ListenerSpec listener : desired.listeners()) {
      for (String arn : listener.certificateArns()) {
        if (!acm.certificateExists(arn)) {
          throw new InvalidInputException(
              "stack " + desired.id().name(),
              null,
              "certificate " + arn + " for listener port " + listener.port() + " does not exist");
        }
      }
    }
  }

  private static List<String> describe(Plan plan) {
    return plan.changes().stream().map(Change::describe).toList();
  }
}
