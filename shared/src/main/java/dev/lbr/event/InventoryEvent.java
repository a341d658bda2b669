package dev.lbr.event;

import dev.lbr.k8s.Kind;
import dev.lbr.k8s.ObjectKey;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The live keys of each kind the forwarder watches, at {@code generatedAt}. A kind absent from
 * {@code keys} was not reported (say nothing about it); a kind present with no keys has no live
 * objects. A stored object of a reported kind that is missing here was deleted while nobody
 * listened.
 */
public record InventoryEvent(String cluster, Instant generatedAt, Map<Kind, Set<ObjectKey>> keys)
    implements ClusterEvent {

  public InventoryEvent {
    Objects.requireNonNull(cluster, "cluster");
    Objects.requireNonNull(generatedAt, "generatedAt");
    var copy = new EnumMap<Kind, Set<ObjectKey>>(Kind.class);
    keys.forEach(
        (kind, set) -> {
          for (ObjectKey k : set) {
            if (k.kind() != kind) {
              throw new IllegalArgumentException(k + " listed under " + kind.wireName());
            }
          }
          copy.put(kind, Set.copyOf(set));
        });
    keys = Collections.unmodifiableMap(copy);
  }

  /** Whether the inventory reports this kind (if not, nothing can be concluded about it). */
  public boolean covers(Kind kind) {
    return keys.containsKey(kind);
  }

  /** The live keys of a kind; empty when the kind is not covered. */
  public Set<ObjectKey> keysOf(Kind kind) {
    return keys.getOrDefault(kind, Set.of());
  }
}
