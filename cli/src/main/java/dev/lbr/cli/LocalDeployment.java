package dev.lbr.cli;

import dev.lbr.event.Routing;
import dev.lbr.k8s.Json;
import dev.lbr.state.StateTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/**
 * The AWS side of one cluster on an emulator, made from {@link Routing} as the CDK app declares it:
 * the bus, one rule per detail-type with the same pattern, targeting its route's queue, the queues
 * with their dead-letter queues and redrive policies, the status queue, the state table.
 * Idempotent: what exists is found and its attributes set again; nothing is made twice.
 *
 * <p>Unlike the CDK app: queues are named after {@link Routing.QueueSpec#name()}, and no policy
 * denies plain HTTP (emulators are reached over it).
 */
final class LocalDeployment {

  /**
   * @param queueUrls route id → its queue's URL
   */
  record Deployed(
      String busName,
      Map<String, String> queueUrls,
      String statusQueueUrl,
      String healthQueueUrl,
      String table) {}

  private LocalDeployment() {}

  static Deployed create(ServeClients clients, Routing routing, String table) {
    bus(clients.events(), routing.busName());
    Map<String, String> urls = new LinkedHashMap<>();
    for (Routing.Route route : routing.routes()) {
      String url = queue(clients.sqs(), route.queue());
      String arn = arn(clients.sqs(), url);
      List<String> ruleArns = new ArrayList<>();
      for (String detailType : route.detailTypes()) {
        ruleArns.add(rule(clients.events(), routing, detailType, arn));
      }
      clients
          .sqs()
          .setQueueAttributes(
              b ->
                  b.queueUrl(url)
                      .attributes(Map.of(QueueAttributeName.POLICY, policy(arn, ruleArns))));
      urls.put(route.id(), url);
    }
    String status = queue(clients.sqs(), routing.statusQueue());
    String health = queue(clients.sqs(), routing.healthCheckQueue());
    StateTable.createIfMissing(clients.aws().dynamodb(), table);
    return new Deployed(routing.busName(), urls, status, health, table);
  }

  private static void bus(EventBridgeClient events, String name) {
    try {
      events.createEventBus(b -> b.name(name));
    } catch (ResourceAlreadyExistsException e) {
      // made by an earlier run
    }
  }

  /** The rule (named after its detail-type, on the bus) and its one target; returns its ARN. */
  private static String rule(
      EventBridgeClient events, Routing routing, String detailType, String queueArn) {
    String arn =
        events
            .putRule(
                b ->
                    b.name(detailType)
                        .eventBusName(routing.busName())
                        .description(detailType + " events of cluster " + routing.cluster())
                        .eventPattern(routing.pattern(detailType).toJson()))
            .ruleArn();
    events.putTargets(
        b ->
            b.rule(detailType)
                .eventBusName(routing.busName())
                .targets(t -> t.id("queue").arn(queueArn)));
    return arn;
  }

  /** The queue and its dead-letter queue; returns the queue's URL. */
  static String queue(SqsClient sqs, Routing.QueueSpec spec) {
    String dlq =
        upsert(
            sqs,
            spec.deadLetterName(),
            Map.of(
                QueueAttributeName.MESSAGE_RETENTION_PERIOD,
                seconds(spec.deadLetterRetention()),
                QueueAttributeName.SQS_MANAGED_SSE_ENABLED,
                "true"));
    String redrive =
        Json.write(
            Map.of(
                "deadLetterTargetArn", arn(sqs, dlq), "maxReceiveCount", spec.maxReceiveCount()));
    return upsert(
        sqs,
        spec.name(),
        Map.of(
            QueueAttributeName.VISIBILITY_TIMEOUT,
            seconds(spec.visibilityTimeout()),
            QueueAttributeName.MESSAGE_RETENTION_PERIOD,
            seconds(spec.retention()),
            QueueAttributeName.SQS_MANAGED_SSE_ENABLED,
            "true",
            QueueAttributeName.REDRIVE_POLICY,
            redrive));
  }

  private static String upsert(SqsClient sqs, String name, Map<QueueAttributeName, String> attrs) {
    try {
      String url = sqs.getQueueUrl(b -> b.queueName(name)).queueUrl();
      sqs.setQueueAttributes(b -> b.queueUrl(url).attributes(attrs));
      return url;
    } catch (QueueDoesNotExistException e) {
      return sqs.createQueue(b -> b.queueName(name).attributes(attrs)).queueUrl();
    }
  }

  static String arn(SqsClient sqs, String url) {
    return sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
        .attributes()
        .get(QueueAttributeName.QUEUE_ARN);
  }

  /** What the CDK's SqsQueue target grants: EventBridge may send, for these rules only. */
  private static String policy(String queueArn, List<String> ruleArns) {
    return Json.write(
        Map.of(
            "Version",
            "2012-10-17",
            "Statement",
            List.of(
                Map.of(
                    "Effect",
                    "Allow",
                    "Principal",
                    Map.of("Service", "events.amazonaws.com"),
                    "Action",
                    "sqs:SendMessage",
                    "Resource",
                    queueArn,
                    "Condition",
                    Map.of("ArnEquals", Map.of("aws:SourceArn", ruleArns))))));
  }

  private static String seconds(java.time.Duration d) {
    return Long.toString(d.toSeconds());
  }
}
