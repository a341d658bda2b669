package dev.lbr.testing;

import dev.lbr.aws.AwsClients;
import dev.lbr.emulator.MotoServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * The AWS endpoint integration tests run against, chosen by {@code LBR_TEST_ENDPOINT} (system
 * property first, then environment):
 *
 * <ul>
 *   <li>{@code moto} (default): one {@code moto_server} per test JVM, started on first use and
 *       stopped by a shutdown hook;
 *   <li>{@code localstack}: LocalStack through Testcontainers; needs a Docker engine and {@code
 *       LOCALSTACK_AUTH_TOKEN} (ELBv2 is in its paid image; {@code LBR_LOCALSTACK_IMAGE} overrides
 *       the image);
 *   <li>an {@code http(s)://} URL: used as is.
 * </ul>
 *
 * A test that needs the endpoint and cannot get it fails with the reason; it is never skipped.
 * {@link #reset()} empties moto completely; elsewhere it deletes the ELBv2 load balancers and
 * target groups carrying the {@code elbv2.k8s.aws/cluster} tag (whatever the cluster), which is
 * what the tests create. Never point this at a real account.
 */
public final class AwsEmulator {
  public static final String SWITCH = "LBR_TEST_ENDPOINT";
  static final String DEFAULT_REGION = "us-east-1";
  static final String DEFAULT_LOCALSTACK_IMAGE = "localstack/localstack-pro:4.9";

  private static Backend backend;

  private AwsEmulator() {}

  public static URI endpoint() {
    return backend().endpoint();
  }

  public static String region() {
    return backend().region();
  }

  /** Forgets what earlier tests created (see the class comment for what that means where). */
  public static void reset() {
    backend().reset();
  }

  /** New clients for the endpoint; the caller closes them. */
  public static AwsClients clients(ExecutionInterceptor... extra) {
    Backend b = backend();
    List<ExecutionInterceptor> interceptors = new ArrayList<>(List.of(extra));
    interceptors.addAll(MotoQuirks.noDelegatedPrefixes());
    return new AwsClients(new AwsClients.Config(b.endpoint(), b.region(), interceptors));
  }

  /** {@code moto}, {@code localstack} or the URL given. */
  public static String setting() {
    String value = System.getProperty(SWITCH);
    if (value == null || value.isBlank()) {
      value = System.getenv(SWITCH);
    }
    return value == null || value.isBlank() ? "moto" : value.trim();
  }

  private static synchronized Backend backend() {
    if (backend == null) {
      backend = start(setting());
    }
    return backend;
  }

  static Backend start(String setting) {
    if (setting.equalsIgnoreCase("moto")) {
      return new Moto(MotoServer.start());
    }
    if (setting.equalsIgnoreCase("localstack")) {
      return LocalStack.start();
    }
    if (setting.startsWith("http://") || setting.startsWith("https://")) {
      return new Url(URI.create(setting));
    }
    throw new IllegalStateException(
        SWITCH + "=" + setting + " is not understood: use moto, localstack or an http(s):// URL");
  }

  interface Backend {
    URI endpoint();

    String region();

    void reset();
  }

  private record Moto(MotoServer server) implements Backend {
    Moto {
      Runtime.getRuntime().addShutdownHook(new Thread(server::close, "moto-server-stop"));
    }

    @Override
    public URI endpoint() {
      return server.endpoint();
    }

    @Override
    public String region() {
      return DEFAULT_REGION;
    }

    @Override
    public void reset() {
      server.reset();
    }
  }

  private record LocalStack(LocalStackContainer container) implements Backend {
    static LocalStack start() {
      String token = System.getenv("LOCALSTACK_AUTH_TOKEN");
      if (token == null || token.isBlank()) {
        throw new IllegalStateException(
            SWITCH + "=localstack needs LOCALSTACK_AUTH_TOKEN (its images need an auth token)");
      }
      if (!DockerClientFactory.instance().isDockerAvailable()) {
        throw new IllegalStateException(
            SWITCH + "=localstack needs a Docker engine, and none is reachable from here");
      }
      String image = System.getenv().getOrDefault("LBR_LOCALSTACK_IMAGE", DEFAULT_LOCALSTACK_IMAGE);
      LocalStackContainer c =
          new LocalStackContainer(
                  DockerImageName.parse(image).asCompatibleSubstituteFor("localstack/localstack"))
              .withEnv("LOCALSTACK_AUTH_TOKEN", token);
      c.start();
      Runtime.getRuntime().addShutdownHook(new Thread(c::stop, "localstack-stop"));
      return new LocalStack(c);
    }

    @Override
    public URI endpoint() {
      return container.getEndpoint();
    }

    @Override
    public String region() {
      return container.getRegion();
    }

    @Override
    public void reset() {
      TaggedCleanup.run(endpoint(), region());
    }
  }

  /** Any endpoint: a moto elsewhere answers the reset API; anything else gets the tag cleanup. */
  private record Url(URI endpoint) implements Backend {
    @Override
    public String region() {
      String region = System.getenv("AWS_REGION");
      return region == null || region.isBlank() ? DEFAULT_REGION : region;
    }

    @Override
    public void reset() {
      if (!motoReset()) {
        TaggedCleanup.run(endpoint, region());
      }
    }

    private boolean motoReset() {
      try (HttpClient http = HttpClient.newHttpClient()) {
        HttpResponse<Void> r =
            http.send(
                HttpRequest.newBuilder(endpoint.resolve("/moto-api/reset"))
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build(),
                HttpResponse.BodyHandlers.discarding());
        return r.statusCode() == 200;
      } catch (Exception e) {
        return false;
      }
    }
  }
}
