package dev.lbr.state;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.lbr.k8s.Json;
import dev.lbr.model.Permission;
import dev.lbr.model.StackId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * {@link NetworkStore} as one item per cluster ({@code <cluster>#network}, sort key {@code rules}):
 * a map attribute {@code stacks} (stack id → JSON of its share), a number {@code version}, and
 * {@code applied} (JSON) with {@code appliedVersion}. A share is set with one UpdateItem of its map
 * entry, so stacks never overwrite each other's shares.
 */
public final class DynamoNetworkStore implements NetworkStore {
  private static final String SORT_KEY = "rules";
  private static final String STACKS = "stacks";
  private static final String VERSION = "version";
  private static final String APPLIED = "applied";
  private static final String APPLIED_VERSION = "appliedVersion";
  private static final TypeReference<Map<String, List<Permission>>> RULES =
      new TypeReference<>() {};

  private final Partition network;

  public DynamoNetworkStore(DynamoDbClient ddb, String table, String cluster) {
    this.network = Partition.of(ddb, table, cluster, "network");
  }

  @Override
  public ClusterRules get() {
    Map<String, AttributeValue> item;
    try {
      item = network.get(SORT_KEY);
    } catch (ResourceNotFoundException noTable) {
      return ClusterRules.EMPTY;
    }
    if (item == null) {
      return ClusterRules.EMPTY;
    }
    Map<String, StackRules> stacks = new LinkedHashMap<>();
    AttributeValue m = item.get(STACKS);
    if (m != null && m.hasM()) {
      m.m().forEach((id, v) -> stacks.put(id, Json.read(v.s(), StackRules.class)));
    }
    return new ClusterRules(
        stacks, number(item, VERSION), applied(item), number(item, APPLIED_VERSION));
  }

  @Override
  public void putStack(StackId id, StackRules rules) {
    Map<String, String> names = Map.of("#s", STACKS, "#id", id.value(), "#v", VERSION);
    if (rules.isEmpty()) {
      // refused when there are no shares at all: nothing to remove
      network.updateIf(
          SORT_KEY,
          b ->
              b.updateExpression("REMOVE #s.#id ADD #v :one")
                  .conditionExpression("attribute_exists(#s)")
                  .expressionAttributeNames(names)
                  .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"))));
      return;
    }
    AttributeValue json = AttributeValue.fromS(Json.write(rules));
    for (int attempt = 0; ; attempt++) {
      try {
        network.update(
            SORT_KEY,
            b ->
                b.updateExpression("SET #s.#id = :r ADD #v :one")
                    .conditionExpression("attribute_exists(#s)")
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(
                        Map.of(":r", json, ":one", AttributeValue.fromN("1"))));
        return;
      } catch (ConditionalCheckFailedException noItem) {
        if (attempt > 0) {
          throw noItem;
        }
      }
      try {
        // the first share of the cluster: create the map (unless someone else just did)
        network.update(
            SORT_KEY,
            b ->
                b.updateExpression("SET #s = :m ADD #v :one")
                    .conditionExpression("attribute_not_exists(#s)")
                    .expressionAttributeNames(Map.of("#s", STACKS, "#v", VERSION))
                    .expressionAttributeValues(
                        Map.of(
                            ":m",
                            AttributeValue.fromM(Map.of(id.value(), json)),
                            ":one",
                            AttributeValue.fromN("1"))));
        return;
      } catch (ConditionalCheckFailedException created) {
        // created meanwhile: set our entry in it
      }
    }
  }

  @Override
  public boolean putApplied(long version, Map<String, List<Permission>> applied) {
    // refused when the version changed
    return network.updateIf(
        SORT_KEY,
        b ->
            b.updateExpression("SET #a = :a, #av = :v")
                .conditionExpression(
                    version == 0 ? "attribute_not_exists(#v) OR #v = :v" : "#v = :v")
                .expressionAttributeNames(
                    Map.of("#a", APPLIED, "#av", APPLIED_VERSION, "#v", VERSION))
                .expressionAttributeValues(
                    Map.of(
                        ":a",
                        AttributeValue.fromS(Json.write(applied)),
                        ":v",
                        AttributeValue.fromN(Long.toString(version)))));
  }

  private static long number(Map<String, AttributeValue> item, String name) {
    AttributeValue v = item.get(name);
    return v == null || v.n() == null ? 0 : Long.parseLong(v.n());
  }

  private static Map<String, List<Permission>> applied(Map<String, AttributeValue> item) {
    AttributeValue v = item.get(APPLIED);
    if (v == null || v.s() == null) {
      return Map.of();
    }
    try {
      JsonNode tree = Json.mapper().readTree(v.s());
      return Json.mapper().convertValue(tree, RULES);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
