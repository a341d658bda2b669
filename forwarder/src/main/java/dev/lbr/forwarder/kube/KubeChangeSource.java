package dev.lbr.forwarder.kube;

import dev.lbr.forwarder.ChangeSink;
import dev.lbr.forwarder.ChangeSource;
import dev.lbr.forwarder.ForwarderOptions;
import dev.lbr.forwarder.publish.JsonLog;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.ClientBuilder;
import io.kubernetes.client.util.KubeConfig;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The Kubernetes side of the forwarder: informers run only on the replica holding the Lease {@code
 * lbr-forwarder} in the pod's namespace ({@code POD_NAMESPACE}, else {@code lbr-system}), identity
 * {@code POD_NAME} (else {@code HOSTNAME}, else a random one). The API client comes from {@code
 * --kubeconfig}, else the in-cluster service account, with no read timeout (watches).
 */
public final class KubeChangeSource implements ChangeSource {

  static final String LEASE_NAME = "lbr-forwarder";

  private final Map<String, String> env;
  private final Consumer<String> log;
  private LeaderForwarding forwarding;
  private volatile KubeInformers current;

  public KubeChangeSource() {
    this(System.getenv(), problem -> JsonLog.warn(problem));
  }

  KubeChangeSource(Map<String, String> env, Consumer<String> log) {
    this.env = env;
    this.log = log;
  }

  @Override
  public synchronized void start(ForwarderOptions options, ChangeSink sink) throws IOException {
    ApiClient client = apiClient(options).setReadTimeout(0);
    String identity =
        firstOf(env.get("POD_NAME"), env.get("HOSTNAME"), "forwarder-" + UUID.randomUUID());
    LeaseElector.Config config =
        new LeaseElector.Config(
            firstOf(env.get("POD_NAMESPACE"), "lbr-system"),
            LEASE_NAME,
            identity,
            options.leaseDuration(),
            options.leaseRetry());
    forwarding =
        new LeaderForwarding(
            client,
            config,
            () -> {
              current =
                  new KubeInformers(
                      client,
                      sink,
                      options.inventoryPeriod(),
                      Set.copyOf(options.namespaces()),
                      log);
              return current;
            },
            log);
    forwarding.start();
  }

  /**
   * A standby replica is ready; the leader while every informer has synced and none is failing (its
   * last list or watch failed), so /readyz turns 503 while a kind cannot be watched.
   */
  @Override
  public boolean ready() {
    LeaderForwarding f = forwarding;
    KubeInformers informers = current;
    return f != null && (!f.isLeader() || (informers != null && informers.healthy()));
  }

  @Override
  public boolean leading() {
    LeaderForwarding f = forwarding;
    return f != null && f.isLeader();
  }

  @Override
  public synchronized void close() {
    if (forwarding != null) {
      forwarding.close();
    }
  }

  /** A new client for {@code --kubeconfig}, else the in-cluster service account. */
  public static ApiClient apiClient(ForwarderOptions options) throws IOException {
    if (options.kubeconfig().isPresent()) {
      try (Reader reader = Files.newBufferedReader(Path.of(options.kubeconfig().get()))) {
        return ClientBuilder.kubeconfig(KubeConfig.loadKubeConfig(reader)).build();
      }
    }
    return ClientBuilder.cluster().build();
  }

  private static String firstOf(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v;
      }
    }
    throw new IllegalArgumentException("no value");
  }
}
