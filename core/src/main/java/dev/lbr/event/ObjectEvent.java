package dev.lbr.event;

import dev.lbr.k8s.K8sObject;
import dev.lbr.k8s.ObjectKey;
import java.util.Objects;
import java.util.Optional;

/**
 * One object changed: it was created or updated ({@link Operation#UPSERT}, {@code object} present)
 * or deleted ({@link Operation#DELETE}, {@code object} is the last known state or null).
 *
 * @param uid the object's uid; empty when the sender did not know it
 * @param resourceVersion digits; compare with {@link ResourceVersion#compare}
 * @param object the projection, its metadata carrying {@code resourceVersion}; null only for a
 *     delete sent without the object
 */
public record ObjectEvent(
    String cluster,
    ObjectKey key,
    Operation op,
    String uid,
    String resourceVersion,
    K8sObject object)
    implements ClusterEvent {

  public ObjectEvent {
    Objects.requireNonNull(cluster, "cluster");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(op, "op");
    uid = uid == null ? "" : uid;
    if (!ResourceVersion.isValid(resourceVersion)) {
      throw new IllegalArgumentException(
          key + ": resourceVersion must be digits, got '" + resourceVersion + "'");
    }
    if (op == Operation.UPSERT && object == null) {
      throw new IllegalArgumentException(key + ": an upsert carries the object");
    }
    if (object != null && !object.key().equals(key)) {
      throw new IllegalArgumentException(key + ": the object is " + object.key());
    }
  }

  /** The object, when the event carries one (always for an upsert). */
  public Optional<K8sObject> objectIfPresent() {
    return Optional.ofNullable(object);
  }
}
