package dev.lbr.forwarder.status;

import dev.lbr.event.StackResult;
import dev.lbr.event.StackResult.Outcome;
import dev.lbr.model.StackKind;

/** LBC's reason and message for a result, as given, else LBC's defaults for the outcome. */
final class ResultText {
  private ResultText() {}

  /** LBC's TargetGroupBinding reason for a failed reconcile ({@code pkg/k8s/events.go}). */
  static final String BINDING_FAILED = "FailedReconcile";

  static String reason(StackResult r) {
    if (r.reason() != null) {
      return r.reason();
    }
    if (r.outcome() != Outcome.RECONCILED
        && r.stack().startsWith(StackKind.BINDING.prefix() + "/")) {
      return BINDING_FAILED;
    }
    return switch (r.outcome()) {
      case RECONCILED -> StackResult.REASON_RECONCILED;
      case INVALID -> StackResult.REASON_BUILD_FAILED;
      default -> StackResult.REASON_DEPLOY_FAILED;
    };
  }

  static String message(StackResult r) {
    if (r.message() != null) {
      return r.message();
    }
    return r.outcome() == Outcome.RECONCILED ? "Successfully reconciled" : reason(r);
  }
}
