package dev.lbr.forwarder.publish;

import java.util.ArrayList;
import java.util.List;

/** Keeps what it is given; can refuse the next rounds (returns them as undelivered). */
final class RecordingPublisher implements EventPublisher {
  final List<OutgoingEvent> published = new ArrayList<>();
  int refuseRounds;

  @Override
  public List<OutgoingEvent> publish(List<OutgoingEvent> events) {
    if (refuseRounds > 0) {
      refuseRounds--;
      return List.copyOf(events);
    }
    published.addAll(events);
    return List.of();
  }
}
