package dev.lbr.testing;

import dev.lbr.aws.AwsClients;
import dev.lbr.state.StateTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

/**
 * DynamoDB Local as a server on a local port (in memory), one per test JVM, started on first use:
 * for tests that need real HTTP between the SDK and DynamoDB (a dropped reply, see {@link
 * ReplyDropper}). Everything else uses the embedded {@link DynamoDbLocal}.
 */
public final class DynamoDbLocalServer {

  private DynamoDbLocalServer() {}

  public static URI endpoint() {
    return Holder.ENDPOINT;
  }

  /** A client as production builds one ({@link AwsClients}: its HTTP client and retries). */
  public static DynamoDbClient client(URI endpoint) {
    return new AwsClients(new AwsClients.Config(endpoint, "us-east-1", List.of())).dynamodb();
  }

  /** Creates a new, uniquely named state table through {@code client} and returns its name. */
  public static String freshTable(DynamoDbClient client) {
    String name = "lbr-test-" + UUID.randomUUID();
    StateTable.createIfMissing(client, name);
    return name;
  }

  private static final class Holder {
    static final URI ENDPOINT = start();

    private static URI start() {
      try {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
          port = probe.getLocalPort();
        }
        DynamoDBProxyServer server =
            ServerRunner.createServerFromCommandLineArgs(
                new String[] {"-inMemory", "-port", Integer.toString(port)});
        server.start();
        return URI.create("http://127.0.0.1:" + port);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (Exception e) {
        throw new IllegalStateException("DynamoDB Local did not start as a server", e);
      }
    }
  }
}
