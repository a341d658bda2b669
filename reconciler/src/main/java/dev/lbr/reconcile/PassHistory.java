package dev.lbr.reconcile;

import dev.lbr.model.StackId;
import dev.lbr.state.HistoryStore;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A pass's entry in the stack's history: {@code OK}, {@code INVALID: <message>} or {@code FAILED:
 * <error>}, with the changes applied. History is an audit trail, written best-effort: failing to
 * write it does not fail the pass.
 */
record PassHistory(HistoryStore history, Clock clock) {
  private static final Logger LOG = LoggerFactory.getLogger(PassHistory.class);

  /** An invalid pass, or one that changed something; a no-op pass leaves none. */
  void record(ReconcileResult result) {
    if (result.path() == ReconcileResult.Path.INVALID) {
      record(result.stackId(), "INVALID: " + result.error(), result.changes());
    } else if (!result.changes().isEmpty()) {
      record(result.stackId(), "OK", result.changes());
    }
  }

  void failed(StackId id, RuntimeException e, List<String> applied) {
    record(id, "FAILED: " + e.getClass().getSimpleName() + ": " + e.getMessage(), applied);
  }

  private void record(StackId id, String outcome, List<String> changes) {
    try {
      history.append(id, clock.instant(), outcome, changes);
    } catch (RuntimeException e) {
      LOG.atWarn()
          .addKeyValue("stack", id)
          .addKeyValue("error", e.toString())
          .log("history-write-failed");
    }
  }
}
