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
 * The "targets" function: EndpointSlice events only. When the stack's checkpoint is fresh and its
 * Service unchanged, this only registers and deregisters targets, reading nothing from ELBv2; a
 * stack whose spec changed too gets a full reconcile, so it always converges.
 */
public final class TargetsHandler implements RequestStreamHandler {
  private final EventProcessor processor;

  public TargetsHandler() {
    this(Wiring.controller());
  }

  /** On a controller composed elsewhere ({@code lbr serve}): accepts EndpointSlices only. */
  public TargetsHandler(Controller controller) {
    this(controller.processor(EnumSet.of(Kind.ENDPOINT_SLICE)));
  }

  public TargetsHandler(EventProcessor processor) {
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
