package dev.lbr.state;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter;

/**
 * The one state table of a deployment (layout: {@code docs/state-table.md}). Several clusters may
 * share it: every partition key starts with the cluster name.
 */
public final class StateTable {

  /** Partition key (string). */
  public static final String PK = "pk";

  /** Sort key (string). */
  public static final String SK = "sk";

  /** TTL attribute: epoch seconds after which DynamoDB may delete the item. */
  public static final String EXPIRES_AT = "expiresAt";

  /**
   * A sparse, keys-only local secondary index on {@link #LSI1_SK}. EndpointSlices use it to be
   * found by Service; the base item is fetched by the query.
   */
  public static final String LSI1 = "lsi1";

  /** Sort key of {@link #LSI1} (string). */
  public static final String LSI1_SK = "lsi1sk";

  private static final Logger LOG = LoggerFactory.getLogger(StateTable.class);

  private StateTable() {}

  /**
   * Creates the table (on-demand capacity) unless it exists, waits until it is ACTIVE, and enables
   * TTL on {@link #EXPIRES_AT}. An endpoint that does not support TTL is logged and tolerated.
   *
   * @throws IllegalStateException if the table exists without {@link #LSI1}
   */
  public static void createIfMissing(DynamoDbClient ddb, String tableName) {
    TableDescription existing = describe(ddb, tableName);
    if (existing == null) {
      create(ddb, tableName);
    } else if (!existing.hasLocalSecondaryIndexes()
        || existing.localSecondaryIndexes().stream().noneMatch(i -> LSI1.equals(i.indexName()))) {
      throw new IllegalStateException(
          "table " + tableName + " exists but has no local index " + LSI1 + ": not a state table");
    }
    waitUntilActive(ddb, tableName);
    enableTtl(ddb, tableName);
  }

  private static TableDescription describe(DynamoDbClient ddb, String tableName) {
    try {
      return ddb.describeTable(b -> b.tableName(tableName)).table();
    } catch (ResourceNotFoundException e) {
      return null;
    }
  }

  private static void create(DynamoDbClient ddb, String tableName) {
    try {
      ddb.createTable(
          b ->
              b.tableName(tableName)
                  .billingMode(BillingMode.PAY_PER_REQUEST)
                  .attributeDefinitions(
                      stringAttribute(PK), stringAttribute(SK), stringAttribute(LSI1_SK))
                  .keySchema(key(PK, KeyType.HASH), key(SK, KeyType.RANGE))
                  .localSecondaryIndexes(
                      LocalSecondaryIndex.builder()
                          .indexName(LSI1)
                          .keySchema(key(PK, KeyType.HASH), key(LSI1_SK, KeyType.RANGE))
                          .projection(p -> p.projectionType(ProjectionType.ALL))
                          .build()));
      LOG.atInfo().addKeyValue("table", tableName).log("state-table-created");
    } catch (ResourceInUseException e) {
      // Someone else is creating it: wait for theirs.
    }
  }

  private static void waitUntilActive(DynamoDbClient ddb, String tableName) {
    try (DynamoDbWaiter waiter =
        DynamoDbWaiter.builder()
            .client(ddb)
            .overrideConfiguration(
                o ->
                    o.backoffStrategyV2(BackoffStrategy.fixedDelay(Duration.ofSeconds(1)))
                        .maxAttempts(300))
            .build()) {
      waiter
          .waitUntilTableExists(b -> b.tableName(tableName))
          .matched()
          .exception()
          .ifPresent(
              e -> {
                throw new IllegalStateException("table " + tableName + " did not become active", e);
              });
    }
  }

  private static void enableTtl(DynamoDbClient ddb, String tableName) {
    try {
      TimeToLiveStatus status =
          ddb.describeTimeToLive(b -> b.tableName(tableName))
              .timeToLiveDescription()
              .timeToLiveStatus();
      if (status == TimeToLiveStatus.ENABLED || status == TimeToLiveStatus.ENABLING) {
        return;
      }
      ddb.updateTimeToLive(
          b ->
              b.tableName(tableName)
                  .timeToLiveSpecification(t -> t.attributeName(EXPIRES_AT).enabled(true)));
    } catch (DynamoDbException | UnsupportedOperationException e) {
      LOG.atWarn()
          .addKeyValue("table", tableName)
          .addKeyValue("attribute", EXPIRES_AT)
          .addKeyValue("error", e.getMessage())
          .addKeyValue("note", "expired items will stay until deleted")
          .log("ttl-not-enabled");
    }
  }

  private static AttributeDefinition stringAttribute(String name) {
    return AttributeDefinition.builder()
        .attributeName(name)
        .attributeType(ScalarAttributeType.S)
        .build();
  }

  private static KeySchemaElement key(String name, KeyType type) {
    return KeySchemaElement.builder().attributeName(name).keyType(type).build();
  }
}
