package dev.lbr.cli;

import dev.lbr.aws.AwsClients;
import java.net.URI;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** {@code lbr serve}'s clients of one endpoint: SQS and EventBridge beside the shared ones. */
record ServeClients(AwsClients aws, SqsClient sqs, EventBridgeClient events)
    implements AutoCloseable {

  static ServeClients of(URI endpoint, String region) {
    AwsClients aws = new AwsClients(AwsClients.Config.endpoint(endpoint, region));
    return new ServeClients(
        aws,
        aws.configure(SqsClient.builder()).build(),
        aws.configure(EventBridgeClient.builder()).build());
  }

  @Override
  public void close() {
    sqs.close();
    events.close();
    aws.close();
  }
}
