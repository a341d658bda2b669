package dev.lbr.forwarder.status;

import dev.lbr.event.StackResult;
import dev.lbr.event.StackResult.Outcome;

/** LBC's reason and message for a result, as given, else LBC's defaults for the outcome. */
final class ResultText {
  private ResultText() {}

  static String reason(StackResult r) {
    if (r.reason() != null) {
      return r.reason();
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
