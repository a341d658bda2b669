package dev.lbr.infra;

import dev.lbr.event.EventContract;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.events.Archive;
import software.amazon.awscdk.services.events.EventBus;
import software.amazon.awscdk.services.events.EventPattern;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.targets.SqsQueue;
import software.amazon.awscdk.services.iam.AnyPrincipal;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.sqs.DeadLetterQueue;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

/**
 * The way in: the bus the forwarder publishes to (only its role may), an archive for replay, one
 * rule per detail-type, and per {@link Route} a queue with a dead-letter queue. Patterns are built
 * from {@link EventContract} and also match {@code detail.cluster}, so a bus shared by mistake
 * cannot feed another cluster's events to these functions.
 */
final class EventIngress extends Construct {

  /**
   * @param clusterName the value {@code detail.cluster} must have
   * @param forwarder the only principal allowed to put events on the bus
   * @param visibilityTimeout the queues' visibility timeout (must exceed the lease TTL)
   * @param archiveRetention how long the archive keeps events for replay
   */
  record Props(
      String clusterName, IRole forwarder, Duration visibilityTimeout, Duration archiveRetention) {}

  /** Redeliveries before a message is dead-lettered. */
  static final int MAX_RECEIVE_COUNT = 5;

  private final EventBus bus;
  private final Map<Route, Queue> queues = new EnumMap<>(Route.class);
  private final Map<Route, Queue> deadLetterQueues = new EnumMap<>(Route.class);
  private final Map<String, Rule> rules = new LinkedHashMap<>();

  EventIngress(Construct scope, String id, Props props) {
    super(scope, id);
    // A predictable name: the forwarder is configured with it (the manifest output carries it).
    bus = EventBus.Builder.create(this, "Bus").eventBusName("lbr-" + props.clusterName()).build();
    bus.grantPutEventsTo(props.forwarder());
    bus.addToResourcePolicy(
        PolicyStatement.Builder.create()
            .sid("OnlyTheForwarderPutsEvents")
            .effect(Effect.DENY)
            .principals(List.of(new AnyPrincipal()))
            .actions(List.of("events:PutEvents"))
            .resources(List.of(bus.getEventBusArn()))
            .conditions(
                Map.of("ArnNotEquals", Map.of("aws:PrincipalArn", props.forwarder().getRoleArn())))
            .build());
    Archive.Builder.create(this, "Archive")
        .sourceEventBus(bus)
        .description("Every forwarder event, for replay after an outage or a bad deploy")
        .eventPattern(EventPattern.builder().source(List.of(EventContract.SOURCE)).build())
        .retention(props.archiveRetention())
        .build();

    for (Route route : Route.values()) {
      Queue dlq =
          Queue.Builder.create(this, route.name() + "Dlq")
              .retentionPeriod(Duration.days(14))
              .encryption(QueueEncryption.SQS_MANAGED)
              .enforceSsl(true)
              .build();
      Queue queue =
          Queue.Builder.create(this, route.name() + "Queue")
              .visibilityTimeout(props.visibilityTimeout())
              .retentionPeriod(Duration.days(4))
              .encryption(QueueEncryption.SQS_MANAGED)
              .enforceSsl(true)
              .deadLetterQueue(
                  DeadLetterQueue.builder().queue(dlq).maxReceiveCount(MAX_RECEIVE_COUNT).build())
              .build();
      queues.put(route, queue);
      deadLetterQueues.put(route, dlq);
      for (String detailType : route.detailTypes) {
        Rule rule =
            Rule.Builder.create(this, detailType + "Rule")
                .eventBus(bus)
                .description(detailType + " events of cluster " + props.clusterName())
                .eventPattern(pattern(detailType, props.clusterName()))
                .targets(List.of(new SqsQueue(queue)))
                .build();
        rules.put(detailType, rule);
      }
    }
  }

  /** source = the forwarder, this detail-type, and this cluster. */
  static EventPattern pattern(String detailType, String clusterName) {
    return EventPattern.builder()
        .source(List.of(EventContract.SOURCE))
        .detailType(List.of(detailType))
        .detail(Map.of("cluster", List.of(clusterName)))
        .build();
  }

  EventBus bus() {
    return bus;
  }

  Queue queue(Route route) {
    return queues.get(route);
  }

  Queue deadLetterQueue(Route route) {
    return deadLetterQueues.get(route);
  }

  Map<String, Rule> rules() {
    return rules;
  }
}
