package dev.lbr.state;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * One partition of the state table ({@code docs/state-table.md}): its items by sort key, with the
 * reads and writes the stores share. Reads are consistent. A write's condition or update expression
 * is the store's own, added to a request that already names the table and the item.
 */
record Partition(DynamoDbClient ddb, String table, String pk) {

  /** The cluster's partition {@code <cluster>#<name>} ({@link StateKeys#partition}). */
  static Partition of(DynamoDbClient ddb, String table, String cluster, String name) {
    return new Partition(ddb, table, StateKeys.partition(StateKeys.requireCluster(cluster), name));
  }

  Map<String, AttributeValue> key(String sk) {
    return StateKeys.key(pk, sk);
  }

  /** The item, or null when there is none. */
  Map<String, AttributeValue> get(String sk) {
    Map<String, AttributeValue> item =
        ddb.getItem(b -> b.tableName(table).key(key(sk)).consistentRead(true)).item();
    return item == null || item.isEmpty() ? null : item;
  }

  void put(Map<String, AttributeValue> item) {
    put(item, UnaryOperator.identity());
  }

  /** Writes the item with what {@code request} adds: a condition, its names and values. */
  void put(Map<String, AttributeValue> item, UnaryOperator<PutItemRequest.Builder> request) {
    ddb.putItem(b -> request.apply(b.tableName(table).item(item)));
  }

  void delete(String sk) {
    delete(sk, UnaryOperator.identity());
  }

  /** Deletes the item with what {@code request} adds: a condition, its names and values. */
  void delete(String sk, UnaryOperator<DeleteItemRequest.Builder> request) {
    ddb.deleteItem(b -> request.apply(b.tableName(table).key(key(sk))));
  }

  /** Updates the item as {@code request} says (its update expression, condition, names, values). */
  UpdateItemResponse update(String sk, UnaryOperator<UpdateItemRequest.Builder> request) {
    return ddb.updateItem(b -> request.apply(b.tableName(table).key(key(sk))));
  }

  /**
   * {@link #put} under the condition {@code request} adds: false, and nothing written, when the
   * condition fails.
   */
  boolean putIf(Map<String, AttributeValue> item, UnaryOperator<PutItemRequest.Builder> request) {
    return conditionally(() -> put(item, request));
  }

  /** {@link #update} under its condition: false, and nothing changed, when the condition fails. */
  boolean updateIf(String sk, UnaryOperator<UpdateItemRequest.Builder> request) {
    return conditionally(() -> update(sk, request));
  }

  /** {@link #delete} under its condition: false, and nothing deleted, when the condition fails. */
  boolean deleteIf(String sk, UnaryOperator<DeleteItemRequest.Builder> request) {
    return conditionally(() -> delete(sk, request));
  }

  private static boolean conditionally(Runnable write) {
    try {
      write.run();
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  /** Every item, in sort key order. */
  Stream<Map<String, AttributeValue>> items() {
    return query("#pk = :pk", Map.of(), Map.of(), UnaryOperator.identity());
  }

  /** The items whose sort key starts with {@code prefix}, in sort key order. */
  Stream<Map<String, AttributeValue>> itemsStartingWith(String prefix) {
    return query(
        "#pk = :pk AND begins_with(#sk, :prefix)",
        Map.of(),
        Map.of(":prefix", AttributeValue.fromS(prefix)),
        UnaryOperator.identity());
  }

  /**
   * The last {@code limit} items in sort key order (the newest of time-ordered keys), last first.
   */
  List<Map<String, AttributeValue>> newest(int limit) {
    return query("#pk = :pk", Map.of(), Map.of(), b -> b.scanIndexForward(false).limit(limit))
        .limit(limit)
        .toList();
  }

  /**
   * A consistent query of the partition, every page. {@code keyCondition} names the partition key
   * {@code #pk = :pk} (and the sort key as {@code #sk}); {@code names} and {@code values} are those
   * of the rest of the condition and of what {@code request} adds (a filter, a projection, an
   * index).
   */
  Stream<Map<String, AttributeValue>> query(
      String keyCondition,
      Map<String, String> names,
      Map<String, AttributeValue> values,
      UnaryOperator<QueryRequest.Builder> request) {
    Map<String, String> allNames = new HashMap<>(names);
    allNames.put("#pk", StateTable.PK);
    if (keyCondition.contains("#sk")) {
      allNames.put("#sk", StateTable.SK);
    }
    Map<String, AttributeValue> allValues = new HashMap<>(values);
    allValues.put(":pk", AttributeValue.fromS(pk));
    return ddb
        .queryPaginator(
            b ->
                request.apply(
                    b.tableName(table)
                        .consistentRead(true)
                        .keyConditionExpression(keyCondition)
                        .expressionAttributeNames(allNames)
                        .expressionAttributeValues(allValues)))
        .items()
        .stream();
  }

  /** The TTL attribute's value ({@link StateTable#EXPIRES_AT}): epoch seconds. */
  static AttributeValue expiresAt(Instant at) {
    return AttributeValue.fromN(Long.toString(at.getEpochSecond()));
  }
}
