package dev.lbr.infra;

import dev.lbr.event.Routing;
import java.util.List;
import software.amazon.awscdk.services.iam.IGrantable;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.sqs.Queue;
import software.constructs.Construct;

/**
 * The way out: the queue the functions send stack results to and the forwarder long-polls to write
 * status back to the cluster, with its dead-letter queue. The forwarder may only consume it, the
 * functions may only send to it.
 */
final class StatusQueue extends Construct {

  /**
   * @param spec the queue as {@link Routing#statusQueue()} describes it
   * @param forwarder the only consumer
   */
  record Props(Routing.QueueSpec spec, IRole forwarder) {}

  /** What consuming takes, nothing more: the forwarder is given the URL (no GetQueueUrl). */
  static final List<String> CONSUME =
      List.of(
          "sqs:ReceiveMessage",
          "sqs:DeleteMessage",
          "sqs:ChangeMessageVisibility",
          "sqs:GetQueueAttributes");

  private final RedrivenQueue queues;

  StatusQueue(Construct scope, String id, Props props) {
    super(scope, id);
    queues = RedrivenQueue.create(this, "", props.spec());
    queues.queue().grant(props.forwarder(), CONSUME.toArray(String[]::new));
  }

  /** SendMessage only (the URL comes from the environment; SendMessageBatch needs no more). */
  void grantSend(IGrantable function) {
    queues.queue().grant(function, "sqs:SendMessage");
  }

  Queue queue() {
    return queues.queue();
  }

  Queue deadLetterQueue() {
    return queues.deadLetterQueue();
  }
}
