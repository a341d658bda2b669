package dev.lbr.functions.convergence;

import dev.lbr.event.Events;
import dev.lbr.event.Operation;
import dev.lbr.k8s.Kind;
import dev.lbr.k8s.ObjectKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * How the true history reaches the functions: each change delivered once, twice or never (genes),
 * late by a few places, in SQS batches of one route; inventories taken at a point of the history
 * (so they list what lived then, complete up to that version) and delivered late too.
 */
final class Delivery {
  static final Set<Kind> INVENTORY_KINDS = Set.of(Kind.SERVICE, Kind.ENDPOINT_SLICE, Kind.INGRESS);

  /** Which queue, hence which function: EndpointSlices go to targets, the rest to reconcile. */
  enum Route {
    RECONCILE,
    TARGETS
  }

  /**
   * The fate of one change: delivered {@code copies} times (0 = dropped), {@code delay} places
   * late; {@code joinNext}: the next message of the same route shares its batch.
   */
  record Gene(int copies, int delay, boolean joinNext) {
    static final Gene IN_ORDER = new Gene(1, 0, false);
  }

  /** An inventory listing the cluster after change {@code at} (modulo the history's length). */
  record InventoryGene(int at, int delay) {}

  record Message(Route route, String body, String label) {}

  /** Messages delivered in one invocation; {@code receives}: which delivery of them this is. */
  record Batch(Route route, List<Message> messages, int receives) {
    Batch(Route route, List<Message> messages) {
      this(route, messages, 1);
    }

    Batch withReceives(int n) {
      return new Batch(route, messages, n);
    }

    @Override
    public String toString() {
      return route.name() + messages.stream().map(Message::label).toList();
    }
  }

  private record Slot(double order, Message message, boolean joinNext) {}

  private Delivery() {}

  static List<Batch> schedule(
      String cluster,
      KubeWorld.History history,
      List<Gene> genes,
      List<InventoryGene> inventories) {
    List<KubeWorld.Change> changes = history.changes();
    List<Slot> slots = new ArrayList<>();
    for (int i = 0; i < changes.size(); i++) {
      Gene gene = i < genes.size() ? genes.get(i) : Gene.IN_ORDER;
      for (int copy = 0; copy < gene.copies(); copy++) {
        slots.add(
            new Slot(
                i + gene.delay() + copy * 2 + 0.1,
                event(cluster, changes.get(i)),
                gene.joinNext()));
      }
    }
    if (!changes.isEmpty()) {
      for (InventoryGene inv : inventories) {
        int at = Math.floorMod(inv.at(), changes.size());
        KubeWorld.Change point = changes.get(at);
        slots.add(
            new Slot(
                at + inv.delay() + 0.5,
                inventory(cluster, point.resourceVersion(), point.liveAfter(), "@" + at),
                false));
      }
    }
    slots.sort(Comparator.comparingDouble(Slot::order));
    return batches(slots);
  }

  /** What the forwarder's re-list sends: every live object, then a clean inventory. */
  static List<Batch> relist(String cluster, KubeWorld.History history) {
    List<Slot> slots = new ArrayList<>();
    history.live().values().stream()
        .sorted(Comparator.comparing(o -> o.key().toString()))
        .forEach(
            o ->
                slots.add(
                    new Slot(
                        0,
                        message(
                            o.key(),
                            Events.envelope(cluster, o, Operation.UPSERT, Instant.EPOCH),
                            "relist " + o.key().kind().wireName() + " " + o.key().name()),
                        true)));
    slots.add(
        new Slot(1, inventory(cluster, history.lastRv(), history.live().keySet(), "final"), false));
    return batches(slots);
  }

  private static List<Batch> batches(List<Slot> slots) {
    List<Batch> batches = new ArrayList<>();
    List<Message> current = new ArrayList<>();
    Route route = null;
    boolean join = false;
    for (Slot slot : slots) {
      Route r = slot.message().route();
      if (!current.isEmpty() && (!join || r != route || current.size() >= 3)) {
        batches.add(new Batch(route, List.copyOf(current)));
        current.clear();
      }
      current.add(slot.message());
      route = r;
      join = slot.joinNext();
    }
    if (!current.isEmpty()) {
      batches.add(new Batch(route, List.copyOf(current)));
    }
    return batches;
  }

  private static Message event(String cluster, KubeWorld.Change c) {
    String label =
        c.op().name().toLowerCase() + " " + c.key().kind().wireName() + " " + c.key().name();
    label += " rv" + c.resourceVersion();
    String body;
    if (c.op() == Operation.UPSERT || c.withObject()) {
      body = Events.envelope(cluster, c.object(), c.op(), Instant.EPOCH);
    } else {
      body =
          Events.deleteEnvelope(
              cluster,
              c.key(),
              c.object().metadata().uid(),
              Long.toString(c.resourceVersion()),
              Instant.EPOCH);
      label += " (no object)";
    }
    return message(c.key(), body, label);
  }

  private static Message message(ObjectKey key, String body, String label) {
    Route route = key.kind() == Kind.ENDPOINT_SLICE ? Route.TARGETS : Route.RECONCILE;
    return new Message(route, body, label);
  }

  private static Message inventory(
      String cluster, long resourceVersion, Collection<ObjectKey> live, String label) {
    Map<Kind, List<ObjectKey>> keys = new TreeMap<>();
    INVENTORY_KINDS.forEach(k -> keys.put(k, new ArrayList<>()));
    live.forEach(k -> keys.get(k.kind()).add(k));
    String body =
        Events.inventory(
            cluster, Instant.parse("2026-11-22T00:00:00Z"), Long.toString(resourceVersion), keys);
    String names = live.stream().map(ObjectKey::name).sorted().collect(Collectors.joining(","));
    return new Message(
        Route.RECONCILE, body, "inventory" + label + " rv" + resourceVersion + " [" + names + "]");
  }
}
