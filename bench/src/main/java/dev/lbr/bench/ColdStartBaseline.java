package dev.lbr.bench;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.lbr.state.StateTable;
import java.util.Map;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The cold-start baseline: a function that only builds one SDK client (DynamoDB, on the HTTP client
 * the functions use, everything else from the environment as in Lambda) and makes one call (a
 * GetItem of a key nobody writes). Run from the functions' task directory, where {@link
 * ColdStartBenchmark} puts this class, so it loads the same SDK classes from the same place.
 */
public final class ColdStartBaseline implements RequestHandler<Map<String, Object>, String> {
  private final DynamoDbClient dynamo =
      DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()).build();

  @Override
  public String handleRequest(Map<String, Object> event, Context context) {
    dynamo.getItem(
        r ->
            r.tableName(System.getenv("STATE_TABLE"))
                .key(
                    Map.of(
                        StateTable.PK, AttributeValue.fromS("baseline"),
                        StateTable.SK, AttributeValue.fromS("baseline"))));
    return "ok";
  }
}
