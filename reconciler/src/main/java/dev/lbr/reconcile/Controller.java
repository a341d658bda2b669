package dev.lbr.reconcile;

import dev.lbr.aws.ActualStateReader;
import dev.lbr.aws.Gateways;
import dev.lbr.aws.PlanApplier;
import dev.lbr.event.EventValidator;
import dev.lbr.k8s.Kind;
import dev.lbr.model.ActualStack;
import dev.lbr.model.DesiredStack;
import dev.lbr.model.StackId;
import dev.lbr.model.StackKind;
import dev.lbr.plan.Plan;
import dev.lbr.plan.Planner;
import dev.lbr.state.Checkpoint;
import dev.lbr.state.SnapshotStore;
import dev.lbr.state.Stores;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * The reconciler of one cluster, assembled from the ports an entry point composed (AWS {@link
 * Gateways}, state {@link Stores}, where results go, the deletion bounds): it hands out the two
 * ways in, an {@link EventProcessor} for event batches and a {@link DriftRun} for the schedule, and
 * a read-only {@link #preview}. It holds no clients or stores for others to take: an entry point
 * that needs a store keeps the one it composed.
 */
public final class Controller {
  private final LbrConfig config;
  private final Stores stores;
  private final Gateways aws;
  private final DeletionBounds bounds;
  private final BoundsMetrics metrics;
  private final Clock clock;
  private final FactsProvider facts;
  private final ActualStateReader reader;
  private final ClusterNetwork network;
  private final NetworkingStep networking;
  private final StackReconciler reconciler;
  private final BindingPass bindings;
  private final TargetHealthChecks healthChecks;

  /** Without target health checks (no queue for them): readiness gates are left alone. */
  public Controller(
      LbrConfig config,
      Gateways aws,
      Stores stores,
      ResultPublisher results,
      DeletionBounds bounds,
      BoundsMetrics metrics,
      Clock clock) {
    this(config, aws, stores, results, HealthCheckQueue.NONE, bounds, metrics, clock);
  }

  /**
   * @param healthChecks where delayed target health checks wait (the targets queue), for pod
   *     readiness gates
   */
  public Controller(
      LbrConfig config,
      Gateways aws,
      Stores stores,
      ResultPublisher results,
      HealthCheckQueue healthChecks,
      DeletionBounds bounds,
      BoundsMetrics metrics,
      Clock clock) {
    this.config = config;
    this.stores = stores;
    this.aws = aws;
    this.bounds = bounds;
    this.metrics = metrics;
    this.clock = clock;
    String cluster = config.cluster();
    ReconcilerConfig reconcilerConfig = ReconcilerConfig.defaults(cluster);
    this.facts =
        new FactsProvider(
            aws.ec2(),
            cluster,
            config.region(),
            config.vpcId(),
            aws.clusterVpc(),
            clock,
            Duration.ofMinutes(10));
    this.reader = new ActualStateReader(aws.elb(), aws.ec2());
    BackendGroup backend = new BackendGroup(aws.targetNetwork(), cluster);
    this.network = new ClusterNetwork(stores.network(), aws.targetNetwork(), backend, cluster);
    this.networking =
        new NetworkingStep(
            new EndpointGroups(aws.targetNetwork(), cluster),
            network,
            backend,
            new TargetOwnership(aws.targetNetwork(), cluster));
    PlanApplier applier = new PlanApplier(aws.elb(), aws.ec2());
    ReconcilePass pass =
        new ReconcilePass(
            stores.snapshots(),
            stores.checkpoints(),
            stores.history(),
            facts,
            reader,
            applier,
            aws.acm(),
            networking,
            reconcilerConfig,
            clock,
            results,
            new DeletionGuard(stores.bounds(), bounds, stores.history(), metrics, clock));
    this.bindings =
        new BindingPass(
            stores.snapshots(),
            new TargetsOnlyStep(stores.checkpoints(), applier, networking, clock),
            stores.history(),
            aws.elb(),
            facts,
            reconcilerConfig,
            results);
    StackReconciler.Pass byKind =
        (id, force, fence) ->
            id.kind() == StackKind.BINDING
                ? bindings.run(id, force, fence)
                : pass.run(id, force, fence);
    this.reconciler = new StackReconciler(stores.leases(), byKind, reconcilerConfig, clock);
    this.healthChecks =
        new TargetHealthChecks(
            cluster,
            stores.snapshots(),
            stores.checkpoints(),
            stores.healthChecks(),
            aws.elb(),
            results,
            healthChecks,
            clock);
  }

  /** The event path, for the kinds an entry point takes (the targets function: EndpointSlices). */
  public EventProcessor processor(Set<Kind> acceptedKinds) {
    return new EventProcessor(
        new EventValidator(config.cluster()),
        stores.snapshots(),
        stores.backends(),
        reconciler,
        acceptedKinds,
        new VersionGuard(stores.bounds(), bounds.rvMargin(), metrics),
        new InventoryTombstones(stores.snapshots(), stores.history(), bounds, metrics, clock),
        () ->
            stores.checkpoints().list().stream()
                .map(Checkpoint::stackId)
                .filter(id -> id.kind() == StackKind.INGRESS)
                .toList(),
        healthChecks);
  }

  /** A drift run over every stack of the cluster ({@code lbr drift}, the drift function). */
  public DriftRun drift() {
    return new DriftRun(
        config.cluster(),
        stores.snapshots(),
        stores.checkpoints(),
        stores.drift(),
        facts,
        reader,
        aws.inventory(),
        reconciler,
        networking,
        network,
        bindings,
        () ->
            healthChecks.requestWaiting(new AffectedStacks(stores.snapshots(), stores.backends())),
        clock);
  }

  /**
   * The plan that would bring the stack to what {@code inputs} hold (e.g. manifests loaded into a
   * {@link dev.lbr.state.MemorySnapshotStore}); a stack the inputs no longer ask for is planned for
   * deletion. Reads AWS; writes nothing anywhere.
   */
  public Plan preview(StackId id, SnapshotStore inputs) {
    if (id.kind() == StackKind.BINDING) {
      return bindings.preview(id, inputs);
    }
    String vpcId = facts.get().vpcId();
    DesiredStack desired = StackModels.load(inputs, id).build(facts.get());
    Map<String, String> known =
        stores.checkpoints().get(id).map(Checkpoint::resources).orElse(Map.of());
    ActualStack actual = reader.read(id, config.cluster(), known, true);
    desired = networking.preview(desired, actual, networking.backendGroupOrName(vpcId));
    return new Planner().plan(desired, actual, Map.of());
  }
}
