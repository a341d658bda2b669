package dev.lbr.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.lbr.k8s.Kind;
import dev.lbr.reconcile.Controller;
import dev.lbr.reconcile.EventProcessor;
import java.util.EnumSet;

/**
 * The "reconcile" function: an SQS batch of EventBridge envelopes (any kind, and inventories); each
 * affected stack is reconciled once per batch; failed messages are reported individually.
 */
public final class ReconcileHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
  private final EventProcessor processor;

  /** For Lambda: composed from the environment, once per execution environment. */
  public ReconcileHandler() {
    this(Wiring.controller());
  }

  /** On a controller composed elsewhere ({@code lbr serve}): accepts any kind. */
  public ReconcileHandler(Controller controller) {
    this(controller.processor(EnumSet.allOf(Kind.class)));
  }

  /** For tests and the CLI. */
  public ReconcileHandler(EventProcessor processor) {
    this.processor = processor;
  }

  @Override
  public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
    return InvocationLogging.around(
        context, () -> SqsBatches.response(processor.process(SqsBatches.messages(event))));
  }
}
