package dev.lbr.state;

import dev.lbr.event.ResourceVersion;
import dev.lbr.k8s.K8sEndpointSlice;
import dev.lbr.k8s.K8sObject;
import dev.lbr.k8s.Kind;
import dev.lbr.k8s.ObjectKey;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * A snapshot store held in memory, with the same newer-only rules as the DynamoDB one. {@code lbr
 * plan} loads the manifests into one to build stacks exactly as the reconciler would, without
 * writing anything.
 */
public final class MemorySnapshotStore implements SnapshotStore {
  private final Map<String, StoredObject> objects = new TreeMap<>();

  public static MemorySnapshotStore of(Collection<? extends K8sObject> objects) {
    MemorySnapshotStore store = new MemorySnapshotStore();
    objects.forEach(store::upsert);
    return store;
  }

  @Override
  public Outcome upsert(K8sObject object) {
    ObjectKey key = object.key();
    String rv = object.metadata().resourceVersion();
    if (!newer(key, rv, object.metadata().uid())) {
      return Outcome.STALE;
    }
    objects.put(id(key), new StoredObject(key, rv, false, object));
    return Outcome.WRITTEN;
  }

  @Override
  public Outcome delete(ObjectKey key, String resourceVersion) {
    return delete(key, resourceVersion, null);
  }

  @Override
  public Outcome delete(ObjectKey key, String resourceVersion, String uid) {
    StoredObject stored = objects.get(id(key));
    if (stored != null && ResourceVersion.compare(resourceVersion, stored.resourceVersion()) < 0) {
      return Outcome.STALE;
    }
    Marks marks =
        uid == null || uid.isEmpty() ? Marks.NONE : new Marks(uid, null, null, null, false);
    objects.put(id(key), new StoredObject(key, resourceVersion, true, null, marks));
    return Outcome.WRITTEN;
  }

  @Override
  public boolean markProvisional(ObjectKey key, String storedRv, String inventoryRv, Instant at) {
    return mark(key, storedRv, m -> new Marks(m.uid(), m.storedAt(), at, inventoryRv, m.suspect()));
  }

  @Override
  public boolean clearProvisional(ObjectKey key, String storedRv) {
    return mark(key, storedRv, m -> new Marks(m.uid(), m.storedAt(), null, null, m.suspect()));
  }

  @Override
  public boolean markSuspect(ObjectKey key, String storedRv) {
    return mark(
        key,
        storedRv,
        m -> new Marks(m.uid(), m.storedAt(), m.provisionalSince(), m.provisionalRv(), true));
  }

  private boolean mark(ObjectKey key, String storedRv, UnaryOperator<Marks> change) {
    StoredObject s = objects.get(id(key));
    if (s == null || !storedRv.equals(s.resourceVersion())) {
      return false;
    }
    objects.put(
        id(key),
        new StoredObject(
            key, s.resourceVersion(), s.deleted(), s.object(), change.apply(s.marks())));
    return true;
  }

  @Override
  public List<StoredObject> provisional(Kind kind) {
    return records(kind).stream().filter(r -> r.marks().provisional()).toList();
  }

  @Override
  public List<StoredObject> records(Kind kind) {
    return objects.values().stream().filter(o -> o.key().kind() == kind).toList();
  }

  @Override
  public Optional<StoredObject> read(ObjectKey key) {
    return Optional.ofNullable(objects.get(id(key)));
  }

  @Override
  public List<K8sEndpointSlice> endpointSlices(String namespace, String serviceName) {
    return liveObjects(Kind.ENDPOINT_SLICE).stream()
        .map(K8sEndpointSlice.class::cast)
        .filter(s -> namespace.equals(s.metadata().namespace()))
        .filter(s -> serviceName.equals(s.serviceName()))
        .toList();
  }

  @Override
  public List<ObjectKey> liveKeys(Kind kind) {
    return liveObjects(kind).stream().map(K8sObject::key).toList();
  }

  @Override
  public List<K8sObject> liveObjects(Kind kind) {
    return objects.values().stream()
        .filter(o -> !o.deleted() && o.key().kind() == kind)
        .map(StoredObject::object)
        .toList();
  }

  /** A tombstone of another known uid is replaced: the object was re-created. */
  private static boolean recreated(StoredObject tombstone, String uid) {
    return uid != null
        && !uid.isEmpty()
        && !tombstone.uid().isEmpty()
        && !uid.equals(tombstone.uid());
  }

  private boolean newer(ObjectKey key, String rv, String uid) {
    StoredObject stored = objects.get(id(key));
    // hand-written manifests may carry no resourceVersion: the later document wins
    return stored == null
        || stored.marks().suspect()
        || (stored.deleted() && recreated(stored, uid))
        || rv == null
        || stored.resourceVersion() == null
        || ResourceVersion.isNewer(rv, stored.resourceVersion());
  }

  private static String id(ObjectKey key) {
    return key.kind().wireName() + "#" + key.namespace() + "/" + key.name();
  }
}
