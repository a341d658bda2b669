package dev.lbr.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.lbr.k8s.Kind;
import dev.lbr.reconcile.Controller;
import dev.lbr.reconcile.EventProcessor;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.EnumSet;
import java.util.List;

/**
 * The "reconcile" function: an SQS batch of EventBridge envelopes (any kind, and inventories); each
 * affected stack is reconciled once per batch; failed messages are reported individually.
 */
public final class ReconcileHandler implements RequestStreamHandler {
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

  /** Lambda's SQS event in, its partial batch response out ({@link SqsBatches}). */
  @Override
  public void handleRequest(InputStream event, OutputStream response, Context context)
      throws IOException {
    List<EventProcessor.Message> batch = SqsBatches.messages(SqsBatches.records(event));
    SqsBatches.writeResponse(
        InvocationLogging.around(context, () -> SqsBatches.response(processor.process(batch))),
        response);
  }
}
