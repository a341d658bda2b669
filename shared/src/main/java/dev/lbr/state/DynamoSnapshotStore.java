package dev.lbr.state;

import dev.lbr.k8s.K8sEndpointSlice;
import dev.lbr.k8s.K8sObject;
import dev.lbr.k8s.Kind;
import dev.lbr.k8s.ObjectKey;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
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

  private static final String NEWER_THAN_STORED = "attribute_not_exists(#pk) OR #rv < :rv";
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
    return put(SnapshotItems.live(partition(key.kind()), object, rv), NEWER_THAN_STORED, rv);
  }

  @Override
  public Outcome delete(ObjectKey key, String resourceVersion) {
    AttributeValue rv = SnapshotItems.resourceVersion(key, resourceVersion);
    var expiresAt = clock.instant().plus(TOMBSTONE_TTL);
    return put(
        SnapshotItems.tombstone(partition(key.kind()), key, rv, expiresAt), AT_LEAST_STORED, rv);
  }

  private Outcome put(Map<String, AttributeValue> item, String condition, AttributeValue rv) {
    try {
      ddb.putItem(
          b ->
              b.tableName(table)
                  .item(item)
                  .conditionExpression(condition)
                  .expressionAttributeNames(
                      Map.of("#pk", StateTable.PK, "#rv", SnapshotItems.RESOURCE_VERSION))
                  .expressionAttributeValues(Map.of(":rv", rv)));
      return Outcome.WRITTEN;
    } catch (ConditionalCheckFailedException e) {
      return Outcome.STALE;
    }
  }

  @Override
  public Optional<StoredObject> read(ObjectKey key) {
    var item =
        ddb.getItem(
                b ->
                    b.tableName(table)
                        .key(StateKeys.key(partition(key.kind()), StateKeys.object(key)))
                        .consistentRead(true))
            .item();
    return item == null || item.isEmpty()
        ? Optional.empty()
        : Optional.of(SnapshotItems.read(item));
  }

  @Override
  public List<K8sEndpointSlice> endpointSlices(String namespace, String serviceName) {
    return ddb
        .queryPaginator(
            b ->
                b.tableName(table)
                    .indexName(StateTable.LSI1)
                    .consistentRead(true)
                    .select(Select.ALL_ATTRIBUTES)
                    .keyConditionExpression("#pk = :pk AND begins_with(#lsk, :prefix)")
                    .expressionAttributeNames(
                        Map.of("#pk", StateTable.PK, "#lsk", StateTable.LSI1_SK))
                    .expressionAttributeValues(
                        Map.of(
                            ":pk", AttributeValue.fromS(partition(Kind.ENDPOINT_SLICE)),
                            ":prefix",
                                AttributeValue.fromS(
                                    StateKeys.servicePrefix(namespace, serviceName)))))
        .items()
        .stream()
        .map(SnapshotItems::read)
        .filter(stored -> !stored.deleted())
        .map(stored -> (K8sEndpointSlice) stored.object())
        .toList();
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
    names.put("#pk", StateTable.PK);
    names.put("#deleted", SnapshotItems.DELETED);
    if (keysOnly) {
      names.put("#sk", StateTable.SK);
    }
    return ddb
        .queryPaginator(
            b ->
                b.tableName(table)
                    .consistentRead(true)
                    .keyConditionExpression("#pk = :pk")
                    .filterExpression("attribute_not_exists(#deleted)")
                    .projectionExpression(keysOnly ? "#sk" : null)
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(
                        Map.of(":pk", AttributeValue.fromS(partition(kind)))))
        .items()
        .stream();
  }

  private String partition(Kind kind) {
    return StateKeys.objects(cluster, kind);
  }
}
