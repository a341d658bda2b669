package dev.lbr.forwarder;

import dev.lbr.event.EventContract;
import dev.lbr.forwarder.publish.EventBridgeClients;
import dev.lbr.testing.AwsEmulator;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * On the emulator: an EventBridge bus with one rule matching everything the forwarder sends ({@code
 * source} = the contract's), delivering to one SQS queue, as the CDK app wires them.
 */
public record BusToQueue(EventBridgeClient events, SqsClient sqs, String queueUrl) {

  public static BusToQueue create(String bus, String queue) {
    EventBridgeClient events =
        EventBridgeClients.create(AwsEmulator.endpoint(), AwsEmulator.region());
    SqsClient sqs =
        SqsClient.builder()
            .endpointOverride(AwsEmulator.endpoint())
            .region(Region.of(AwsEmulator.region()))
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
            .build();
    String queueUrl = sqs.createQueue(b -> b.queueName(queue)).queueUrl();
    String queueArn =
        sqs.getQueueAttributes(
                b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
            .attributes()
            .get(QueueAttributeName.QUEUE_ARN);
    events.createEventBus(b -> b.name(bus));
    events.putRule(
        b ->
            b.name(queue)
                .eventBusName(bus)
                .eventPattern("{\"source\":[\"" + EventContract.SOURCE + "\"]}"));
    events.putTargets(
        b -> b.rule(queue).eventBusName(bus).targets(t -> t.id("queue").arn(queueArn)));
    return new BusToQueue(events, sqs, queueUrl);
  }
}
