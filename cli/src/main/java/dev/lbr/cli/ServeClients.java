package dev.lbr.cli;

import dev.lbr.aws.AwsClients;
import java.net.URI;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** {@code lbr serve}'s clients of one endpoint: the shared ones, and EventBridge beside them. */
record ServeClients(AwsClients aws, EventBridgeClient events) implements AutoCloseable {

  static ServeClients of(URI endpoint, String region) {
    AwsClients aws = new AwsClients(AwsClients.Config.endpoint(endpoint, region));
    return new ServeClients(aws, aws.configure(EventBridgeClient.builder()).build());
  }

  /** The shared SQS client (the route and status queues). */
  SqsClient sqs() {
    return aws.sqs();
  }

  @Override
  public void close() {
    events.close();
    aws.close();
  }
}
