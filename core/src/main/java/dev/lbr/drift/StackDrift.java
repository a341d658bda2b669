package dev.lbr.drift;

import dev.lbr.model.StackId;
import dev.lbr.plan.DriftFinding;
import java.util.List;

/**
 * What a drift run found and did for one stack.
 *
 * @param findings what differs, field by field (empty for a clean stack)
 * @param actions the changes applied, or planned in a dry run or when refused
 * @param note a short explanation (an error, the grace deadline, why nothing was done)
 */
public record StackDrift(
    StackId id, Outcome outcome, List<DriftFinding> findings, List<String> actions, String note) {

  public StackDrift {
    findings = List.copyOf(findings);
    actions = List.copyOf(actions);
  }

  public enum Outcome {
    /** AWS matches the desired state. */
    CLEAN,
    /** Drifted, and repaired. */
    REPAIRED,
    /** Drifted; a dry run: nothing done. */
    DRIFTED,
    /** The stack's input is invalid; nothing done (as on every reconcile). */
    INVALID,
    /** Another invocation holds the stack's lease; it was marked dirty and will be re-run there. */
    BUSY,
    /** Checking or repairing failed; the next run tries again. */
    FAILED,
    /** Orphaned (no Service or Ingress), still within the grace period. */
    ORPHAN_WAITING,
    /** Orphaned past the grace period, and its resources deleted (or would be, in a dry run). */
    COLLECTED,
    /** Orphaned past the grace period, but the circuit breaker refused the deletion. */
    REFUSED
  }

  public boolean drifted() {
    return !findings.isEmpty();
  }
}
