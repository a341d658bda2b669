package dev.lbr.plan;

import dev.lbr.model.StackId;
import java.util.List;

/** The ordered changes that take one stack from its actual state to its desired state. */
public record Plan(StackId stackId, List<Change> changes) {
  public Plan {
    changes = List.copyOf(changes);
  }

  public boolean isEmpty() {
    return changes.isEmpty();
  }
}
