package dev.lbr.functions;

import dev.lbr.aws.AwsClients;
import dev.lbr.aws.Gateways;
import dev.lbr.aws.SqsHealthCheckQueue;
import dev.lbr.aws.SqsResultPublisher;
import dev.lbr.reconcile.BoundsMetrics;
import dev.lbr.reconcile.Controller;
import dev.lbr.reconcile.DeletionBounds;
import dev.lbr.reconcile.LbrConfig;
import dev.lbr.state.Stores;
import java.time.Clock;
import java.util.List;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * A function's composition root: from its Lambda environment, its SDK clients, AWS ports, state
 * stores and controller, primed before a SnapStart snapshot ({@link Priming}). Lambda builds one
 * handler per execution environment, so this runs once per environment; nothing is cached here.
 */
final class Wiring {
  private Wiring() {}

  static LbrConfig config() {
    return LbrConfig.fromEnvironment(System.getenv());
  }

  static Controller controller(
      LbrConfig config, BoundsMetrics metrics, ExecutionInterceptor... interceptors) {
    AwsClients clients =
        new AwsClients(
            new AwsClients.Config(config.endpoint(), config.region(), List.of(interceptors)));
    Clock clock = Clock.systemUTC();
    Controller controller =
        new Controller(
            config,
            Gateways.sdk(clients, config.cluster()),
            Stores.dynamo(clients.dynamodb(), config.table(), config.cluster(), clock),
            SqsResultPublisher.forQueue(clients, config.statusQueueUrl()),
            SqsHealthCheckQueue.forQueue(clients, config.healthCheckQueueUrl()),
            DeletionBounds.fromEnvironment(System.getenv()),
            metrics,
            clock);
    Priming.beforeSnapshot(controller, config.cluster());
    return controller;
  }

  /** The reconcile and targets functions' controller, its metrics through Powertools. */
  static Controller controller() {
    LbrConfig config = config();
    return controller(config, LambdaMetrics.of(config.cluster()));
  }
}
