package dev.lbr.aws;

import dev.lbr.event.PodConditions;
import dev.lbr.event.StackResult;
import dev.lbr.reconcile.ResultPublisher;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * Sends each stack result to the cluster's status queue as one message, with the stack and outcome
 * as message attributes (for people reading the queue or its dead-letter queue).
 */
public final class SqsResultPublisher implements ResultPublisher {
  private final SqsClient sqs;
  private final String queueUrl;

  public SqsResultPublisher(SqsClient sqs, String queueUrl) {
    this.sqs = sqs;
    this.queueUrl = queueUrl;
  }

  /** To {@code queueUrl} through {@code clients}' SQS client; none without a queue. */
  public static ResultPublisher forQueue(AwsClients clients, String queueUrl) {
    return queueUrl == null
        ? ResultPublisher.NONE
        : new SqsResultPublisher(clients.sqs(), queueUrl);
  }

  @Override
  public void publish(StackResult result) {
    send(result.toJson(), result.stack(), result.outcome().name());
  }

  @Override
  public void publish(PodConditions conditions) {
    send(conditions.toJson(), conditions.stack(), PodConditions.KIND);
  }

  private void send(String body, String stack, String outcome) {
    sqs.sendMessage(
        r ->
            r.queueUrl(queueUrl)
                .messageBody(body)
                .messageAttributes(Map.of("stack", text(stack), "outcome", text(outcome))));
  }

  private static MessageAttributeValue text(String value) {
    return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
  }
}
