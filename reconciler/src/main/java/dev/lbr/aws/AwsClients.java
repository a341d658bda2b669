package dev.lbr.aws;

import java.net.URI;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.acm.AcmClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The SDK clients of one account and region, sharing one HTTP client. Built lazily, so a function
 * that only talks to ELBv2 never builds the others. Close it to release them.
 */
public final class AwsClients implements AutoCloseable {

  /**
   * Where to talk to. {@code endpoint} null means the real AWS (default credential and region
   * chains); otherwise an emulator or a custom endpoint, where dummy credentials are used unless
   * the environment provides some. {@code region} null means the default region chain (or {@code
   * us-east-1} for an endpoint override).
   */
  public record Config(URI endpoint, String region, List<ExecutionInterceptor> interceptors) {
    public Config {
      interceptors = interceptors == null ? List.of() : List.copyOf(interceptors);
    }

    public static Config aws() {
      return new Config(null, null, List.of());
    }

    public static Config endpoint(URI endpoint, String region) {
      return new Config(endpoint, region, List.of());
    }
  }

  static final String EMULATOR_DEFAULT_REGION = "us-east-1";

  private final Config config;
  private final Region region;
  private final AwsCredentialsProvider credentials;
  private final SdkHttpClient http = UrlConnectionHttpClient.builder().build();
  private final Lazy<ElasticLoadBalancingV2Client> elbv2;
  private final Lazy<Ec2Client> ec2;
  private final Lazy<AcmClient> acm;
  private final Lazy<EksClient> eks;
  private final Lazy<DynamoDbClient> dynamodb;
  private final Lazy<SqsClient> sqs;

  public AwsClients(Config config) {
    this.config = config;
    this.region = resolveRegion(config);
    this.credentials = resolveCredentials(config);
    this.elbv2 = new Lazy<>(() -> configure(ElasticLoadBalancingV2Client.builder()).build());
    this.ec2 = new Lazy<>(() -> configure(Ec2Client.builder()).build());
    this.acm = new Lazy<>(() -> configure(AcmClient.builder()).build());
    this.eks = new Lazy<>(() -> configure(EksClient.builder()).build());
    this.dynamodb = new Lazy<>(() -> configure(DynamoDbClient.builder()).build());
    this.sqs = new Lazy<>(() -> configure(SqsClient.builder()).build());
  }

  public ElasticLoadBalancingV2Client elbv2() {
    return elbv2.get();
  }

  public Ec2Client ec2() {
    return ec2.get();
  }

  public EksClient eks() {
    return eks.get();
  }

  public AcmClient acm() {
    return acm.get();
  }

  public DynamoDbClient dynamodb() {
    return dynamodb.get();
  }

  /** The status queue's client (stack results). */
  public SqsClient sqs() {
    return sqs.get();
  }

  public Region region() {
    return region;
  }

  public Config config() {
    return config;
  }

  /**
   * A builder of a client this class does not hold ({@code lbr serve}'s SQS and EventBridge) set up
   * as these: region, credentials, endpoint, interceptors, the shared HTTP client. Close the built
   * client before this.
   */
  public <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(B builder) {
    builder
        .region(region)
        .credentialsProvider(credentials)
        .httpClient(http)
        .overrideConfiguration(o -> o.executionInterceptors(config.interceptors()));
    if (config.endpoint() != null) {
      builder.endpointOverride(config.endpoint());
    }
    return builder;
  }

  private static Region resolveRegion(Config config) {
    if (config.region() != null) {
      return Region.of(config.region());
    }
    try {
      return DefaultAwsRegionProviderChain.builder().build().getRegion();
    } catch (SdkClientException noRegionConfigured) {
      if (config.endpoint() == null) {
        throw noRegionConfigured;
      }
      return Region.of(EMULATOR_DEFAULT_REGION);
    }
  }

  private static AwsCredentialsProvider resolveCredentials(Config config) {
    if (config.endpoint() != null && !credentialsInEnvironment()) {
      return StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
    }
    return DefaultCredentialsProvider.builder().build();
  }

  private static boolean credentialsInEnvironment() {
    return Stream.of(
                "AWS_ACCESS_KEY_ID",
                "AWS_PROFILE",
                "AWS_WEB_IDENTITY_TOKEN_FILE",
                "AWS_CONTAINER_CREDENTIALS_FULL_URI",
                "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI")
            .anyMatch(name -> notBlank(System.getenv(name)))
        || notBlank(System.getProperty("aws.accessKeyId"));
  }

  private static boolean notBlank(String s) {
    return s != null && !s.isBlank();
  }

  @Override
  public void close() {
    elbv2.closeIfBuilt();
    ec2.closeIfBuilt();
    acm.closeIfBuilt();
    eks.closeIfBuilt();
    dynamodb.closeIfBuilt();
    sqs.closeIfBuilt();
    http.close();
  }

  /** A client built on first use. */
  private static final class Lazy<T extends AutoCloseable> {
    private final Supplier<T> factory;
    private T value;

    Lazy(Supplier<T> factory) {
      this.factory = factory;
    }

    synchronized T get() {
      if (value == null) {
        value = factory.get();
      }
      return value;
    }

    synchronized void closeIfBuilt() {
      if (value != null) {
        try {
          value.close();
        } catch (Exception e) {
          // closing an SDK client does not fail in practice; nothing to do if it does
        }
        value = null;
      }
    }
  }
}
