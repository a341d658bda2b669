package dev.lbr.state;

import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The cluster's partition of the state table, one store per kind of item (docs/state-table.md).
 * Composed by each entry point and handed to what needs it; nothing looks a store up.
 */
public record Stores(
    SnapshotStore snapshots,
    CheckpointStore checkpoints,
    HistoryStore history,
    DriftStore drift,
    BoundsStore bounds,
    LeaseStore leases,
    NetworkStore network,
    BackendIndex backends,
    HealthCheckStore healthChecks) {

  /** The stores of {@code cluster} in DynamoDB table {@code table}. */
  public static Stores dynamo(DynamoDbClient dynamo, String table, String cluster, Clock clock) {
    return new Stores(
        new DynamoSnapshotStore(dynamo, table, cluster, clock),
        new DynamoCheckpointStore(dynamo, table, cluster),
        new DynamoHistoryStore(dynamo, table, cluster),
        new DynamoDriftStore(dynamo, table, cluster),
        new DynamoBoundsStore(dynamo, table, cluster),
        new DynamoLeaseStore(dynamo, table, cluster, clock),
        new DynamoNetworkStore(dynamo, table, cluster),
        new DynamoBackendIndex(dynamo, table, cluster),
        new DynamoHealthCheckStore(dynamo, table, cluster));
  }
}
