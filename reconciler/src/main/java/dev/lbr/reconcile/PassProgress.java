package dev.lbr.reconcile;

import dev.lbr.aws.ApplyListener;
import dev.lbr.plan.Change;
import dev.lbr.state.Checkpoint;
import dev.lbr.state.Checkpoint.Status;
import dev.lbr.state.CheckpointStore;
import java.time.Clock;
import java.util.List;

/**
 * Marks the checkpoint IN_PROGRESS before the first mutating call; asks the fence before each;
 * collects applied changes.
 */
final class PassProgress implements ApplyListener {
  private final CheckpointStore checkpoints;
  private final Clock clock;
  private final List<String> applied;
  private final Fence fence;
  private Checkpoint current;

  private final Status marking;

  PassProgress(
      CheckpointStore checkpoints,
      Clock clock,
      Checkpoint start,
      List<String> applied,
      Fence fence) {
    this(checkpoints, clock, start, applied, fence, Status.IN_PROGRESS);
  }

  /** {@code marking}: the status written before the first mutating call. */
  PassProgress(
      CheckpointStore checkpoints,
      Clock clock,
      Checkpoint start,
      List<String> applied,
      Fence fence,
      Status marking) {
    this.checkpoints = checkpoints;
    this.clock = clock;
    this.current = start;
    this.applied = applied;
    this.fence = fence;
    this.marking = marking;
  }

  Checkpoint current() {
    return current;
  }

  @Override
  public void beforeFirstMutation() {
    fence.check();
    current = checkpoints.put(current.withStatus(marking, clock.instant()));
  }

  @Override
  public void beforeMutation(Change change) {
    fence.check();
  }

  @Override
  public void applied(Change change, String arn) {
    applied.add(change.describe());
  }
}
