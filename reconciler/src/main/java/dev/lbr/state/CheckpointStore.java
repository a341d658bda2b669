package dev.lbr.state;

import dev.lbr.model.StackId;
import java.util.List;
import java.util.Optional;

/** Stack checkpoints of one cluster. */
public interface CheckpointStore {

  Optional<Checkpoint> get(StackId id);

  /**
   * Writes {@code checkpoint} if the stored version is still {@code checkpoint.version()} (absent
   * counts as 0), and returns it with the version incremented.
   *
   * @throws ConcurrentUpdateException if someone else wrote in between
   */
  Checkpoint put(Checkpoint checkpoint);

  /** Deletes the checkpoint if its version is still the given one. */
  void delete(StackId id, long expectedVersion);

  /** Every checkpoint of the cluster. */
  List<Checkpoint> list();
}
