package dev.lbr.infra;

import dev.lbr.state.StateTable;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.LocalSecondaryIndexProps;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.ProjectionType;
import software.amazon.awscdk.services.dynamodb.Table;
import software.constructs.Construct;

/**
 * The state table, declared exactly as {@link StateTable#createIfMissing} creates it (key names and
 * the local index come from its constants): on demand, point-in-time recovery, TTL on {@code
 * expiresAt} (tombstones, leases, history), kept when the stack is deleted.
 */
final class StateStore extends Construct {
  private final Table table;

  StateStore(Construct scope, String id) {
    super(scope, id);
    table =
        Table.Builder.create(this, "Table")
            .partitionKey(attribute(StateTable.PK))
            .sortKey(attribute(StateTable.SK))
            .billingMode(BillingMode.PAY_PER_REQUEST)
            .pointInTimeRecoverySpecification(
                PointInTimeRecoverySpecification.builder().pointInTimeRecoveryEnabled(true).build())
            .timeToLiveAttribute(StateTable.EXPIRES_AT)
            .removalPolicy(RemovalPolicy.RETAIN)
            .build();
    table.addLocalSecondaryIndex(
        LocalSecondaryIndexProps.builder()
            .indexName(StateTable.LSI1)
            .sortKey(attribute(StateTable.LSI1_SK))
            .projectionType(ProjectionType.ALL)
            .build());
  }

  Table table() {
    return table;
  }

  private static Attribute attribute(String name) {
    return Attribute.builder().name(name).type(AttributeType.STRING).build();
  }
}
