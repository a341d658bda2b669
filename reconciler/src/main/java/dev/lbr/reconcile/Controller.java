package dev.lbr.reconcile;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lbr.aws.ActualStateReader;
import dev.lbr.aws.AwsClients;
import dev.lbr.aws.ClusterInventory;
import dev.lbr.aws.Ec2Gateway;
import dev.lbr.aws.EksClusterVpc;
import dev.lbr.aws.ElbGateway;
import dev.lbr.aws.PlanApplier;
import dev.lbr.aws.SdkAcmGateway;
import dev.lbr.aws.SdkEc2Gateway;
import dev.lbr.aws.SdkElbGateway;
import dev.lbr.aws.SdkTargetNetworkGateway;
import dev.lbr.aws.SqsResultPublisher;
import dev.lbr.aws.TargetNetworkGateway;
import dev.lbr.describe.StateView;
import dev.lbr.event.EventValidator;
import dev.lbr.k8s.Kind;
import dev.lbr.model.ActualStack;
import dev.lbr.model.DesiredStack;
import dev.lbr.model.StackId;
import dev.lbr.model.StackKind;
import dev.lbr.plan.Plan;
import dev.lbr.plan.Planner;
import dev.lbr.state.BoundsStore;
import dev.lbr.state.Checkpoint;
import dev.lbr.state.CheckpointStore;
import dev.lbr.state.DriftStore;
import dev.lbr.state.DynamoBoundsStore;
import dev.lbr.state.DynamoCheckpointStore;
import dev.lbr.state.DynamoDriftStore;
import dev.lbr.state.DynamoHistoryStore;
import dev.lbr.state.DynamoLeaseStore;
import dev.lbr.state.DynamoNetworkStore;
import dev.lbr.state.DynamoSnapshotStore;
import dev.lbr.state.HistoryStore;
import dev.lbr.state.SnapshotStore;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Everything one process needs, wired once: SDK clients, state stores, gateways, the reconciler.
 * Lambda handlers and the CLI build the same object, so they run the same code.
 */
public final class Runtime {
  private final RuntimeConfig config;
  private final AwsClients clients;
  private final SnapshotStore snapshots;
  private final CheckpointStore checkpoints;
  private final HistoryStore history;
  private final ElbGateway elb;
  private final Ec2Gateway ec2;
  private final StackReconciler reconciler;
  private final FactsProvider facts;
  private final ActualStateReader reader;
  private final DriftStore drift;
  private final BackendGroup backend;
  private final ClusterNetwork network;
  private final NetworkingStep networking;
  private final Clock clock;
  private final DeletionBounds bounds;
  private final BoundsStore boundsStore;
  private final BoundsMetrics metrics;

  private Runtime(
      RuntimeConfig config,
      AwsClients clients,
      DynamoDbClient dynamo,
      Clock clock,
      UnaryOperator<ElbGateway> elbWrapper,
      DeletionBounds bounds,
      BoundsMetrics metrics) {
    this.config = config;
    this.clients = clients;
    this.bounds = bounds;
    this.boundsStore = new DynamoBoundsStore(dynamo, config.table(), config.cluster());
    this.metrics = metrics;
    ReconcilerConfig reconcilerConfig = ReconcilerConfig.defaults(config.cluster());
    this.snapshots = new DynamoSnapshotStore(dynamo, config.table(), config.cluster(), clock);
    this.checkpoints = new DynamoCheckpointStore(dynamo, config.table(), config.cluster());
    this.history = new DynamoHistoryStore(dynamo, config.table(), config.cluster());
    this.drift = new DynamoDriftStore(dynamo, config.table(), config.cluster());
    this.clock = clock;
    this.elb = elbWrapper.apply(new SdkElbGateway(clients.elbv2()));
    this.ec2 = new SdkEc2Gateway(clients.ec2());
    this.facts =
        new FactsProvider(
            ec2,
            config.cluster(),
            config.region(),
            config.vpcId(),
            new EksClusterVpc(clients::eks, config.cluster()),
            clock,
            Duration.ofMinutes(10));
    this.reader = new ActualStateReader(elb, ec2);
    TargetNetworkGateway targetNetwork =
        new SdkTargetNetworkGateway(clients.ec2(), SdkEc2Gateway.DeletionWait.DEFAULT);
    this.backend = new BackendGroup(targetNetwork, config.cluster());
    this.network =
        new ClusterNetwork(
            new DynamoNetworkStore(dynamo, config.table(), config.cluster()),
            targetNetwork,
            backend,
            config.cluster());
    this.networking =
        new NetworkingStep(
            new EndpointGroups(targetNetwork, config.cluster()),
            network,
            backend,
            new TargetOwnership(targetNetwork, config.cluster()));
    ReconcilePass pass =
        new ReconcilePass(
            snapshots,
            checkpoints,
            history,
            facts,
            reader,
            new PlanApplier(elb, ec2),
            new SdkAcmGateway(clients.acm()),
            networking,
            reconcilerConfig,
            clock,
            config.statusQueueUrl() == null
                ? ResultPublisher.NONE
                : new SqsResultPublisher(clients.sqs(), config.statusQueueUrl()),
            new DeletionGuard(boundsStore, bounds, history, metrics, clock));
    this.reconciler =
        new StackReconciler(
            new DynamoLeaseStore(dynamo, config.table(), config.cluster(), clock),
            pass,
            reconcilerConfig,
            clock);
  }

  /** With the deletion bounds of the process's environment ({@link DeletionBounds}). */
  public static Runtime create(RuntimeConfig config, ExecutionInterceptor... interceptors) {
    return create(config, BoundsMetrics.logged(), interceptors);
  }

  /** As above, the bounds' metrics counted by {@code metrics} (the functions': Powertools). */
  public static Runtime create(
      RuntimeConfig config, BoundsMetrics metrics, ExecutionInterceptor... interceptors) {
    AwsClients clients =
        new AwsClients(
            new AwsClients.Config(config.endpoint(), config.region(), List.of(interceptors)));
    return new Runtime(
        config,
        clients,
        clients.dynamodb(),
        Clock.systemUTC(),
        UnaryOperator.identity(),
        DeletionBounds.fromEnvironment(System.getenv()),
        metrics);
  }

  /** For tests: state on a separate DynamoDB (DynamoDB Local), and a controllable clock. */
  public static Runtime create(
      RuntimeConfig config, AwsClients clients, DynamoDbClient dynamo, Clock clock) {
    return create(config, clients, dynamo, clock, DeletionBounds.defaults());
  }

  /** For tests: as above, with the given deletion bounds. */
  public static Runtime create(
      RuntimeConfig config,
      AwsClients clients,
      DynamoDbClient dynamo,
      Clock clock,
      DeletionBounds bounds) {
    return new Runtime(
        config, clients, dynamo, clock, UnaryOperator.identity(), bounds, BoundsMetrics.logged());
  }

  /**
   * As {@link #create(RuntimeConfig, AwsClients, DynamoDbClient, Clock)}, with every ELBv2 call
   * going through {@code elbWrapper}: for benchmarks and tests that must step around an emulator's
   * deviation from AWS without changing the production code path.
   */
  public static Runtime create(
      RuntimeConfig config,
      AwsClients clients,
      DynamoDbClient dynamo,
      Clock clock,
      UnaryOperator<ElbGateway> elbWrapper) {
    return new Runtime(
        config,
        clients,
        dynamo,
        clock,
        elbWrapper,
        DeletionBounds.defaults(),
        BoundsMetrics.logged());
  }

  public EventProcessor processor(Set<Kind> acceptedKinds) {
    return new EventProcessor(
        new EventValidator(config.cluster()),
        snapshots,
        reconciler,
        acceptedKinds,
        new VersionGuard(boundsStore, bounds.rvMargin(), metrics),
        new InventoryTombstones(snapshots, history, bounds, metrics, clock),
        () ->
            checkpoints.list().stream()
                .map(Checkpoint::stackId)
                .filter(id -> id.kind() == StackKind.INGRESS)
                .toList());
  }

  /** The high-water mark and the deletion budgets. */
  public BoundsStore boundsStore() {
    return boundsStore;
  }

  public RuntimeConfig config() {
    return config;
  }

  public AwsClients clients() {
    return clients;
  }

  public SnapshotStore snapshots() {
    return snapshots;
  }

  public CheckpointStore checkpoints() {
    return checkpoints;
  }

  public HistoryStore history() {
    return history;
  }

  public ClusterInventory inventory() {
    return new ClusterInventory(elb, ec2);
  }

  /** Orphan marks, the drift cursor and drift reports. */
  public DriftStore driftStore() {
    return drift;
  }

  /** A drift run over every stack of the cluster ({@code lbr drift}, the drift function). */
  public DriftRun drift() {
    return new DriftRun(
        config.cluster(),
        snapshots,
        checkpoints,
        drift,
        facts,
        reader,
        inventory(),
        reconciler,
        networking,
        network,
        clock);
  }

  /** The cluster's rules on its targets' security groups. */
  public ClusterNetwork network() {
    return network;
  }

  public FactsProvider facts() {
    return facts;
  }

  /** Everything tagged for the cluster, with the stacks' recorded errors, as {@link StateView}. */
  public ObjectNode describe() {
    return StateView.render(inventory().read(config.cluster(), true), checkpoints.list());
  }

  /**
   * The stacks that own resources tagged for this cluster, or have a checkpoint: the tag scan only
   * ({@link ClusterInventory#stackLoadBalancers}), no stack is read in full.
   */
  public Set<StackId> ownedStacks() {
    Set<StackId> ids = new HashSet<>(inventory().stackLoadBalancers(config.cluster()).keySet());
    checkpoints.list().forEach(cp -> ids.add(cp.stackId()));
    return ids;
  }

  /**
   * The plan that would bring the stack to what {@code inputs} hold (e.g. manifests loaded into a
   * {@link dev.lbr.state.MemorySnapshotStore}); a stack the inputs no longer ask for is planned for
   * deletion. Reads AWS; writes nothing anywhere.
   */
  public Plan preview(StackId id, SnapshotStore inputs) {
    String vpcId = facts.get().vpcId();
    DesiredStack desired = StackModels.load(inputs, id).build(facts.get());
    Map<String, String> known = checkpoints.get(id).map(Checkpoint::resources).orElse(Map.of());
    ActualStack actual = reader.read(id, config.cluster(), known, true);
    desired = networking.preview(desired, actual, networking.backendGroupOrName(vpcId));
    return new Planner().plan(desired, actual, Map.of());
  }
}
