package dev.lbr.functions;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.lbr.reconcile.EventProcessor;
import java.util.List;

/** Translation between Lambda's SQS types and the processor's. */
final class SqsBatches {
  private SqsBatches() {}

  static List<EventProcessor.Message> messages(SQSEvent event) {
    return event.getRecords().stream()
        .map(m -> new EventProcessor.Message(m.getMessageId(), m.getBody()))
        .toList();
  }

  /** Partial batch response: only the failed messages return to the queue. */
  static SQSBatchResponse response(EventProcessor.BatchOutcome outcome) {
    return new SQSBatchResponse(
        outcome.failedMessageIds().stream().map(SQSBatchResponse.BatchItemFailure::new).toList());
  }
}
