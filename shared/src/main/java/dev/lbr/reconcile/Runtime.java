package dev.lbr.reconcile;

import dev.lbr.aws.ActualStateReader;
import dev.lbr.aws.AwsClients;
import dev.lbr.aws.ClusterInventory;
import dev.lbr.aws.ElbGateway;
import dev.lbr.aws.PlanApplier;
import dev.lbr.aws.SdkAcmGateway;
import dev.lbr.aws.SdkEc2Gateway;
import dev.lbr.aws.SdkElbGateway;
import dev.lbr.event.EventValidator;
import dev.lbr.k8s.Kind;
import dev.lbr.state.CheckpointStore;
import dev.lbr.state.DynamoCheckpointStore;
import dev.lbr.state.DynamoLeaseStore;
import dev.lbr.state.DynamoSnapshotStore;
import dev.lbr.state.SnapshotStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
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
  private final ElbGateway elb;
  private final StackReconciler reconciler;
  private final FactsProvider facts;

  private Runtime(RuntimeConfig config, AwsClients clients, DynamoDbClient dynamo, Clock clock) {
    this.config = config;
    this.clients = clients;
    ReconcilerConfig reconcilerConfig = ReconcilerConfig.defaults(config.cluster());
    this.snapshots = new DynamoSnapshotStore(dynamo, config.table(), config.cluster());
    this.checkpoints = new DynamoCheckpointStore(dynamo, config.table(), config.cluster());
    this.elb = new SdkElbGateway(clients.elbv2());
    this.facts =
        new FactsProvider(
            new SdkEc2Gateway(clients.ec2()),
            config.cluster(),
            config.region(),
            config.vpcId(),
            clock,
            Duration.ofMinutes(10));
    ReconcilePass pass =
        new ReconcilePass(
            snapshots,
            checkpoints,
            facts,
            new ActualStateReader(elb),
            new PlanApplier(elb),
            new SdkAcmGateway(clients.acm()),
            reconcilerConfig,
            clock);
    this.reconciler =
        new StackReconciler(
            new DynamoLeaseStore(dynamo, config.table(), config.cluster(), clock),
            pass,
            reconcilerConfig);
  }

  public static Runtime create(RuntimeConfig config, ExecutionInterceptor... interceptors) {
    AwsClients clients = AwsClients.create(config.endpoint(), config.region(), interceptors);
    return new Runtime(config, clients, clients.dynamodb(), Clock.systemUTC());
  }

  /** For tests: state on a separate DynamoDB (DynamoDB Local), and a controllable clock. */
  public static Runtime create(
      RuntimeConfig config, AwsClients clients, DynamoDbClient dynamo, Clock clock) {
    return new Runtime(config, clients, dynamo, clock);
  }

  public EventProcessor processor(Set<Kind> acceptedKinds) {
    return new EventProcessor(
        new EventValidator(config.cluster()), snapshots, reconciler, acceptedKinds);
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

  public ClusterInventory inventory() {
    return new ClusterInventory(elb);
  }

  public FactsProvider facts() {
    return facts;
  }
}
