package dev.lbr.forwarder.publish;

import dev.lbr.forwarder.ChangeSink;
import dev.lbr.k8s.K8sObject;
import dev.lbr.k8s.Kind;
import dev.lbr.k8s.ObjectKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Per-object coalescing. The first change of an object opens its window; changes within it replace
 * the pending one (the latest state wins) and are counted as coalesced; when the window has passed,
 * {@link #tick()} releases the object's latest change to the publisher. So a rollout that touches
 * an EndpointSlice a hundred times in a second publishes it once, with its final state.
 *
 * <p>Deletions are never lost: a delete replaces a pending upsert (the object is gone, that is the
 * latest state), and an upsert after a pending delete replaces the delete only because the object
 * exists again (re-created under the same key), which is then the latest state to reconcile to.
 *
 * <p>Time comes from the {@link Clock} and releases from whoever calls {@link #tick()} (a scheduler
 * in production, the test itself in tests): no sleeping, no hidden thread.
 */
public final class Coalescer implements ChangeSink {
  private final Duration window;
  private final Clock clock;
  private final EventPublisher publisher;
  private final ForwarderMetrics metrics;
  private final Envelopes envelopes;

  private final Object lock = new Object();
  private final Object publishing = new Object();
  private final Map<ObjectKey, Pending> pending = new LinkedHashMap<>();
  private final List<Retry> retries = new ArrayList<>();
  private final Map<Kind, Long> highestRv = new EnumMap<>(Kind.class);
  private Map<Kind, Set<ObjectKey>> pendingInventory;

  private record Pending(Change change, Instant since) {}

  private record Retry(OutgoingEvent event, Instant since) {}

  public Coalescer(
      String cluster,
      Duration window,
      Clock clock,
      EventPublisher publisher,
      ForwarderMetrics metrics) {
    if (window.isNegative()) {
      throw new IllegalArgumentException("the coalescing window is negative: " + window);
    }
    this.window = window;
    this.clock = clock;
    this.publisher = publisher;
    this.metrics = metrics;
    this.envelopes = new Envelopes(cluster, clock, metrics);
    metrics.queue(this::depth, this::oldestPending);
  }

  @Override
  public void upsert(K8sObject object) {
    merge(new Change.Upsert(object), object.metadata().resourceVersion());
  }

  @Override
  public void delete(ObjectKey key, String resourceVersion, K8sObject last) {
    merge(new Change.Delete(key, resourceVersion, last), resourceVersion);
  }

  @Override
  public void inventory(Map<Kind, Set<ObjectKey>> liveKeys) {
    synchronized (lock) {
      pendingInventory = Map.copyOf(liveKeys);
    }
  }

  private void merge(Change change, String rv) {
    synchronized (lock) {
      noteVersion(change.key().kind(), rv);
      Pending before = pending.get(change.key());
      if (before == null) {
        pending.put(change.key(), new Pending(change, clock.instant()));
      } else {
        metrics.countCoalesced();
        pending.put(change.key(), new Pending(change, before.since()));
      }
    }
  }

  /** Publishes what is due: objects whose window has passed, retries, a pending inventory. */
  public void tick() {
    release(false);
  }

  /** Publishes everything pending now, window or not (shutdown). */
  public void flush() {
    release(true);
    int left = depth();
    if (left > 0) { // already counted as failed by the publisher
      JsonLog.error("events still undelivered at shutdown", "count", left);
    }
  }

  private void release(boolean all) {
    synchronized (publishing) {
      try {
        List<OutgoingEvent> out = new ArrayList<>();
        List<Retry> retrying;
        List<Pending> due = new ArrayList<>();
        Map<Kind, Set<ObjectKey>> inventory;
        String inventoryRv;
        synchronized (lock) {
          Instant now = clock.instant();
          retrying = new ArrayList<>(retries);
          retries.clear();
          for (Iterator<Pending> it = pending.values().iterator(); it.hasNext(); ) {
            Pending p = it.next();
            if (all || !p.since().plus(window).isAfter(now)) {
              due.add(p);
              it.remove();
            }
          }
          inventory = pendingInventory;
          pendingInventory = null;
          inventoryRv = inventory == null ? null : inventoryVersion(inventory.keySet());
        }
        Map<OutgoingEvent, Instant> since = new IdentityHashMap<>();
        for (Retry r : retrying) {
          boolean superseded =
              r.event().key() == null ? inventory != null : isPending(r.event().key());
          if (superseded) { // a newer change of the object, or a newer inventory, is due
            metrics.countCoalesced();
            continue;
          }
          out.add(r.event());
          since.put(r.event(), r.since());
        }
        for (Pending p : due) {
          envelopes
              .of(p.change())
              .ifPresent(
                  e -> {
                    out.add(e);
                    since.put(e, p.since());
                  });
        }
        List<OutgoingEvent> inventoryEvents =
            inventory == null ? List.of() : envelopes.inventory(inventory, inventoryRv);
        out.addAll(inventoryEvents);
        if (out.isEmpty()) {
          return;
        }
        List<OutgoingEvent> undelivered = publisher.publish(out);
        if (!inventoryEvents.isEmpty()
            && inventoryEvents.stream().noneMatch(e -> undelivered.contains(e))) {
          metrics.inventoryPublished(clock.instant());
        }
        synchronized (lock) {
          Instant now = clock.instant();
          for (OutgoingEvent e : undelivered) {
            retries.add(new Retry(e, since.getOrDefault(e, now)));
          }
        }
      } catch (RuntimeException e) {
        JsonLog.error("publishing round failed", "error", String.valueOf(e));
      }
    }
  }

  private boolean isPending(ObjectKey key) {
    synchronized (lock) {
      return pending.containsKey(key);
    }
  }

  /** Events waiting: pending objects, retries, a pending inventory. */
  public int depth() {
    synchronized (lock) {
      return pending.size() + retries.size() + (pendingInventory == null ? 0 : 1);
    }
  }

  /** When the oldest waiting event was first seen; null when nothing waits. */
  public Instant oldestPending() {
    synchronized (lock) {
      return Stream.concat(
              pending.values().stream().map(Pending::since), retries.stream().map(Retry::since))
          .min(Instant::compareTo)
          .orElse(null);
    }
  }

  private void noteVersion(Kind kind, String rv) {
    parse(rv).ifPresent(v -> highestRv.merge(kind, v, Math::max));
  }

  /**
   * The inventory's resourceVersion: the lowest, over the reported kinds, of the highest version
   * this forwarder has seen for the kind (0 for a kind with no change yet). An informer that
   * delivered version r has a complete view up to r, so every reported listing is complete up to
   * this version; it may be lower than the informers' own last-synced versions, which only makes
   * the reconciler conclude fewer deletions from it, never a wrong one.
   */
  private String inventoryVersion(Set<Kind> kinds) {
    return Long.toString(
        kinds.stream().mapToLong(k -> highestRv.getOrDefault(k, 0L)).min().orElse(0L));
  }

  private static Optional<Long> parse(String rv) {
    try {
      return rv == null ? Optional.empty() : Optional.of(Long.parseLong(rv));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
