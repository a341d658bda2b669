package dev.lbr.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lbr.aws.AwsClients;
import dev.lbr.aws.ClusterInventory;
import dev.lbr.aws.ElbGateway;
import dev.lbr.aws.Gateways;
import dev.lbr.aws.SqsResultPublisher;
import dev.lbr.describe.StateView;
import dev.lbr.k8s.Kind;
import dev.lbr.reconcile.BoundsMetrics;
import dev.lbr.reconcile.Controller;
import dev.lbr.reconcile.DeletionBounds;
import dev.lbr.reconcile.DriftRun;
import dev.lbr.reconcile.EventProcessor;
import dev.lbr.reconcile.LbrConfig;
import dev.lbr.state.Stores;
import java.time.Clock;
import java.util.Set;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A test's or benchmark's composition, as a function composes its own: the emulator's clients,
 * state on a separate DynamoDB (DynamoDB Local), a controllable clock, and the controller. Tests
 * read the stores they composed directly.
 */
public record Wired(LbrConfig config, Gateways aws, Stores stores, Controller controller) {

  public static Wired of(LbrConfig config, AwsClients clients, DynamoDbClient dynamo, Clock clock) {
    return of(config, clients, dynamo, clock, DeletionBounds.defaults(), UnaryOperator.identity());
  }

  /** With the given deletion bounds. */
  public static Wired of(
      LbrConfig config,
      AwsClients clients,
      DynamoDbClient dynamo,
      Clock clock,
      DeletionBounds bounds) {
    return of(config, clients, dynamo, clock, bounds, UnaryOperator.identity());
  }

  /**
   * With every ELBv2 call going through {@code elbWrapper}: to count calls, or to step around an
   * emulator's deviation from AWS without changing the production code path.
   */
  public static Wired of(
      LbrConfig config,
      AwsClients clients,
      DynamoDbClient dynamo,
      Clock clock,
      UnaryOperator<ElbGateway> elbWrapper) {
    return of(config, clients, dynamo, clock, DeletionBounds.defaults(), elbWrapper);
  }

  private static Wired of(
      LbrConfig config,
      AwsClients clients,
      DynamoDbClient dynamo,
      Clock clock,
      DeletionBounds bounds,
      UnaryOperator<ElbGateway> elbWrapper) {
    Gateways aws = Gateways.sdk(clients, config.cluster()).withElb(elbWrapper);
    Stores stores = Stores.dynamo(dynamo, config.table(), config.cluster(), clock);
    Controller controller =
        new Controller(
            config,
            aws,
            stores,
            SqsResultPublisher.forQueue(clients, config.statusQueueUrl()),
            dev.lbr.aws.SqsHealthCheckQueue.forQueue(clients, config.healthCheckQueueUrl()),
            bounds,
            BoundsMetrics.logged(),
            clock);
    return new Wired(config, aws, stores, controller);
  }

  public EventProcessor processor(Set<Kind> acceptedKinds) {
    return controller.processor(acceptedKinds);
  }

  public DriftRun drift() {
    return controller.drift();
  }

  public ClusterInventory inventory() {
    return aws.inventory();
  }

  /** What {@code lbr describe -o json} shows. */
  public ObjectNode describe() {
    return StateView.read(aws.inventory(), stores.checkpoints(), config.cluster());
  }
}
