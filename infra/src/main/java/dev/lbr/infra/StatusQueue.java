package dev.lbr.infra;

import dev.lbr.event.Routing;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.sqs.Queue;
import software.constructs.Construct;

/**
 * The way out: the queue the functions send stack results to and the forwarder long-polls to write
 * status back to the cluster, with its dead-letter queue. The forwarder may only consume it, the
 * functions may only send to it, and its policy denies every other sender.
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

  /** The roles granted SendMessage; every other sender is denied by the queue's policy. */
  private final List<String> senders = new ArrayList<>();

  private PolicyStatement onlySenders;

  StatusQueue(Construct scope, String id, Props props) {
    super(scope, id);
    queues = RedrivenQueue.create(this, "", props.spec());
    queues.queue().grant(props.forwarder(), CONSUME.toArray(String[]::new));
  }

  /** SendMessage only (the URL comes from the environment; SendMessageBatch needs no more). */
  void grantSend(IRole function) {
    queues.queue().grant(function, "sqs:SendMessage");
    senders.add(function.getRoleArn());
    if (onlySenders == null) {
      onlySenders = queues.denySend("OnlyTheFunctionsSend").build();
      queues.queue().addToResourcePolicy(onlySenders);
    }
    // Replaces the operator's map with the whole list so far (CDK merges by key).
    onlySenders.addCondition("ArnNotEquals", Map.of("aws:PrincipalArn", List.copyOf(senders)));
  }

  Queue queue() {
    return queues.queue();
  }

  Queue deadLetterQueue() {
    return queues.deadLetterQueue();
  }
}
