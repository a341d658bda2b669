package dev.lbr.infra;

import dev.lbr.event.Routing;
import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.iam.AnyPrincipal;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.sqs.DeadLetterQueue;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

/**
 * A queue and its dead-letter queue as a {@link Routing.QueueSpec} describes them, both with
 * SQS-managed encryption and TLS enforced. CloudFormation names them (the spec's name is for
 * deployments that choose names).
 */
record RedrivenQueue(Queue queue, Queue deadLetterQueue) {

  /** Creates {@code <prefix>Queue} and {@code <prefix>Dlq} in {@code scope}. */
  static RedrivenQueue create(Construct scope, String prefix, Routing.QueueSpec spec) {
    Queue dlq =
        Queue.Builder.create(scope, prefix + "Dlq")
            .retentionPeriod(seconds(spec.deadLetterRetention()))
            .encryption(QueueEncryption.SQS_MANAGED)
            .enforceSsl(true)
            .build();
    Queue queue =
        Queue.Builder.create(scope, prefix + "Queue")
            .visibilityTimeout(seconds(spec.visibilityTimeout()))
            .retentionPeriod(seconds(spec.retention()))
            .encryption(QueueEncryption.SQS_MANAGED)
            .enforceSsl(true)
            .deadLetterQueue(
                DeadLetterQueue.builder()
                    .queue(dlq)
                    .maxReceiveCount(spec.maxReceiveCount())
                    .build())
            .build();
    return new RedrivenQueue(queue, dlq);
  }

  /**
   * A resource policy statement that denies {@code sqs:SendMessage} on the queue to everyone; the
   * caller's condition exempts who may send.
   */
  PolicyStatement.Builder denySend(String sid) {
    return PolicyStatement.Builder.create()
        .sid(sid)
        .effect(Effect.DENY)
        .principals(List.of(new AnyPrincipal()))
        .actions(List.of("sqs:SendMessage"))
        .resources(List.of(queue.getQueueArn()));
  }

  static Duration seconds(java.time.Duration d) {
    return Duration.seconds(d.toSeconds());
  }
}
