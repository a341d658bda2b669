package dev.lbr.functions.convergence;

import java.time.Duration;
import java.util.Locale;

/** The figures of a suite run, summed over its tries; printed as one line at the end. */
final class RunFigures {
  private int sequences;
  private long changes;
  private long deliveries;
  private long calls;
  private long crashes;
  private long lostReplies;
  private long lostLeaseReplies;
  private long leaseOutlivedWindow;
  private long deadLettered;
  private long failures;
  private final long started = System.nanoTime();

  synchronized void add(ConvergenceRun.Outcome o) {
    sequences++;
    changes += o.changes();
    deliveries += o.deliveries();
    calls += o.calls();
    for (Faults.Fired f : o.fired()) {
      if (f.type() == Faults.Type.CRASH) {
        crashes++;
      } else {
        lostReplies++;
        if (f.leaseAcquisition()) {
          lostLeaseReplies++;
        }
      }
    }
    leaseOutlivedWindow += o.leaseOutlivedWindow() ? 1 : 0;
    deadLettered += o.deadLettered();
    failures += o.problems().isEmpty() ? 0 : 1;
  }

  synchronized String summary(String what) {
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    return String.format(
        Locale.ROOT,
        "convergence suite (%s): %d sequences, %d history changes, %d deliveries, %d AWS+DynamoDB"
            + " calls, %d crashes and %d lost replies fired (%d on a lease acquisition), %d runs"
            + " where a lease outlived the %ds window, %d dead-lettered messages, %d failing"
            + " sequences, %.1f s",
        what,
        sequences,
        changes,
        deliveries,
        calls,
        crashes,
        lostReplies,
        lostLeaseReplies,
        leaseOutlivedWindow,
        ConvergenceRun.WINDOW.toSeconds(),
        deadLettered,
        failures,
        took.toMillis() / 1000.0);
  }
}
