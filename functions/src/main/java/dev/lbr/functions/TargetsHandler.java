package dev.lbr.functions;

import dev.lbr.k8s.Kind;
import dev.lbr.reconcile.Controller;
import dev.lbr.reconcile.EventProcessor;
import java.util.EnumSet;
import java.util.Set;

/**
 * The "targets" function: EndpointSlice and Pod events, and the delayed target health checks of pod
 * readiness gates ({@code docs/readiness-gates.md}). When the stack's checkpoint is fresh and its
 * Service unchanged, this only registers and deregisters targets, reading nothing from ELBv2; a
 * stack whose spec changed too gets a full reconcile, so it always converges.
 */
public final class TargetsHandler extends QueueHandler {
  private static final Set<Kind> KINDS = EnumSet.of(Kind.ENDPOINT_SLICE, Kind.POD);

  public TargetsHandler() {
    super(KINDS);
  }

  /** On a controller composed elsewhere ({@code lbr serve}): accepts EndpointSlices and Pods. */
  public TargetsHandler(Controller controller) {
    super(controller, KINDS);
  }

  public TargetsHandler(EventProcessor processor) {
    super(processor);
  }
}
