package dev.lbr.infra;

import dev.lbr.state.StateTable;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.LocalSecondaryIndexProps;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.ProjectionType;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.iam.AnyPrincipal;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;
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

  /**
   * The table's resource policy: every data write (item writes, batches, transactions, PartiQL) is
   * denied to every principal but {@code writerRoleArns} — the functions' roles and the operators'
   * roles of the {@code stateWriters} setting. An identity policy elsewhere in the account that
   * grants {@code dynamodb:*} cannot forge snapshots, leases or checkpoints. Reads stay governed by
   * identity policies alone. Control-plane calls (the policy itself, backups) are not data writes,
   * so an administrator can still change or remove this policy.
   */
  void denyWritesExcept(List<String> writerRoleArns) {
    table.addToResourcePolicy(
        PolicyStatement.Builder.create()
            .sid("OnlyLbrWritesState")
            .effect(Effect.DENY)
            .principals(List.of(new AnyPrincipal()))
            .actions(WRITES)
            .resources(List.of("*"))
            .conditions(Map.of("ArnNotEquals", Map.of("aws:PrincipalArn", writerRoleArns)))
            .build());
  }

  /** The DynamoDB actions that change items. */
  static final List<String> WRITES =
      List.of(
          "dynamodb:PutItem",
          "dynamodb:UpdateItem",
          "dynamodb:DeleteItem",
          "dynamodb:BatchWriteItem",
          "dynamodb:PartiQLInsert",
          "dynamodb:PartiQLUpdate",
          "dynamodb:PartiQLDelete");

  Table table() {
    return table;
  }

  private static Attribute attribute(String name) {
    return Attribute.builder().name(name).type(AttributeType.STRING).build();
  }
}
