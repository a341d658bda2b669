package dev.lbr.event;

import dev.lbr.k8s.Json;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The AWS side of one cluster as data: the bus, one rule per detail-type matching the forwarder's
 * events of this cluster, a queue per route (with its dead-letter queue) and the handler consuming
 * it, and the status queue the reconciler sends stack results to. The CDK app and {@code lbr serve}
 * both build from this description, so they route alike.
 *
 * @param cluster the value {@code detail.cluster} must have
 * @param busName the bus the forwarder publishes to
 * @param routes the paths from the bus to the handlers; every detail-type is on exactly one
 * @param statusQueue where stack results go, for the forwarder to write back to the cluster
 */
public record Routing(String cluster, String busName, List<Route> routes, QueueSpec statusQueue) {

  public static final String RECONCILE = "reconcile";
  public static final String TARGETS = "targets";

  /** Receives before a message is dead-lettered. */
  public static final int MAX_RECEIVE_COUNT = 5;

  /** Messages one handler invocation gets at most. */
  public static final int BATCH_SIZE = 10;

  /** How long a batch may gather before the handler runs. */
  public static final Duration BATCHING_WINDOW = Duration.ofSeconds(2);

  /**
   * Route queues: six times the 90 s function timeout, as Lambda recommends. That is far above the
   * timeout plus the 10 s lease TTL: a holder dies at the latest at its timeout (its heartbeats
   * stop with it) and its lease expires one TTL later, so its message reappears only after that.
   */
  public static final Duration VISIBILITY_TIMEOUT = Duration.ofMinutes(9);

  /** The status queue: its consumer (the forwarder) applies one result in seconds. */
  public static final Duration STATUS_VISIBILITY_TIMEOUT = Duration.ofMinutes(1);

  static final Duration RETENTION = Duration.ofDays(4);
  static final Duration DEAD_LETTER_RETENTION = Duration.ofDays(14);

  public Routing {
    routes = List.copyOf(routes);
  }

  /** The routing of {@code cluster}, with the status queue named {@code lbr-<cluster>-status}. */
  public static Routing of(String cluster) {
    String prefix = "lbr-" + cluster;
    return new Routing(
        cluster,
        prefix,
        List.of(
            new Route(
                RECONCILE,
                "dev.lbr.functions.ReconcileHandler::handleRequest",
                EventContract.reconcileDetailTypes(),
                queue(prefix + "-" + RECONCILE, VISIBILITY_TIMEOUT)),
            new Route(
                TARGETS,
                "dev.lbr.functions.TargetsHandler::handleRequest",
                EventContract.targetDetailTypes(),
                queue(prefix + "-" + TARGETS, VISIBILITY_TIMEOUT))),
        queue(prefix + "-status", STATUS_VISIBILITY_TIMEOUT));
  }

  /**
   * The same routing with the status queue (and its dead-letter queue) named after {@code name}.
   */
  public Routing withStatusQueueName(String name) {
    QueueSpec s = statusQueue;
    return new Routing(
        cluster,
        busName,
        routes,
        new QueueSpec(
            name,
            s.visibilityTimeout(),
            s.retention(),
            s.maxReceiveCount(),
            s.deadLetterRetention()));
  }

  /**
   * The queue of delayed target health checks (pod readiness gates), {@code lbr-<cluster>-health}:
   * only the targets function sends to it and consumes it. Not a route: nothing on the bus goes
   * there.
   */
  public QueueSpec healthCheckQueue() {
    return queue(busName + "-health", VISIBILITY_TIMEOUT);
  }

  /** The rule pattern of one detail-type: the forwarder's events of that type for this cluster. */
  public Pattern pattern(String detailType) {
    return new Pattern(
        List.of(EventContract.SOURCE), List.of(detailType), Map.of("cluster", List.of(cluster)));
  }

  /** The route carrying {@code detailType}. */
  public Route routeOf(String detailType) {
    return routes.stream()
        .filter(r -> r.detailTypes().contains(detailType))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no route for " + detailType));
  }

  private static QueueSpec queue(String name, Duration visibilityTimeout) {
    return new QueueSpec(
        name, visibilityTimeout, RETENTION, MAX_RECEIVE_COUNT, DEAD_LETTER_RETENTION);
  }

  /**
   * A path from the bus to a handler through a queue.
   *
   * @param id short name ({@link #RECONCILE}, {@link #TARGETS}): the function's name
   * @param handler {@code class::method}, as Lambda names it
   * @param detailTypes the detail-types routed to it, from {@link EventContract}
   */
  public record Route(String id, String handler, List<String> detailTypes, QueueSpec queue) {
    public Route {
      detailTypes = List.copyOf(detailTypes);
    }

    /** The handler's class name. */
    public String handlerClass() {
      return handler.substring(0, handler.indexOf("::"));
    }
  }

  /**
   * A queue and its dead-letter queue, encrypted and reachable over TLS only where the deployment
   * can say so (the CDK app).
   *
   * @param name the name where the deployment chooses names ({@code lbr serve}; the CDK app lets
   *     CloudFormation name its queues); the dead-letter queue adds {@code -dlq}
   * @param maxReceiveCount receives before a message moves to the dead-letter queue
   */
  public record QueueSpec(
      String name,
      Duration visibilityTimeout,
      Duration retention,
      int maxReceiveCount,
      Duration deadLetterRetention) {

    public String deadLetterName() {
      return name + "-dlq";
    }
  }

  /** An EventBridge event pattern: {@code source}, {@code detail-type}, {@code detail} fields. */
  public record Pattern(
      List<String> source, List<String> detailType, Map<String, List<String>> detail) {

    /** The pattern as EventBridge reads it (keys sorted). */
    public String toJson() {
      return Json.write(Map.of("source", source, "detail-type", detailType, "detail", detail));
    }
  }
}
