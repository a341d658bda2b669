package dev.lbr.state;

import dev.lbr.model.StackId;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@link DriftStore} on the state table ({@code docs/state-table.md}): orphan marks ({@code
 * orphan#<stack id>}) and the cursor ({@code cursor}) in {@code <cluster>#drift}; reports in {@code
 * <cluster>#drift-report}, one item per run, kept {@link #RETENTION}.
 */
public final class DynamoDriftStore implements DriftStore {
  public static final Duration RETENTION = Duration.ofDays(30);

  /** Well below the 400 KB item limit; a bigger report keeps its counts only. */
  static final int MAX_REPORT_BYTES = 300 * 1024;

  static final String ORPHAN_PREFIX = "orphan#";
  static final String CURSOR = "cursor";
  static final String FIRST_SEEN = "firstSeen";
  static final String AFTER = "after";
  static final String REPORT = "report";

  private final DynamoDbClient ddb;
  private final String table;
  private final String cluster;

  public DynamoDriftStore(DynamoDbClient ddb, String table, String cluster) {
    this.ddb = ddb;
    this.table = table;
    this.cluster = StateKeys.requireCluster(cluster);
  }

  @Override
  public Map<StackId, Instant> orphans() {
    Map<StackId, Instant> marks = new LinkedHashMap<>();
    ddb.queryPaginator(
            b ->
                b.tableName(table)
                    .consistentRead(true)
                    .keyConditionExpression("#pk = :pk AND begins_with(#sk, :prefix)")
                    .expressionAttributeNames(Map.of("#pk", StateTable.PK, "#sk", StateTable.SK))
                    .expressionAttributeValues(
                        Map.of(
                            ":pk", AttributeValue.fromS(StateKeys.drift(cluster)),
                            ":prefix", AttributeValue.fromS(ORPHAN_PREFIX))))
        .items()
        .forEach(
            item ->
                marks.put(
                    StackId.parse(item.get(StateTable.SK).s().substring(ORPHAN_PREFIX.length())),
                    Instant.parse(item.get(FIRST_SEEN).s())));
    return marks;
  }

  @Override
  public void markOrphan(StackId id, Instant firstSeen) {
    Map<String, AttributeValue> item = new HashMap<>(orphanKey(id));
    item.put(FIRST_SEEN, AttributeValue.fromS(firstSeen.toString()));
    try {
      ddb.putItem(
          b ->
              b.tableName(table)
                  .item(item)
                  .conditionExpression("attribute_not_exists(#pk)")
                  .expressionAttributeNames(Map.of("#pk", StateTable.PK)));
    } catch (software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException e) {
      // already marked: the first sighting stands
    }
  }

  @Override
  public void clearOrphan(StackId id) {
    ddb.deleteItem(b -> b.tableName(table).key(orphanKey(id)));
  }

  @Override
  public Optional<StackId> cursor() {
    var item = ddb.getItem(b -> b.tableName(table).consistentRead(true).key(cursorKey())).item();
    if (item == null || !item.containsKey(AFTER)) {
      return Optional.empty();
    }
    return Optional.of(StackId.parse(item.get(AFTER).s()));
  }

  @Override
  public void saveCursor(Optional<StackId> after) {
    if (after.isEmpty()) {
      ddb.deleteItem(b -> b.tableName(table).key(cursorKey()));
      return;
    }
    Map<String, AttributeValue> item = new HashMap<>(cursorKey());
    item.put(AFTER, AttributeValue.fromS(after.get().value()));
    ddb.putItem(b -> b.tableName(table).item(item));
  }

  @Override
  public void appendReport(Instant at, String reportJson, Map<String, Long> counts) {
    Map<String, AttributeValue> item =
        new HashMap<>(StateKeys.key(StateKeys.driftReports(cluster), StateKeys.timeOrdered(at)));
    boolean fits = reportJson.getBytes(StandardCharsets.UTF_8).length <= MAX_REPORT_BYTES;
    item.put(
        REPORT,
        AttributeValue.fromS(
            fits ? reportJson : "{\"truncated\":true,\"counts\":" + json(counts) + "}"));
    counts.forEach((name, n) -> item.put(name, AttributeValue.fromN(Long.toString(n))));
    item.put(
        StateTable.EXPIRES_AT,
        AttributeValue.fromN(Long.toString(at.plus(RETENTION).getEpochSecond())));
    ddb.putItem(b -> b.tableName(table).item(item));
  }

  @Override
  public List<String> recentReports(int limit) {
    if (limit <= 0) {
      return List.of();
    }
    return ddb
        .queryPaginator(
            b ->
                b.tableName(table)
                    .consistentRead(true)
                    .scanIndexForward(false)
                    .limit(limit)
                    .keyConditionExpression("#pk = :pk")
                    .expressionAttributeNames(Map.of("#pk", StateTable.PK))
                    .expressionAttributeValues(
                        Map.of(":pk", AttributeValue.fromS(StateKeys.driftReports(cluster)))))
        .items()
        .stream()
        .limit(limit)
        .map(item -> item.get(REPORT).s())
        .toList();
  }

  private static String json(Map<String, Long> counts) {
    StringBuilder s = new StringBuilder("{");
    counts.forEach(
        (k, v) ->
            s.append(s.length() > 1 ? "," : "").append('"').append(k).append("\":").append(v));
    return s.append('}').toString();
  }

  private Map<String, AttributeValue> orphanKey(StackId id) {
    return StateKeys.key(StateKeys.drift(cluster), ORPHAN_PREFIX + id.value());
  }

  private Map<String, AttributeValue> cursorKey() {
    return StateKeys.key(StateKeys.drift(cluster), CURSOR);
  }
}
