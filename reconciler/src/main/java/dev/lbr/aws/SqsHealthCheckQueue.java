package dev.lbr.aws;

import dev.lbr.reconcile.HealthCheckQueue;
import dev.lbr.reconcile.HealthCheckRequest;
import java.time.Duration;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Target health checks as delayed messages on the targets function's own queue. */
public final class SqsHealthCheckQueue implements HealthCheckQueue {
  /** SQS's longest message delay. */
  static final Duration MAX_DELAY = Duration.ofMinutes(15);

  private final SqsClient sqs;
  private final String queueUrl;

  public SqsHealthCheckQueue(SqsClient sqs, String queueUrl) {
    this.sqs = sqs;
    this.queueUrl = queueUrl;
  }

  /** To {@code queueUrl} through {@code clients}' SQS client; none without a queue. */
  public static HealthCheckQueue forQueue(AwsClients clients, String queueUrl) {
    return queueUrl == null
        ? HealthCheckQueue.NONE
        : new SqsHealthCheckQueue(clients.sqs(), queueUrl);
  }

  @Override
  public void send(HealthCheckRequest request, Duration delay) {
    int seconds = (int) Math.min(Math.max(delay.toSeconds(), 0), MAX_DELAY.toSeconds());
    sqs.sendMessage(r -> r.queueUrl(queueUrl).messageBody(request.toJson()).delaySeconds(seconds));
  }
}
