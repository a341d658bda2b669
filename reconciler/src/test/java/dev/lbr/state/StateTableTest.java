package dev.lbr.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lbr.testing.DynamoDbLocal;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

class StateTableTest {
  private final DynamoDbClient ddb = DynamoDbLocal.client();

  @Test
  void aFreshTableIsActiveWithTimeToLiveOnExpiresAt() {
    String table = DynamoDbLocal.freshTable();

    var description = ddb.describeTable(b -> b.tableName(table)).table();
    assertThat(description.tableStatus()).isEqualTo(TableStatus.ACTIVE);
    assertThat(description.localSecondaryIndexes())
        .extracting(i -> i.indexName())
        .containsExactly(StateTable.LSI1);
    var ttl = ddb.describeTimeToLive(b -> b.tableName(table)).timeToLiveDescription();
    assertThat(ttl.timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED);
    assertThat(ttl.attributeName()).isEqualTo(StateTable.EXPIRES_AT);
  }

  @Test
  void creatingAnExistingTableAgainIsHarmless() {
    String table = DynamoDbLocal.freshTable();

    StateTable.createIfMissing(ddb, table);

    assertThat(ddb.describeTable(b -> b.tableName(table)).table().tableStatus())
        .isEqualTo(TableStatus.ACTIVE);
  }

  @Test
  void anExistingTableOfAnotherShapeIsRefused() {
    String table = "not-state-" + UUID.randomUUID();
    ddb.createTable(
        b ->
            b.tableName(table)
                .billingMode("PAY_PER_REQUEST")
                .attributeDefinitions(
                    AttributeDefinition.builder()
                        .attributeName(StateTable.PK)
                        .attributeType(ScalarAttributeType.S)
                        .build())
                .keySchema(
                    KeySchemaElement.builder()
                        .attributeName(StateTable.PK)
                        .keyType(KeyType.HASH)
                        .build()));

    assertThatThrownBy(() -> StateTable.createIfMissing(ddb, table))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(table);
  }

  @Test
  void anEndpointWithoutTimeToLiveStillGetsItsTable() {
    String table = "no-ttl-" + UUID.randomUUID();

    StateTable.createIfMissing(withoutTimeToLive(ddb), table);

    assertThat(ddb.describeTable(b -> b.tableName(table)).table().tableStatus())
        .isEqualTo(TableStatus.ACTIVE);
  }

  /** The client, except that the TTL operations fail as on an endpoint that lacks them. */
  private static DynamoDbClient withoutTimeToLive(DynamoDbClient delegate) {
    return (DynamoDbClient)
        Proxy.newProxyInstance(
            DynamoDbClient.class.getClassLoader(),
            new Class<?>[] {DynamoDbClient.class},
            (proxy, method, args) -> {
              if (method.getName().endsWith("TimeToLive")) {
                throw DynamoDbException.builder()
                    .message("UnknownOperationException")
                    .statusCode(400)
                    .build();
              }
              try {
                return method.invoke(delegate, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }
}
