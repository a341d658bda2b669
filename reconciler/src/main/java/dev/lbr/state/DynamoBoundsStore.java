package dev.lbr.state;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@link BoundsStore} on the state table, partition {@code <cluster>#bounds}: {@code high-water}
 * ({@code rv}, a number) and one {@code deletes#<window start>} item per window ({@code count},
 * expiring a day after the window).
 */
public final class DynamoBoundsStore implements BoundsStore {
  static final String HIGH_WATER = "high-water";
  static final String DELETES_PREFIX = "deletes#";
  static final String RV = "rv";
  static final String COUNT = "count";

  private final Partition bounds;

  public DynamoBoundsStore(DynamoDbClient ddb, String table, String cluster) {
    this.bounds = Partition.of(ddb, table, cluster, "bounds");
  }

  @Override
  public Optional<String> highWater() {
    return Optional.ofNullable(get(HIGH_WATER).get(RV)).map(AttributeValue::n);
  }

  @Override
  public void raiseHighWater(String rv) {
    // refused when another instance accepted a newer version
    bounds.updateIf(
        HIGH_WATER,
        b ->
            b.updateExpression("SET #rv = :rv")
                .conditionExpression("attribute_not_exists(#rv) OR #rv < :rv")
                .expressionAttributeNames(Map.of("#rv", RV))
                .expressionAttributeValues(Map.of(":rv", AttributeValue.fromN(rv))));
  }

  @Override
  public boolean takeDeletion(Instant windowStart, Duration window, int limit) {
    if (limit <= 0) {
      return false;
    }
    long expires = windowStart.plus(window).plus(Duration.ofDays(1)).getEpochSecond();
    // refused when the window's budget is spent
    return bounds.updateIf(
        DELETES_PREFIX + windowStart,
        b ->
            b.updateExpression("ADD #count :one SET #exp = :exp")
                .conditionExpression("attribute_not_exists(#count) OR #count < :limit")
                .expressionAttributeNames(Map.of("#count", COUNT, "#exp", StateTable.EXPIRES_AT))
                .expressionAttributeValues(
                    Map.of(
                        ":one", AttributeValue.fromN("1"),
                        ":limit", AttributeValue.fromN(Integer.toString(limit)),
                        ":exp", AttributeValue.fromN(Long.toString(expires)))));
  }

  @Override
  public int deletionsTaken(Instant windowStart) {
    AttributeValue count = get(DELETES_PREFIX + windowStart).get(COUNT);
    return count == null ? 0 : Integer.parseInt(count.n());
  }

  private Map<String, AttributeValue> get(String sk) {
    var item = bounds.get(sk);
    return item == null ? Map.of() : item;
  }
}
