package dev.lbr.state;

import dev.lbr.k8s.K8sEndpointSlice;
import dev.lbr.k8s.K8sObject;
import dev.lbr.k8s.Kind;
import dev.lbr.k8s.ObjectKey;
import java.time.Instant;
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

  /**
   * As {@link #delete(ObjectKey, String)}, the tombstone remembering the deleted object's uid: an
   * upsert of another uid (the object re-created) replaces it whatever the versions, so a delete
   * with a forged version cannot block re-creation.
   */
  default Outcome delete(ObjectKey key, String resourceVersion, String uid) {
    return delete(key, resourceVersion);
  }

  /**
   * Marks a live object as provisionally deleted by an inventory that was refused on the event path
   * ({@code docs/operations.md}): it stays live for every reader and the next upsert replaces it;
   * the drift run confirms it after the grace period. Conditional on the stored version still being
   * {@code storedRv}; false if it changed.
   */
  boolean markProvisional(ObjectKey key, String storedRv, String inventoryRv, Instant at);

  /** Removes a provisional mark (a later inventory lists the object again). */
  boolean clearProvisional(ObjectKey key, String storedRv);

  /**
   * Marks a record (live or tombstone) whose version cannot be real: the next upsert replaces it
   * whatever its version. Conditional on the stored version still being {@code storedRv}.
   */
  boolean markSuspect(ObjectKey key, String storedRv);

  /** The provisionally deleted objects of the kind. */
  List<StoredObject> provisional(Kind kind);

  /** Every record of the kind, tombstones included, with their marks (one paged Query). */
  List<StoredObject> records(Kind kind);

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
  record StoredObject(
      ObjectKey key, String resourceVersion, boolean deleted, K8sObject object, Marks marks) {
    public StoredObject(ObjectKey key, String resourceVersion, boolean deleted, K8sObject object) {
      this(key, resourceVersion, deleted, object, Marks.NONE);
    }

    /** The object's uid: the live object's, or the one a tombstone remembers; empty if unknown. */
    public String uid() {
      String uid = object != null ? object.metadata().uid() : marks.uid();
      return uid == null ? "" : uid;
    }
  }

  /**
   * What the store knows about a record besides the object.
   *
   * @param uid a tombstone's deleted uid (live records carry theirs in the object); null if unknown
   * @param storedAt when the record was written; null for records written before it was kept
   * @param provisionalSince when a refused inventory marked the object deleted; null if not
   * @param provisionalRv the refused inventory's resourceVersion
   * @param suspect its version cannot be real: the next upsert replaces it
   */
  record Marks(
      String uid,
      Instant storedAt,
      Instant provisionalSince,
      String provisionalRv,
      boolean suspect) {
    public static final Marks NONE = new Marks(null, null, null, null, false);

    public boolean provisional() {
      return provisionalSince != null;
    }
  }
}
