package dev.lbr.infra;

import dev.lbr.event.EventContract;
import dev.lbr.event.Routing;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
import software.constructs.Construct;

/**
 * The way in: the bus the forwarder publishes to (only its role may), an archive for replay, one
 * rule per detail-type, and per route a queue with a dead-letter queue, all as {@link Routing}
 * describes them. Patterns also match {@code detail.cluster}, so a bus shared by mistake cannot
 * feed another cluster's events to these functions.
 */
final class EventIngress extends Construct {

  /**
   * @param routing the bus, routes and queues to build
   * @param forwarder the only principal allowed to put events on the bus
   * @param archiveRetention how long the archive keeps events for replay
   */
  record Props(Routing routing, IRole forwarder, Duration archiveRetention) {}

  private final EventBus bus;
  private final Map<String, RedrivenQueue> queues = new LinkedHashMap<>();
  private final Map<String, Rule> rules = new LinkedHashMap<>();

  EventIngress(Construct scope, String id, Props props) {
    super(scope, id);
    Routing routing = props.routing();
    // A predictable name: the forwarder is configured with it (the manifest output carries it).
    bus = EventBus.Builder.create(this, "Bus").eventBusName(routing.busName()).build();
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

    for (Routing.Route route : routing.routes()) {
      // Logical ids as before Routing existed (RECONCILEQueue...): a rename would replace queues.
      RedrivenQueue queue =
          RedrivenQueue.create(this, route.id().toUpperCase(Locale.ROOT), route.queue());
      queues.put(route.id(), queue);
      for (String detailType : route.detailTypes()) {
        Rule rule =
            Rule.Builder.create(this, detailType + "Rule")
                .eventBus(bus)
                .description(detailType + " events of cluster " + routing.cluster())
                .eventPattern(pattern(routing.pattern(detailType)))
                .targets(List.of(new SqsQueue(queue.queue())))
                .build();
        rules.put(detailType, rule);
      }
      onlyItsRulesSend(queue, route);
    }
  }

  /**
   * Only the route's rules may put messages on its queue: any other sender, even one of the account
   * with {@code sqs:SendMessage}, could forge envelopes past the bus's lock.
   */
  private void onlyItsRulesSend(RedrivenQueue queue, Routing.Route route) {
    List<String> ruleArns =
        route.detailTypes().stream().map(t -> rules.get(t).getRuleArn()).toList();
    queue
        .queue()
        .addToResourcePolicy(
            queue
                .denySend("OnlyItsRulesSend")
                .conditions(Map.of("ArnNotEquals", Map.of("aws:SourceArn", ruleArns)))
                .build());
  }

  static EventPattern pattern(Routing.Pattern p) {
    return EventPattern.builder()
        .source(p.source())
        .detailType(p.detailType())
        .detail(Map.copyOf(p.detail()))
        .build();
  }

  EventBus bus() {
    return bus;
  }

  /** The queue and dead-letter queue of a route, by its id. */
  RedrivenQueue queue(String routeId) {
    return queues.get(routeId);
  }

  Map<String, Rule> rules() {
    return rules;
  }
}
