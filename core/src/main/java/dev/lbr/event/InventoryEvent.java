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
 * The live keys of each kind the forwarder watches. A kind absent from {@code keys} was not
 * reported (say nothing about it); a kind present with no keys has no live objects.
 *
 * @param resourceVersion every reported kind's listing is complete up to this version (the
 *     forwarder sends the lowest of its informers' last-synced versions). An object created later
 *     has a newer version and may be missing from the lists without being deleted.
 * @param namespaces empty when the forwarder watches every namespace; otherwise the namespaces it
 *     watches, and the lists of namespaced kinds say nothing about objects in other namespaces
 */
public record InventoryEvent(
    String cluster,
    Instant generatedAt,
    String resourceVersion,
    Map<Kind, Set<ObjectKey>> keys,
    Set<String> namespaces)
    implements ClusterEvent {

  /** An inventory of every namespace. */
  public InventoryEvent(
      String cluster, Instant generatedAt, String resourceVersion, Map<Kind, Set<ObjectKey>> keys) {
    this(cluster, generatedAt, resourceVersion, keys, Set.of());
  }

  public InventoryEvent {
    namespaces = Set.copyOf(namespaces);
    Set<String> scope = namespaces;
    Objects.requireNonNull(cluster, "cluster");
    Objects.requireNonNull(generatedAt, "generatedAt");
    if (!ResourceVersion.isValid(resourceVersion)) {
      throw new IllegalArgumentException(
          "inventory resourceVersion must be digits, got '" + resourceVersion + "'");
    }
    var copy = new EnumMap<Kind, Set<ObjectKey>>(Kind.class);
    keys.forEach(
        (kind, set) -> {
          for (ObjectKey k : set) {
            if (k.kind() != kind) {
              throw new IllegalArgumentException(k + " listed under " + kind.wireName());
            }
            if (kind.namespaced() && !scope.isEmpty() && !scope.contains(k.namespace())) {
              throw new IllegalArgumentException(
                  k + " listed, but the inventory covers only namespaces " + scope);
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

  /** Whether the inventory would list this object if it were live. */
  public boolean covers(ObjectKey key) {
    return covers(key.kind())
        && (!key.kind().namespaced()
            || namespaces.isEmpty()
            || namespaces.contains(key.namespace()));
  }

  /** The live keys of a kind; empty when the kind is not covered. */
  public Set<ObjectKey> keysOf(Kind kind) {
    return keys.getOrDefault(kind, Set.of());
  }

  /**
   * Whether a stored live object was deleted unseen: its kind (and namespace) is reported, its key
   * is not listed, and its stored version is not newer than the inventory's (so the listing would
   * have shown it).
   */
  public boolean showsDeleted(ObjectKey key, String storedResourceVersion) {
    return covers(key)
        && !keysOf(key.kind()).contains(key)
        && ResourceVersion.compare(storedResourceVersion, resourceVersion) <= 0;
  }
}
