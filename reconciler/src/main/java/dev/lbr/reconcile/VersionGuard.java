package dev.lbr.reconcile;

import dev.lbr.event.ClusterEvent;
import dev.lbr.event.InvalidEventException;
import dev.lbr.event.InventoryEvent;
import dev.lbr.event.ObjectEvent;
import dev.lbr.event.ResourceVersion;
import dev.lbr.state.BoundsStore;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * resourceVersion sanity ({@code docs/operations.md}): an event whose version no etcd can have
 * (above 2^63 − 1), or that is more than the margin above the highest version the cluster has shown
 * so far (its high-water mark), is rejected before it is stored. The mark is read once per batch
 * and raised after it to the highest version accepted.
 */
final class VersionGuard {
  private static final Logger LOG = LoggerFactory.getLogger(VersionGuard.class);

  private final BoundsStore store;
  private final long margin;
  private final BoundsMetrics metrics;

  VersionGuard(BoundsStore store, long margin, BoundsMetrics metrics) {
    this.store = store;
    this.margin = margin;
    this.metrics = metrics;
  }

  Batch batch() {
    return new Batch(store.highWater().map(Long::parseLong));
  }

  /** The checks of one batch, against the mark as it was when the batch began. */
  final class Batch {
    private final Optional<Long> highWater;
    private long highest = -1;

    private Batch(Optional<Long> highWater) {
      this.highWater = highWater;
    }

    /**
     * @throws InvalidEventException if the version is impossible or too far ahead
     */
    void check(ClusterEvent event) {
      String rv = version(event);
      String subject = subject(event);
      if (!ResourceVersion.fitsInt64(rv)) {
        throw reject(subject, rv, "is above 2^63-1, which no etcd revision can be");
      }
      long value = Long.parseLong(rv);
      if (highWater.isPresent() && value - highWater.get() > margin) {
        throw reject(
            subject,
            rv,
            "is more than "
                + margin
                + " above the cluster's high-water mark "
                + highWater.get()
                + " (LBR_RV_MARGIN)");
      }
      highest = Math.max(highest, value);
    }

    /**
     * Raises the cluster's mark to the highest version accepted in the batch. Best effort: the
     * batch's events are stored already, and a mark left lower only keeps the next check looser
     * until a later batch raises it; failing here would redeliver the whole batch for nothing.
     */
    void commit() {
      if (highest >= 0 && highWater.map(h -> highest > h).orElse(true)) {
        try {
          store.raiseHighWater(Long.toString(highest));
        } catch (RuntimeException e) {
          LOG.atWarn()
              .addKeyValue("resourceVersion", highest)
              .addKeyValue("error", e.toString())
              .log("high-water-not-raised");
        }
      }
    }

    private InvalidEventException reject(String subject, String rv, String why) {
      String problem = "resourceVersion " + rv + " " + why;
      LOG.atWarn()
          .addKeyValue("subject", subject)
          .addKeyValue("resourceVersion", rv)
          .addKeyValue("highWater", highWater.map(String::valueOf).orElse(""))
          .log("version-rejected");
      metrics.count(
          BoundsMetrics.VERSIONS_REJECTED,
          Map.of("subject", subject, "resourceVersion", rv, "problem", problem));
      return new InvalidEventException(subject, problem);
    }
  }

  private static String version(ClusterEvent event) {
    return switch (event) {
      case ObjectEvent e -> e.resourceVersion();
      case InventoryEvent e -> e.resourceVersion();
    };
  }

  private static String subject(ClusterEvent event) {
    return switch (event) {
      case ObjectEvent e -> e.key().toString();
      case InventoryEvent e -> "Inventory";
    };
  }
}
