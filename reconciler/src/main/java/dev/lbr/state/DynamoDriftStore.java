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

  /** Orphan marks and the cursor. */
  private final Partition drift;

  /** The reports, by time. */
  private final Partition reports;

  public DynamoDriftStore(DynamoDbClient ddb, String table, String cluster) {
    this.drift = Partition.of(ddb, table, cluster, "drift");
    this.reports = Partition.of(ddb, table, cluster, "drift-report");
  }

  @Override
  public Map<StackId, Instant> orphans() {
    Map<StackId, Instant> marks = new LinkedHashMap<>();
    drift
        .itemsStartingWith(ORPHAN_PREFIX)
        .forEach(
            item ->
                marks.put(
                    StackId.parse(item.get(StateTable.SK).s().substring(ORPHAN_PREFIX.length())),
                    Instant.parse(item.get(FIRST_SEEN).s())));
    return marks;
  }

  @Override
  public void markOrphan(StackId id, Instant firstSeen) {
    Map<String, AttributeValue> item = new HashMap<>(drift.key(ORPHAN_PREFIX + id.value()));
    item.put(FIRST_SEEN, AttributeValue.fromS(firstSeen.toString()));
    // refused when already marked: the first sighting stands
    drift.putIf(
        item,
        b ->
            b.conditionExpression("attribute_not_exists(#pk)")
                .expressionAttributeNames(Map.of("#pk", StateTable.PK)));
  }

  @Override
  public void clearOrphan(StackId id) {
    drift.delete(ORPHAN_PREFIX + id.value());
  }

  @Override
  public Optional<StackId> cursor() {
    var item = drift.get(CURSOR);
    if (item == null || !item.containsKey(AFTER)) {
      return Optional.empty();
    }
    return Optional.of(StackId.parse(item.get(AFTER).s()));
  }

  @Override
  public void saveCursor(Optional<StackId> after) {
    if (after.isEmpty()) {
      drift.delete(CURSOR);
      return;
    }
    Map<String, AttributeValue> item = new HashMap<>(drift.key(CURSOR));
    item.put(AFTER, AttributeValue.fromS(after.get().value()));
    drift.put(item);
  }

  @Override
  public void appendReport(Instant at, String reportJson, Map<String, Long> counts) {
    Map<String, AttributeValue> item = new HashMap<>(reports.key(StateKeys.timeOrdered(at)));
    boolean fits = reportJson.getBytes(StandardCharsets.UTF_8).length <= MAX_REPORT_BYTES;
    item.put(
        REPORT,
        AttributeValue.fromS(
            fits ? reportJson : "{\"truncated\":true,\"counts\":" + json(counts) + "}"));
    counts.forEach((name, n) -> item.put(name, AttributeValue.fromN(Long.toString(n))));
    item.put(StateTable.EXPIRES_AT, Partition.expiresAt(at.plus(RETENTION)));
    reports.put(item);
  }

  @Override
  public List<String> recentReports(int limit) {
    if (limit <= 0) {
      return List.of();
    }
    return reports.newest(limit).stream().map(item -> item.get(REPORT).s()).toList();
  }

  private static String json(Map<String, Long> counts) {
    StringBuilder s = new StringBuilder("{");
    counts.forEach(
        (k, v) ->
            s.append(s.length() > 1 ? "," : "").append('"').append(k).append("\":").append(v));
    return s.append('}').toString();
  }
}
