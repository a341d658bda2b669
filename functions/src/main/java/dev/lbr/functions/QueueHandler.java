package dev.lbr.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.lbr.k8s.Kind;
import dev.lbr.reconcile.Controller;
import dev.lbr.reconcile.EventProcessor;
import java.util.Set;

/**
 * A function fed by an SQS queue of EventBridge envelopes: each batch goes through one {@link
 * EventProcessor}; failed messages are reported individually.
 */
abstract class QueueHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
  private final EventProcessor processor;

  /** For Lambda: composed from the environment, once per execution environment. */
  QueueHandler(Set<Kind> acceptedKinds) {
    this(Wiring.controller(), acceptedKinds);
  }

  /** On a controller composed elsewhere ({@code lbr serve}). */
  QueueHandler(Controller controller, Set<Kind> acceptedKinds) {
    this(controller.processor(acceptedKinds));
  }

  QueueHandler(EventProcessor processor) {
    this.processor = processor;
  }

  @Override
  public final SQSBatchResponse handleRequest(SQSEvent event, Context context) {
    return InvocationLogging.around(
        context, () -> SqsBatches.response(processor.process(SqsBatches.messages(event))));
  }
}
