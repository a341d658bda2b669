package dev.lbr.testing;

import dev.lbr.state.StateTable;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.dynamodb.services.local.embedded.DynamoDBEmbedded;

/**
 * One embedded DynamoDB Local per test JVM, started on first use. Tests isolate themselves with
 * {@link #freshTable()} rather than sharing tables.
 */
public final class DynamoDbLocal {

  private DynamoDbLocal() {}

  /** The shared client of the embedded DynamoDB Local. Never close it. */
  public static DynamoDbClient client() {
    return Holder.CLIENT;
  }

  /** Creates a new, uniquely named state table and returns its name. */
  public static String freshTable() {
    String name = "lbr-test-" + UUID.randomUUID();
    StateTable.createIfMissing(client(), name);
    return name;
  }

  /** Initialization-on-demand holder: lazy, and thread-safe through class initialization. */
  private static final class Holder {
    static final DynamoDbClient CLIENT = DynamoDBEmbedded.create().dynamoDbClient();
  }
}
