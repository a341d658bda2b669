package dev.lbr.state;

import dev.lbr.k8s.K8sEndpointSlice;
import dev.lbr.k8s.K8sObject;
import dev.lbr.k8s.Kind;
import dev.lbr.k8s.ObjectKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * Object snapshots of one cluster on the state table. One partition per kind, one item per object
 * keyed by {@code <namespace>/<name>}, so a delete needs only the key. Live EndpointSlices also
 * carry {@code <namespace>/<service>/<name>} in the sparse local index, so a Service's slices are
 * one strongly consistent Query.
 */
public final class DynamoSnapshotStore implements SnapshotStore {

  /** How long a tombstone keeps rejecting older events before DynamoDB may expire it. */
  public static final Duration TOMBSTONE_TTL = Duration.ofHours(24);

  /** Newer, or the stored version is marked suspect (it cannot be real). */
  private static final String NEWER_THAN_STORED =
      "attribute_not_exists(#pk) OR #rv < :rv OR #suspect = :yes";

  /** ... or the stored tombstone is of another uid: a re-created object gets a new one. */
  private static final String NEWER_OR_RECREATED =
      NEWER_THAN_STORED + " OR (#deleted = :yes AND attribute_exists(#uid) AND #uid <> :uid)";

  private static final String AT_LEAST_STORED = "attribute_not_exists(#pk) OR #rv <= :rv";

  private final DynamoDbClient ddb;
  private final String table;
  private final String cluster;
  private final Clock clock;

  public DynamoSnapshotStore(DynamoDbClient ddb, String table, String cluster) {
    this(ddb, table, cluster, Clock.systemUTC());
  }

  /** {@code clock} dates tombstones. */
  public DynamoSnapshotStore(DynamoDbClient ddb, String table, String cluster, Clock clock) {
    this.ddb = ddb;
    this.table = table;
    this.cluster = StateKeys.requireCluster(cluster);
    this.clock = clock;
  }

  @Override
  public Outcome upsert(K8sObject object) {
    ObjectKey key = object.key();
    AttributeValue rv = SnapshotItems.resourceVersion(key, object.metadata().resourceVersion());
    Partition partition = partition(key.kind());
    var item = SnapshotItems.live(partition.pk(), object, rv, clock.instant());
    Map<String, String> names = names("#suspect", SnapshotItems.SUSPECT);
    Map<String, AttributeValue> values = new HashMap<>(Map.of(":rv", rv, ":yes", YES));
    String uid = object.metadata().uid();
    if (uid == null || uid.isEmpty()) {
      return put(partition, item, NEWER_THAN_STORED, names, values);
    }
    names.put("#deleted", SnapshotItems.DELETED);
    names.put("#uid", SnapshotItems.UID);
    values.put(":uid", AttributeValue.fromS(uid));
    return put(partition, item, NEWER_OR_RECREATED, names, values);
  }

  @Override
  public Outcome delete(ObjectKey key, String resourceVersion) {
    return delete(key, resourceVersion, null);
  }

  @Override
  public Outcome delete(ObjectKey key, String resourceVersion, String uid) {
    AttributeValue rv = SnapshotItems.resourceVersion(key, resourceVersion);
    var now = clock.instant();
    Partition partition = partition(key.kind());
    var item = SnapshotItems.tombstone(partition.pk(), key, rv, uid, now, now.plus(TOMBSTONE_TTL));
    return put(partition, item, AT_LEAST_STORED, names(), new HashMap<>(Map.of(":rv", rv)));
  }

  private static final AttributeValue YES = AttributeValue.fromBool(true);

  private static Map<String, String> names(String... more) {
    Map<String, String> names = new HashMap<>();
    names.put("#pk", StateTable.PK);
    names.put("#rv", SnapshotItems.RESOURCE_VERSION);
    for (int i = 0; i < more.length; i += 2) {
      names.put(more[i], more[i + 1]);
    }
    return names;
  }

  private static Outcome put(
      Partition partition,
      Map<String, AttributeValue> item,
      String condition,
      Map<String, String> names,
      Map<String, AttributeValue> values) {
    boolean written =
        partition.putIf(
            item,
            b ->
                b.conditionExpression(condition)
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values));
    return written ? Outcome.WRITTEN : Outcome.STALE;
  }

  @Override
  public boolean markProvisional(ObjectKey key, String storedRv, String inventoryRv, Instant at) {
    return update(
        key,
        storedRv,
        "SET #since = :since, #irv = :irv",
        " AND attribute_not_exists(#deleted)",
        names(
            "#since",
            SnapshotItems.PROVISIONAL_SINCE,
            "#irv",
            SnapshotItems.PROVISIONAL_RV,
            "#deleted",
            SnapshotItems.DELETED),
        Map.of(
            ":since", AttributeValue.fromS(at.toString()),
            ":irv", SnapshotItems.resourceVersion(key, inventoryRv)));
  }

  @Override
  public boolean clearProvisional(ObjectKey key, String storedRv) {
    return update(
        key,
        storedRv,
        "REMOVE #since, #irv",
        "",
        names("#since", SnapshotItems.PROVISIONAL_SINCE, "#irv", SnapshotItems.PROVISIONAL_RV),
        Map.of());
  }

  @Override
  public boolean markSuspect(ObjectKey key, String storedRv) {
    return update(
        key,
        storedRv,
        "SET #suspect = :yes",
        "",
        names("#suspect", SnapshotItems.SUSPECT),
        Map.of(":yes", YES));
  }

  /** An update of the stored record, only if its version is still {@code storedRv}. */
  private boolean update(
      ObjectKey key,
      String storedRv,
      String expression,
      String andCondition,
      Map<String, String> names,
      Map<String, AttributeValue> values) {
    Map<String, AttributeValue> all = new HashMap<>(values);
    all.put(":rv", SnapshotItems.resourceVersion(key, storedRv));
    return partition(key.kind())
        .updateIf(
            StateKeys.object(key),
            b ->
                b.updateExpression(expression)
                    .conditionExpression("attribute_exists(#pk) AND #rv = :rv" + andCondition)
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(all));
  }

  @Override
  public Optional<StoredObject> read(ObjectKey key) {
    return Optional.ofNullable(partition(key.kind()).get(StateKeys.object(key)))
        .map(SnapshotItems::read);
  }

  @Override
  public List<K8sEndpointSlice> endpointSlices(String namespace, String serviceName) {
    return partition(Kind.ENDPOINT_SLICE)
        .query(
            "#pk = :pk AND begins_with(#lsk, :prefix)",
            Map.of("#lsk", StateTable.LSI1_SK),
            Map.of(
                ":prefix", AttributeValue.fromS(StateKeys.servicePrefix(namespace, serviceName))),
            b -> b.indexName(StateTable.LSI1).select(Select.ALL_ATTRIBUTES))
        .map(SnapshotItems::read)
        .filter(stored -> !stored.deleted())
        .map(stored -> (K8sEndpointSlice) stored.object())
        .toList();
  }

  @Override
  public List<StoredObject> provisional(Kind kind) {
    return query(kind, "attribute_exists(#f)", SnapshotItems.PROVISIONAL_SINCE)
        .map(SnapshotItems::read)
        .toList();
  }

  @Override
  public List<StoredObject> records(Kind kind) {
    return query(kind, null, null).map(SnapshotItems::read).toList();
  }

  private Stream<Map<String, AttributeValue>> query(Kind kind, String filter, String attribute) {
    return partition(kind)
        .query(
            "#pk = :pk",
            attribute == null ? Map.of() : Map.of("#f", attribute),
            Map.of(),
            b -> b.filterExpression(filter));
  }

  @Override
  public List<ObjectKey> liveKeys(Kind kind) {
    return live(kind, true)
        .map(item -> StateKeys.objectKey(kind, item.get(StateTable.SK).s()))
        .toList();
  }

  @Override
  public List<K8sObject> liveObjects(Kind kind) {
    return live(kind, false).map(SnapshotItems::read).map(StoredObject::object).toList();
  }

  /**
   * The live (not tombstoned) items of the kind, every page; only their keys if {@code keysOnly}.
   */
  private Stream<Map<String, AttributeValue>> live(Kind kind, boolean keysOnly) {
    Map<String, String> names = new HashMap<>();
    names.put("#deleted", SnapshotItems.DELETED);
    if (keysOnly) {
      names.put("#sk", StateTable.SK);
    }
    return partition(kind)
        .query(
            "#pk = :pk",
            names,
            Map.of(),
            b ->
                b.filterExpression("attribute_not_exists(#deleted)")
                    .projectionExpression(keysOnly ? "#sk" : null));
  }

  private Partition partition(Kind kind) {
    return new Partition(ddb, table, StateKeys.objects(cluster, kind));
  }
}
