package dev.lbr.plan;

import dev.lbr.model.StackId;
import java.util.List;

/**
 * The ordered changes that take one stack from its actual state to its desired state, and what
 * differs: the findings each change is based on, in the order of the changes, as the planners
 * recorded them ({@link PlannedChanges}). The drift report lists the findings; the applier ignores
 * them.
 */
public record Plan(StackId stackId, List<Change> changes, List<DriftFinding> findings) {
  public Plan {
    changes = List.copyOf(changes);
    findings = List.copyOf(findings);
  }

  /** A plan made without comparing fields (the targets-only plan from a checkpoint). */
  public Plan(StackId stackId, List<Change> changes) {
    this(stackId, changes, List.of());
  }

  public boolean isEmpty() {
    return changes.isEmpty();
  }
}
