package dev.lbr.state;

import dev.lbr.model.StackId;
import java.time.Instant;

/** What an attempt to take a stack's lease found: the lease is ours, or someone else holds it. */
public sealed interface Acquisition {

  /** The lease is ours (also when our own earlier write took it and only its reply was lost). */
  record Taken(Lease lease) implements Acquisition {}

  /**
   * Another owner holds the lease until {@code until} (by its clock's account); the stack was
   * marked dirty, so the holder runs it again before it releases.
   */
  record Held(StackId stackId, String owner, Instant until) implements Acquisition {}
}
