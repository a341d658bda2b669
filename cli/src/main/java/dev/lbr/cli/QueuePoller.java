package dev.lbr.cli;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.lbr.event.Routing;
import dev.lbr.functions.SqsBatches;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Lambda's SQS event source for one route, in a thread: receive a batch (long poll, then a short
 * batching window), hand it to the handler as Lambda would, delete what it did not report failed.
 * Failed messages (or the whole batch, if the handler throws) come back after the visibility
 * timeout; the queue's redrive policy dead-letters them after {@link Routing#MAX_RECEIVE_COUNT}.
 */
final class QueuePoller implements Runnable {
  /** Short for a long poll, so that a stop waits at most this long for the receive in flight. */
  static final int WAIT_SECONDS = 5;

  private final String route;
  private final SqsClient sqs;
  private final String queueUrl;
  private final String queueArn;
  private final String region;
  private final RequestStreamHandler handler;
  private final PrintStream log;
  private volatile boolean stopped;

  QueuePoller(
      String route,
      SqsClient sqs,
      String queueUrl,
      String region,
      RequestStreamHandler handler,
      PrintStream log) {
    this.route = route;
    this.sqs = sqs;
    this.queueUrl = queueUrl;
    this.queueArn = LocalDeployment.arn(sqs, queueUrl);
    this.region = region;
    this.handler = handler;
    this.log = log;
  }

  @Override
  public void run() {
    while (!stopped) {
      try {
        pollOnce(WAIT_SECONDS);
      } catch (RuntimeException e) {
        log.println("lbr serve: " + route + ": receive failed: " + e.getMessage());
        pause();
      }
    }
  }

  void stop() {
    stopped = true;
  }

  /** One batch: returns how many messages it held (0 when the queue stayed empty). */
  int pollOnce(int waitSeconds) {
    List<Message> batch = receive(waitSeconds, Routing.BATCH_SIZE);
    if (batch.isEmpty()) {
      return 0;
    }
    if (batch.size() < Routing.BATCH_SIZE) {
      batch = new ArrayList<>(batch);
      batch.addAll(
          receive((int) Routing.BATCHING_WINDOW.toSeconds(), Routing.BATCH_SIZE - batch.size()));
    }
    Set<String> failed;
    try {
      failed = Set.copyOf(SqsBatches.invoke(handler, records(batch)).batchItemFailures());
    } catch (RuntimeException e) {
      log.println("lbr serve: " + route + ": batch failed, all retried: " + e.getMessage());
      return batch.size();
    }
    List<DeleteMessageBatchRequestEntry> done =
        batch.stream()
            .filter(m -> !failed.contains(m.messageId()))
            .map(
                m ->
                    DeleteMessageBatchRequestEntry.builder()
                        .id(m.messageId())
                        .receiptHandle(m.receiptHandle())
                        .build())
            .toList();
    if (!done.isEmpty()) {
      sqs.deleteMessageBatch(b -> b.queueUrl(queueUrl).entries(done));
    }
    log.printf(
        "lbr serve: %s: %d message(s), %d failed (retried)%n", route, batch.size(), failed.size());
    return batch.size();
  }

  private List<Message> receive(int waitSeconds, int max) {
    return sqs.receiveMessage(
            b -> b.queueUrl(queueUrl).maxNumberOfMessages(max).waitTimeSeconds(waitSeconds))
        .messages();
  }

  /** The batch's records as Lambda delivers them. */
  private List<SqsBatches.Record> records(List<Message> batch) {
    return batch.stream()
        .map(
            m ->
                new SqsBatches.Record(
                    m.messageId(), m.receiptHandle(), m.body(), m.md5OfBody(), queueArn, region))
        .toList();
  }

  private void pause() {
    try {
      Thread.sleep(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopped = true;
    }
  }
}
