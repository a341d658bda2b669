package dev.lbr.reconcile;

import dev.lbr.event.PodConditions;
import dev.lbr.event.StackResult;

/** Where stack results go: the cluster's status queue, which the forwarder applies. */
public interface ResultPublisher {

  /** Publishes none (no status queue configured: the CLI's one-shot commands). */
  ResultPublisher NONE = result -> {};

  /** Sends {@code result}; throws when it could not be sent (the caller retries the pass). */
  void publish(StackResult result);

  /** Sends the target health of gated pods; none where no status queue is configured. */
  default void publish(PodConditions conditions) {}
}
