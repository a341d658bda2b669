package dev.lbr.state;

import dev.lbr.model.StackId;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@link HealthCheckStore} on the state table, partition {@code <cluster>#health}: one item per
 * stack with a pending check, {@code due} (epoch milliseconds), expiring an hour after it.
 */
public final class DynamoHealthCheckStore implements HealthCheckStore {
  static final String DUE = "due";

  /** A pending check this late was lost (its message dead-lettered): a new chain may start. */
  static final Duration LOST_AFTER = Duration.ofMinutes(5);

  private final Partition checks;

  public DynamoHealthCheckStore(DynamoDbClient ddb, String table, String cluster) {
    this.checks = Partition.of(ddb, table, cluster, "health");
  }

  @Override
  public boolean claim(StackId stack, Instant due, Instant now) {
    return checks.putIf(
        item(stack, due),
        b ->
            b.conditionExpression("attribute_not_exists(#due) OR #due < :lost")
                .expressionAttributeNames(Map.of("#due", DUE))
                .expressionAttributeValues(Map.of(":lost", millis(now.minus(LOST_AFTER)))));
  }

  @Override
  public void reschedule(StackId stack, Instant due) {
    checks.put(item(stack, due));
  }

  @Override
  public void release(StackId stack) {
    checks.delete(stack.toString());
  }

  private Map<String, AttributeValue> item(StackId stack, Instant due) {
    Map<String, AttributeValue> item = new java.util.HashMap<>(checks.key(stack.toString()));
    item.put(DUE, millis(due));
    item.put(StateTable.EXPIRES_AT, Partition.expiresAt(due.plus(Duration.ofHours(1))));
    return item;
  }

  private static AttributeValue millis(Instant at) {
    return AttributeValue.fromN(Long.toString(at.toEpochMilli()));
  }
}
