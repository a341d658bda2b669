package dev.lbr.forwarder.publish;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/**
 * The forwarder's SDK clients. With an endpoint override (an emulator) and no credentials in the
 * environment, dummy credentials are used, as {@code dev.lbr.aws.AwsClients} does. The EventBridge
 * client's own retries are off: {@link EventBridgePublisher} retries with its own backoff, per
 * entry.
 */
public final class EventBridgeClients {
  private EventBridgeClients() {}

  public static EventBridgeClient create(URI endpoint, String region) {
    return at(
            EventBridgeClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(o -> o.retryStrategy(r -> r.maxAttempts(1))),
            endpoint,
            region)
        .build();
  }

  /** {@code --endpoint} and {@code --region} applied to any client's builder. */
  public static <B extends AwsClientBuilder<B, ?>> B at(B builder, URI endpoint, String region) {
    if (region != null) {
      builder.region(Region.of(region));
    } else if (endpoint != null) {
      builder.region(Region.US_EAST_1);
    }
    if (endpoint != null) {
      builder.endpointOverride(endpoint);
      boolean envCredentials =
          System.getenv("AWS_ACCESS_KEY_ID") != null
              || System.getenv("AWS_PROFILE") != null
              || System.getenv("AWS_WEB_IDENTITY_TOKEN_FILE") != null;
      builder.credentialsProvider(
          envCredentials
              ? DefaultCredentialsProvider.builder().build()
              : StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")));
    }
    return builder;
  }
}
