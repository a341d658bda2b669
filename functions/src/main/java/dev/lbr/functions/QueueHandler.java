package dev.lbr.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.lbr.k8s.Kind;
import dev.lbr.reconcile.Controller;
import dev.lbr.reconcile.EventProcessor;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Set;

/**
 * A function fed by an SQS queue of EventBridge envelopes: each batch goes through one {@link
 * EventProcessor}; failed messages are reported individually.
 */
abstract class QueueHandler implements RequestStreamHandler {
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

  /**
   * Lambda's SQS event in, its partial batch response out ({@link SqsBatches}): read and written
   * with the project's mapper, not the runtime's event serialization (a cold-start cost).
   */
  @Override
  public final void handleRequest(InputStream event, OutputStream response, Context context)
      throws IOException {
    List<EventProcessor.Message> batch = SqsBatches.messages(SqsBatches.records(event));
    SqsBatches.writeResponse(
        InvocationLogging.around(context, () -> SqsBatches.response(processor.process(batch))),
        response);
  }
}
