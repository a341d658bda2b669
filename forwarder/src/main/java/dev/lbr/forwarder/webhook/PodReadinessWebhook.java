package dev.lbr.forwarder.webhook;

import dev.lbr.forwarder.publish.JsonLog;
import dev.lbr.forwarder.status.KubeRest;
import dev.lbr.k8s.K8sService;
import dev.lbr.k8s.K8sTargetGroupBinding;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The webhook on one replica (every replica runs it, leader or not): the {@link WebhookServer} on
 * {@code --webhook-port}, answering from a {@link dev.lbr.forwarder.kube.BindingCache}, with keys
 * {@link WebhookTls} refreshes every {@link #REFRESH} (every {@link #RETRY} until it has some).
 * Names: Service {@value #SERVICE} and Secret {@value #SECRET} in the forwarder's namespace,
 * MutatingWebhookConfiguration {@value #CONFIGURATION} (forwarder/deploy/40-webhook.yaml).
 */
public final class PodReadinessWebhook implements AutoCloseable {
  public static final String SERVICE = "lbr-webhook";
  public static final String SECRET = "lbr-webhook-tls";
  public static final String CONFIGURATION = "lbr-pod-readiness-gate";

  static final Duration REFRESH = Duration.ofMinutes(1);
  static final Duration RETRY = Duration.ofSeconds(5);

  /** The names the serving certificate is for: the Service's in-cluster DNS names. */
  public static List<String> dnsNames(String namespace) {
    String svc = SERVICE + "." + namespace + ".svc";
    return List.of(svc, svc + ".cluster.local");
  }

  /** What the webhook reads: the forwarder's {@code BindingCache}, or a fixed one in tests. */
  public interface Cache extends BindingLookup, AutoCloseable {
    void start();

    @Override
    void close();
  }

  private final Cache cache;
  private final WebhookTls tls;
  private final WebhookServer server;
  private final Clock clock;
  private final ScheduledExecutorService refresher =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "webhook-tls");
            t.setDaemon(true);
            return t;
          });
  private Instant nextRefresh = Instant.MIN;
  private int failures;

  /**
   * Starts the cache, loads (or creates) the keys once, then serves.
   *
   * @param leading whether this replica leads (it then rotates and writes the CA bundle)
   */
  public PodReadinessWebhook(
      int port,
      WebhookTls.Config config,
      KubeRest kube,
      Cache cache,
      BooleanSupplier leading,
      Clock clock)
      throws IOException {
    this.cache = cache;
    this.clock = clock;
    ServingKeys keys = new ServingKeys();
    this.tls = new WebhookTls(kube, config, keys, leading, clock);
    cache.start();
    server = new WebhookServer(port, keys, new AdmissionHandler(cache));
    refresher.scheduleWithFixedDelay(this::tick, 0, RETRY.toMillis(), TimeUnit.MILLISECONDS);
    JsonLog.info(
        "pod readiness gate webhook started",
        "port",
        server.port(),
        "secret",
        config.namespace() + "/" + config.secretName(),
        "certificates",
        config.managedExternally() ? "external" : "lbr");
  }

  /** Whether the caches have synced (until then, pods are admitted without gates). */
  public boolean synced() {
    return cache.synced();
  }

  public int port() {
    return server.port();
  }

  /** Refreshes the keys now (tests; the timer does it every minute). */
  public boolean refresh() {
    return tls.refresh();
  }

  private void tick() {
    Instant now = clock.instant();
    if (now.isBefore(nextRefresh)) {
      return;
    }
    try {
      boolean loaded = tls.refresh();
      failures = 0;
      nextRefresh = now.plus(loaded ? REFRESH : RETRY);
    } catch (RuntimeException e) {
      // 5s, 10s, 20s, 40s, then every minute: a cluster without the Secret's namespace or RBAC
      // (a local run) is reported without flooding the log.
      Duration wait = RETRY.multipliedBy(1L << Math.min(failures++, 4));
      nextRefresh = now.plus(wait.compareTo(REFRESH) > 0 ? REFRESH : wait);
      JsonLog.warn(
          "webhook certificates not refreshed",
          "error",
          JsonLog.describe(e),
          "retryIn",
          Duration.between(now, nextRefresh));
    }
  }

  @Override
  public void close() {
    refresher.shutdownNow();
    server.close();
    cache.close();
  }

  /** A {@link Cache} over the forwarder's {@link dev.lbr.forwarder.kube.BindingCache}. */
  public static Cache cache(dev.lbr.forwarder.kube.BindingCache bindings) {
    return new Cache() {
      @Override
      public void start() {
        bindings.start();
      }

      @Override
      public boolean synced() {
        return bindings.synced();
      }

      @Override
      public List<K8sTargetGroupBinding> bindings(String namespace) {
        return bindings.bindings(namespace);
      }

      @Override
      public Optional<K8sService> service(String namespace, String name) {
        return bindings.service(namespace, name);
      }

      @Override
      public void close() {
        bindings.close();
      }
    };
  }
}
