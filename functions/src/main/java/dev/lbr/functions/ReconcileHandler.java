package dev.lbr.functions;

import dev.lbr.k8s.Kind;
import dev.lbr.reconcile.Controller;
import dev.lbr.reconcile.EventProcessor;
import java.util.EnumSet;
import java.util.Set;

/**
 * The "reconcile" function: an SQS batch of EventBridge envelopes (any kind, and inventories); each
 * affected stack is reconciled once per batch; failed messages are reported individually.
 */
public final class ReconcileHandler extends QueueHandler {
  private static final Set<Kind> KINDS = EnumSet.allOf(Kind.class);

  /** For Lambda: composed from the environment, once per execution environment. */
  public ReconcileHandler() {
    super(KINDS);
  }

  /** On a controller composed elsewhere ({@code lbr serve}): accepts any kind. */
  public ReconcileHandler(Controller controller) {
    super(controller, KINDS);
  }

  /** For tests and the CLI. */
  public ReconcileHandler(EventProcessor processor) {
    super(processor);
  }
}
