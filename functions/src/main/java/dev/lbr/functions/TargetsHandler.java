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
 * The "targets" function: EndpointSlice events only. When the stack's checkpoint is fresh and its
 * Service unchanged, this only registers and deregisters targets, reading nothing from ELBv2; a
 * stack whose spec changed too gets a full reconcile, so it always converges.
 */
public final class TargetsHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
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

  @Override
  public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
    return InvocationLogging.around(
        context, () -> SqsBatches.response(processor.process(SqsBatches.messages(event))));
  }
}
