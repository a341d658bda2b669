package dev.lbr.state;

import dev.lbr.model.StackId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What drift runs remember between runs: orphan sightings, where to resume, past reports. */
public interface DriftStore {

  /** When each stack currently marked orphaned was first seen so. */
  Map<StackId, Instant> orphans();

  /** Records the first sighting; a stack already marked keeps its first sighting. */
  void markOrphan(StackId id, Instant firstSeen);

  void clearOrphan(StackId id);

  /** The last stack the previous, unfinished run checked. */
  Optional<StackId> cursor();

  /** Sets (or, with empty, clears) the stack after which the next run starts. */
  void saveCursor(Optional<StackId> after);

  /**
   * Keeps a run's report (JSON) with its counts.
   *
   * @param counts metric name → count, stored as numbers beside the report
   */
  void appendReport(Instant at, String reportJson, Map<String, Long> counts);

  /** Up to {@code limit} newest reports (JSON), newest first. */
  List<String> recentReports(int limit);
}
