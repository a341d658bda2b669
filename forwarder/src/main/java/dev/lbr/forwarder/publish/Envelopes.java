package dev.lbr.forwarder.publish;

import dev.lbr.event.EventContract;
import dev.lbr.event.EventTooLargeException;
import dev.lbr.event.Events;
import dev.lbr.event.InvalidEventException;
import dev.lbr.event.Operation;
import dev.lbr.k8s.Kind;
import dev.lbr.k8s.ObjectKey;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns coalesced changes and inventories into contract envelopes ({@link Events}). An object too
 * large for one event is reported (error log naming the object, the oversized metric) and skipped:
 * never fatal, the rest keeps flowing.
 */
final class Envelopes {
  private final String cluster;
  private final Set<String> namespaces;
  private final Clock clock;
  private final ForwarderMetrics metrics;

  Envelopes(String cluster, Set<String> namespaces, Clock clock, ForwarderMetrics metrics) {
    this.cluster = cluster;
    this.namespaces = Set.copyOf(namespaces);
    this.clock = clock;
    this.metrics = metrics;
  }

  Optional<OutgoingEvent> of(Change change) {
    String subject = change.key().toString();
    Instant now = clock.instant();
    try {
      String envelope =
          switch (change) {
            case Change.Upsert u -> Events.envelope(cluster, u.object(), Operation.UPSERT, now);
            case Change.Delete d when d.last() != null ->
                Events.envelope(
                    cluster,
                    d.last().withMetadata(d.last().metadata().withResourceVersion(rv(d))),
                    Operation.DELETE,
                    now);
            case Change.Delete d ->
                Events.deleteEnvelope(cluster, d.key(), null, d.resourceVersion(), now);
          };
      return Optional.of(new OutgoingEvent(change.key(), subject, envelope));
    } catch (EventTooLargeException e) {
      if (change instanceof Change.Delete d) {
        // A deletion must not be lost: without the (too large) last state, the key is enough.
        String envelope = Events.deleteEnvelope(cluster, d.key(), uid(d), rv(d), now);
        return Optional.of(new OutgoingEvent(d.key(), subject, envelope));
      }
      metrics.countOversized();
      JsonLog.error(
          "object too large for one event; not published",
          "object",
          subject,
          "sizeBytes",
          e.sizeBytes(),
          "limitBytes",
          EventContract.MAX_EVENT_BYTES);
      return Optional.empty();
    } catch (InvalidEventException e) {
      if (change instanceof Change.Delete d && d.last() != null) {
        // Nor for a last state that breaks a validation rule: the key is enough.
        try {
          String envelope = Events.deleteEnvelope(cluster, d.key(), uid(d), rv(d), now);
          return Optional.of(new OutgoingEvent(d.key(), subject, envelope));
        } catch (InvalidEventException keyInvalid) {
          e = keyInvalid;
        }
      }
      metrics.failed(1);
      JsonLog.error("object cannot be published", "object", subject, "error", e.getMessage());
      return Optional.empty();
    }
  }

  /**
   * The inventory as few events as fit: one event with every kind when it fits, otherwise one per
   * kind (a kind absent from an event is "not reported", so splitting by kind keeps each event
   * true). A single kind too large for one event cannot be split and is reported as oversized.
   */
  List<OutgoingEvent> inventory(Map<Kind, ? extends Collection<ObjectKey>> keys, String rv) {
    Instant now = clock.instant();
    List<OutgoingEvent> out = new ArrayList<>();
    try {
      out.add(
          new OutgoingEvent(
              null, "inventory", Events.inventory(cluster, now, rv, keys, namespaces)));
      return out;
    } catch (EventTooLargeException tooLarge) {
      // split by kind below
    }
    for (var entry : new EnumMap<Kind, Collection<ObjectKey>>(keys).entrySet()) {
      String subject = "inventory of " + entry.getKey().wireName();
      try {
        out.add(
            new OutgoingEvent(
                null,
                subject,
                Events.inventory(
                    cluster, now, rv, Map.of(entry.getKey(), entry.getValue()), namespaces)));
      } catch (EventTooLargeException e) {
        metrics.countOversized();
        JsonLog.error(
            "inventory of one kind too large for one event; kind not reported",
            "kind",
            entry.getKey().wireName(),
            "keys",
            entry.getValue().size(),
            "sizeBytes",
            e.sizeBytes());
      }
    }
    return out;
  }

  private static String rv(Change.Delete d) {
    return d.resourceVersion() != null && !d.resourceVersion().isEmpty()
        ? d.resourceVersion()
        : d.last() == null ? "" : d.last().metadata().resourceVersion();
  }

  private static String uid(Change.Delete d) {
    return d.last() == null ? null : d.last().metadata().uid();
  }
}
