package dev.lbr.state;

import dev.lbr.model.StackId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * Stack checkpoints of one cluster on the state table: one partition per cluster, one item per
 * stack keyed by its id. Writes are conditional on the stored {@code version}.
 *
 * <p>No table means no checkpoints: reads of a table that does not exist (yet) find nothing, so
 * {@code lbr plan} and {@code describe} work before the first apply creates it. Writes still fail.
 *
 * <p>An item is limited to 400 KB: about 20,000 tracked IPv4 targets (9,000 IPv6) per stack, far
 * above ELBv2's own target quotas. A bigger checkpoint is refused before it is sent.
 */
public final class DynamoCheckpointStore implements CheckpointStore {

  private final Partition checkpoints;

  public DynamoCheckpointStore(DynamoDbClient ddb, String table, String cluster) {
    this.checkpoints = Partition.of(ddb, table, cluster, "checkpoint");
  }

  @Override
  public Optional<Checkpoint> get(StackId id) {
    Map<String, AttributeValue> item;
    try {
      item = checkpoints.get(id.value());
    } catch (ResourceNotFoundException noTable) {
      return Optional.empty();
    }
    return Optional.ofNullable(item).map(CheckpointItems::read);
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException if the version is negative or the item would exceed 400 KB
   */
  @Override
  public Checkpoint put(Checkpoint checkpoint) {
    long expected = checkpoint.version();
    if (expected < 0) {
      throw new IllegalArgumentException(
          "checkpoint of " + checkpoint.stackId() + " has a negative version " + expected);
    }
    var item =
        CheckpointItems.item(
            checkpoints.key(checkpoint.stackId().value()), checkpoint, expected + 1);
    long size = ItemSize.of(item);
    if (size > ItemSize.LIMIT) {
      throw new IllegalArgumentException(
          "checkpoint of "
              + checkpoint.stackId()
              + " would take about "
              + size
              + " bytes; a DynamoDB item stops at "
              + ItemSize.LIMIT);
    }
    // Absent counts as version 0; stored versions start at 1.
    String condition = expected == 0 ? "attribute_not_exists(#v)" : "#v = :v";
    Map<String, AttributeValue> values =
        expected == 0 ? null : Map.of(":v", AttributeValue.fromN(Long.toString(expected)));
    if (!checkpoints.putIf(
        item,
        b ->
            b.conditionExpression(condition)
                .expressionAttributeNames(Map.of("#v", CheckpointItems.VERSION))
                .expressionAttributeValues(values))) {
      throw conflict(checkpoint.stackId(), expected);
    }
    return checkpoint.withVersion(expected + 1);
  }

  /**
   * {@inheritDoc} An absent checkpoint is already deleted (nothing happens).
   *
   * @throws ConcurrentUpdateException if the stored version is another one
   */
  @Override
  public void delete(StackId id, long expectedVersion) {
    if (!checkpoints.deleteIf(
        id.value(),
        b ->
            b.conditionExpression("attribute_not_exists(#pk) OR #v = :v")
                .expressionAttributeNames(
                    Map.of("#pk", StateTable.PK, "#v", CheckpointItems.VERSION))
                .expressionAttributeValues(
                    Map.of(":v", AttributeValue.fromN(Long.toString(expectedVersion)))))) {
      throw conflict(id, expectedVersion);
    }
  }

  @Override
  public List<Checkpoint> list() {
    try {
      return checkpoints.items().map(CheckpointItems::read).toList();
    } catch (ResourceNotFoundException noTable) {
      return List.of();
    }
  }

  private static ConcurrentUpdateException conflict(StackId id, long expected) {
    return new ConcurrentUpdateException(
        "checkpoint of " + id + " is no longer at version " + expected + ": someone else wrote it");
  }
}
