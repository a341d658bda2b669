package dev.lbr.forwarder.publish;

import dev.lbr.forwarder.ChangeSink;
import dev.lbr.k8s.K8sObject;
import dev.lbr.k8s.Kind;
import dev.lbr.k8s.ObjectKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
  private Map<Kind, Set<ObjectKey>> pendingInventory;
  private String pendingInventoryRv;

  private record Pending(Change change, Instant since) {}

  private record Retry(OutgoingEvent event, Instant since) {}

  public Coalescer(
      String cluster,
      Duration window,
      Clock clock,
      EventPublisher publisher,
      ForwarderMetrics metrics) {
    this(cluster, Set.of(), window, clock, publisher, metrics);
  }

  /**
   * @param namespaces the namespaces the informers watch (all when empty): inventories say so
   */
  public Coalescer(
      String cluster,
      Set<String> namespaces,
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
    this.envelopes = new Envelopes(cluster, namespaces, clock, metrics);
    metrics.queue(this::depth, this::oldestPending);
  }

  @Override
  public void upsert(K8sObject object) {
    merge(new Change.Upsert(object));
  }

  @Override
  public void delete(ObjectKey key, String resourceVersion, K8sObject last) {
    merge(new Change.Delete(key, resourceVersion, last));
  }

  @Override
  public void inventory(Map<Kind, Set<ObjectKey>> liveKeys, String resourceVersion) {
    synchronized (lock) {
      pendingInventory = Map.copyOf(liveKeys);
      pendingInventoryRv = resourceVersion;
    }
  }

  private void merge(Change change) {
    synchronized (lock) {
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
          inventoryRv = pendingInventoryRv;
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
}
