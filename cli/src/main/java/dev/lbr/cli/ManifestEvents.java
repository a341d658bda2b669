package dev.lbr.cli;

import dev.lbr.event.Events;
import dev.lbr.event.InvalidEventException;
import dev.lbr.event.Operation;
import dev.lbr.k8s.Json;
import dev.lbr.k8s.K8sObject;
import dev.lbr.k8s.Kind;
import dev.lbr.k8s.ObjectKey;
import dev.lbr.k8s.ObjectMeta;
import dev.lbr.state.SnapshotStore;
import dev.lbr.state.SnapshotStore.StoredObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns manifests into the events an API server and the forwarder would have sent, given what the
 * state already holds. {@code lbr} plays the API server for hand-written manifests: a missing uid
 * is derived by {@link ManifestIdentity}, and a changed object gets a resourceVersion above the
 * stored one, as the API server would give.
 */
final class ManifestEvents {
  private ManifestEvents() {}

  /** The upserts of the input, and the objects refused (with why): no event could hold them. */
  record Upserts(List<String> envelopes, List<String> refused) {}

  /**
   * An upsert per object. An object whose event cannot be built (over the event size limit, or
   * otherwise invalid) is refused alone; the others still get theirs.
   */
  static Upserts upserts(
      String cluster, List<K8sObject> objects, SnapshotStore store, Instant now) {
    List<String> envelopes = new ArrayList<>();
    List<String> refused = new ArrayList<>();
    for (K8sObject object : objects) {
      Optional<StoredObject> stored = store.read(object.key());
      try {
        envelopes.add(
            Events.envelope(cluster, versioned(cluster, object, stored), Operation.UPSERT, now));
      } catch (InvalidEventException e) {
        refused.add(object.key() + ": " + e.problem());
      }
    }
    return new Upserts(envelopes, refused);
  }

  /** A delete per live stored object that the input ({@code objects}) does not hold. */
  static List<String> deletions(
      String cluster, List<K8sObject> objects, SnapshotStore store, Instant now) {
    Set<ObjectKey> present = new HashSet<>();
    objects.forEach(o -> present.add(o.key()));
    List<String> envelopes = new ArrayList<>();
    for (Kind kind : Kind.values()) {
      for (ObjectKey key : store.liveKeys(kind)) {
        if (!present.contains(key)) {
          StoredObject stored = store.read(key).orElseThrow();
          envelopes.add(
              Events.deleteEnvelope(
                  cluster,
                  key,
                  stored.object().metadata().uid(),
                  Long.toString(Long.parseLong(stored.resourceVersion()) + 1),
                  now));
        }
      }
    }
    return envelopes;
  }

  private static K8sObject versioned(
      String cluster, K8sObject object, Optional<StoredObject> stored) {
    ObjectMeta meta = ManifestIdentity.identified(cluster, object).metadata();
    K8sObject candidate = object.withMetadata(meta.withResourceVersion(null));
    long storedRv = stored.map(s -> Long.parseLong(s.resourceVersion())).orElse(0L);
    boolean unchanged =
        stored.isPresent()
            && !stored.get().deleted()
            && sameContent(stored.get().object(), candidate);
    String rv;
    if (unchanged) {
      rv = stored.get().resourceVersion();
    } else {
      long manifestRv = parse(object.metadata().resourceVersion());
      rv = Long.toString(Math.max(manifestRv, storedRv + 1));
    }
    return candidate.withMetadata(candidate.metadata().withResourceVersion(rv));
  }

  private static boolean sameContent(K8sObject stored, K8sObject candidate) {
    K8sObject a = stored.withMetadata(stored.metadata().withResourceVersion(null));
    return Json.mapper().valueToTree(a).equals(Json.mapper().valueToTree(candidate));
  }

  private static long parse(String rv) {
    if (rv == null || rv.isEmpty()) {
      return 0;
    }
    try {
      return Long.parseLong(rv);
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
