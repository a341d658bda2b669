package dev.lbr.state;

import dev.lbr.model.StackId;
import java.time.Instant;
import java.util.List;

/** One reconcile of a stack as recorded for audit: when, how it ended, what it changed. */
public record HistoryEntry(StackId stackId, Instant at, String result, List<String> changes) {
  public HistoryEntry {
    changes = changes == null ? List.of() : List.copyOf(changes);
  }
}
