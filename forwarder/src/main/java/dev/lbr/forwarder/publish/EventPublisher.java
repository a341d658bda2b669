package dev.lbr.forwarder.publish;

import java.util.List;

/** Where released events go: EventBridge, or stdout for debugging. */
public interface EventPublisher {

  /**
   * Publishes the events, retrying what can be retried within its own bounds.
   *
   * @return the events that could not be delivered but are worth trying again later (throttling, an
   *     unreachable endpoint); events rejected for good are counted and logged, not returned
   */
  List<OutgoingEvent> publish(List<OutgoingEvent> events);
}
