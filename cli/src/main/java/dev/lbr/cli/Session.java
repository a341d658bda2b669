package dev.lbr.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lbr.aws.AwsClients;
import dev.lbr.aws.Gateways;
import dev.lbr.aws.SqsHealthCheckQueue;
import dev.lbr.aws.SqsResultPublisher;
import dev.lbr.describe.StateView;
import dev.lbr.model.StackId;
import dev.lbr.reconcile.BoundsMetrics;
import dev.lbr.reconcile.Controller;
import dev.lbr.reconcile.DeletionBounds;
import dev.lbr.reconcile.LbrConfig;
import dev.lbr.reconcile.OwnedStacks;
import dev.lbr.state.StateTable;
import dev.lbr.state.Stores;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * The CLI's composition root: one command's clients, AWS ports, state stores and controller. Stack
 * results go to the configured status queue ({@code lbr serve}); the one-shot commands have none.
 * The deletion bounds are the process environment's, as in the functions.
 */
record Session(
    LbrConfig config, AwsClients clients, Gateways aws, Stores stores, Controller controller)
    implements AutoCloseable {

  static Session open(LbrConfig config, boolean createTable, ExecutionInterceptor... interceptors) {
    AwsClients clients =
        new AwsClients(
            new AwsClients.Config(config.endpoint(), config.region(), List.of(interceptors)));
    if (createTable) {
      StateTable.createIfMissing(clients.dynamodb(), config.table());
    }
    Clock clock = Clock.systemUTC();
    Gateways aws = Gateways.sdk(clients, config.cluster());
    Stores stores = Stores.dynamo(clients.dynamodb(), config.table(), config.cluster(), clock);
    Controller controller =
        new Controller(
            config,
            aws,
            stores,
            SqsResultPublisher.forQueue(clients, config.statusQueueUrl()),
            SqsHealthCheckQueue.forQueue(clients, config.healthCheckQueueUrl()),
            DeletionBounds.fromEnvironment(System.getenv()),
            BoundsMetrics.logged(),
            clock);
    return new Session(config, clients, aws, stores, controller);
  }

  String cluster() {
    return config.cluster();
  }

  /** Everything tagged for the cluster, with the stacks' recorded errors. */
  ObjectNode describe() {
    return StateView.read(aws.inventory(), stores.checkpoints(), cluster());
  }

  /** The stacks the cluster owns (tag scan and checkpoints), for pruning. */
  Set<StackId> ownedStacks() {
    return OwnedStacks.of(aws.inventory(), stores.checkpoints(), cluster());
  }

  @Override
  public void close() {
    clients.close();
  }
}
