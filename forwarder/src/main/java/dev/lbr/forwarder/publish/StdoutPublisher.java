package dev.lbr.forwarder.publish;

import java.io.PrintStream;
import java.util.List;

/** Prints each envelope on one line instead of publishing it (--stdout, for debugging). */
public final class StdoutPublisher implements EventPublisher {
  private final PrintStream out;
  private final ForwarderMetrics metrics;

  public StdoutPublisher(PrintStream out, ForwarderMetrics metrics) {
    this.out = out;
    this.metrics = metrics;
  }

  @Override
  public synchronized List<OutgoingEvent> publish(List<OutgoingEvent> events) {
    for (OutgoingEvent event : events) {
      out.println(event.envelope());
    }
    out.flush();
    metrics.published(events.size());
    return List.of();
  }
}
