package dev.lbr.state;

import dev.lbr.model.StackId;
import java.time.Instant;
import java.util.List;

/** What each reconcile of a stack did, newest first. Bounded: old entries expire. */
public interface HistoryStore {

  /** How many of a stack's newest entries stay readable. */
  int KEPT = 50;

  /**
   * Records one reconcile. {@code result} is a short outcome (e.g. {@code OK}, {@code FAILED:
   * throttled}); {@code changes} lists what was done, in order.
   */
  void append(StackId id, Instant at, String result, List<String> changes);

  /** Up to {@code limit} (at most {@link #KEPT}) newest entries of the stack, newest first. */
  List<HistoryEntry> recent(StackId id, int limit);
}
