package dev.lbr.state;

import dev.lbr.k8s.K8sEndpointSlice;
import dev.lbr.k8s.K8sObject;
import dev.lbr.k8s.Kind;
import dev.lbr.k8s.ObjectKey;
import java.util.List;
import java.util.Optional;

/**
 * The latest projection of every object of one cluster. Writes are conditional on the
 * resourceVersion (compared as a number), so duplicated or reordered events never move state
 * backwards. Deletions leave a tombstone carrying their resourceVersion.
 */
public interface SnapshotStore {

  enum Outcome {
    WRITTEN,
    /** The stored version is as new or newer: nothing changed. */
    STALE
  }

  /**
   * Stores the object if its resourceVersion is greater than the stored one (or none is stored).
   */
  Outcome upsert(K8sObject object);

  /**
   * Replaces the object with a tombstone if {@code resourceVersion} is at least the stored one. The
   * key alone must be enough (a delete event may carry no object).
   */
  Outcome delete(ObjectKey key, String resourceVersion);

  /** The stored record, tombstones included. */
  Optional<StoredObject> read(ObjectKey key);

  /** The live object, empty if absent or deleted. */
  default Optional<K8sObject> get(ObjectKey key) {
    return read(key).filter(r -> !r.deleted()).map(StoredObject::object);
  }

  /** The live EndpointSlices labelled for the Service {@code namespace/serviceName}. */
  List<K8sEndpointSlice> endpointSlices(String namespace, String serviceName);

  /** The keys of every live object of the kind. */
  List<ObjectKey> liveKeys(Kind kind);

  /** Every live object of the kind (one paged Query). */
  List<K8sObject> liveObjects(Kind kind);

  /** A stored record. {@code object} is null for a tombstone. */
  record StoredObject(ObjectKey key, String resourceVersion, boolean deleted, K8sObject object) {}
}
