package dev.lbr.forwarder;

import dev.lbr.forwarder.publish.Backoff;
import dev.lbr.forwarder.publish.Coalescer;
import dev.lbr.forwarder.publish.EventBridgeClients;
import dev.lbr.forwarder.publish.EventBridgePublisher;
import dev.lbr.forwarder.publish.EventPublisher;
import dev.lbr.forwarder.publish.ForwarderMetrics;
import dev.lbr.forwarder.publish.JsonLog;
import dev.lbr.forwarder.publish.OpsServer;
import dev.lbr.forwarder.publish.StdoutPublisher;
import dev.lbr.forwarder.status.FinalizerRemover;
import dev.lbr.forwarder.status.KubeRest;
import dev.lbr.forwarder.status.StatusWriteback;
import dev.lbr.forwarder.webhook.PodReadinessWebhook;
import dev.lbr.forwarder.webhook.WebhookTls;
import io.kubernetes.client.openapi.ApiClient;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/**
 * {@code java -jar forwarder.jar}: options → coalescer → publisher (EventBridge or stdout), the ops
 * endpoints, and the Kubernetes side through {@link ChangeSource} ({@link #changeSource}, the hook
 * where the informers are plugged in); with {@code --status-queue}, the write-back of stack results
 * while the source leads. On shutdown the informers stop first, then the write-back, then
 * everything pending is flushed. {@code --remove-finalizers} only removes lbr's finalizers. {@link
 * #main} also runs the pod readiness gate webhook ({@code --webhook-port}, {@link #webhook}) on
 * every replica; /readyz then also waits for its caches.
 */
public final class Forwarder implements AutoCloseable {

  /** The informers on the cluster (kubeconfig or in-cluster), behind a Lease-based election. */
  static ChangeSource changeSource() {
    return new dev.lbr.forwarder.kube.KubeChangeSource();
  }

  private final ForwarderOptions options;
  private final ChangeSource source;
  private final ForwarderMetrics metrics;
  private final Coalescer coalescer;
  private final EventBridgeClient client;
  private final ScheduledExecutorService ticker;
  private final OpsServer ops;
  private final StatusWriteback writeback;
  private final PodReadinessWebhook webhook;

  /** Starts the webhook for a forwarder: {@link #webhook} in the cluster, none in most tests. */
  @FunctionalInterface
  interface WebhookStarter {
    PodReadinessWebhook start(ForwarderOptions options, ChangeSource source) throws IOException;
  }

  /**
   * The pod readiness gate webhook on {@code --webhook-port} (null when 0), on every replica: its
   * own informers on Services and TargetGroupBindings, its keys in the Secret lbr-webhook-tls of
   * the pod's namespace ({@code POD_NAMESPACE}, else lbr-system), rotated by the leader.
   */
  static PodReadinessWebhook webhook(ForwarderOptions options, ChangeSource source)
      throws IOException {
    if (options.webhookPort() == 0) {
      return null;
    }
    String namespace = System.getenv("POD_NAMESPACE");
    if (namespace == null || namespace.isBlank()) {
      namespace = "lbr-system";
    }
    var cache =
        new dev.lbr.forwarder.kube.BindingCache(
            dev.lbr.forwarder.kube.KubeChangeSource.apiClient(options).setReadTimeout(0),
            Set.copyOf(options.namespaces()),
            problem -> JsonLog.warn(problem));
    return new PodReadinessWebhook(
        options.webhookPort(),
        WebhookTls.Config.of(namespace, options.webhookCertManagedExternally()),
        new KubeRest(requestClient(options)),
        PodReadinessWebhook.cache(cache),
        source::leading,
        Clock.systemUTC());
  }

  /** A client for single requests (the watches' has no read timeout). */
  static ApiClient requestClient(ForwarderOptions options) throws IOException {
    return dev.lbr.forwarder.kube.KubeChangeSource.apiClient(options).setReadTimeout(30_000);
  }

  public Forwarder(ForwarderOptions options, ChangeSource source, Clock clock) throws Exception {
    this(options, source, clock, System.out);
  }

  /** With {@code stdout} as the --stdout sink's stream (tests). */
  Forwarder(ForwarderOptions options, ChangeSource source, Clock clock, PrintStream stdout)
      throws Exception {
    this(options, source, clock, stdout, (o, s) -> null);
  }

  /** With the webhook {@code webhooks} starts (main: {@link #webhook}). */
  Forwarder(
      ForwarderOptions options,
      ChangeSource source,
      Clock clock,
      PrintStream stdout,
      WebhookStarter webhooks)
      throws Exception {
    this.options = options;
    this.source = source;
    this.metrics = new ForwarderMetrics(clock);
    EventPublisher publisher;
    if (options.stdout()) {
      client = null;
      publisher = new StdoutPublisher(stdout, metrics);
    } else {
      client =
          EventBridgeClients.create(options.endpoint().orElse(null), options.region().orElse(null));
      publisher = new EventBridgePublisher(client, options.bus(), Backoff.standard(), metrics);
    }
    coalescer =
        new Coalescer(
            options.cluster(),
            Set.copyOf(options.namespaces()),
            options.coalesceWindow(),
            clock,
            publisher,
            metrics);
    webhook = webhooks.start(options, source);
    ops =
        new OpsServer(
            options.httpPort(),
            () -> source.ready() && (webhook == null || webhook.synced()),
            metrics);
    ticker =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "coalescer-tick");
              t.setDaemon(true);
              return t;
            });
    long period = tickPeriod(options.coalesceWindow()).toMillis();
    ticker.scheduleWithFixedDelay(coalescer::tick, period, period, TimeUnit.MILLISECONDS);
    source.start(options, coalescer);
    writeback =
        options.statusQueue().isPresent()
            ? StatusWriteback.start(
                options, requestClient(options), source::leading, instance(), metrics)
            : null;
    JsonLog.info(
        "forwarder started",
        "cluster",
        options.cluster(),
        "sink",
        options.stdout() ? "stdout" : "eventbridge:" + options.bus(),
        "coalesceWindow",
        options.coalesceWindow(),
        "httpPort",
        ops.port(),
        "webhookPort",
        webhook == null ? "off" : webhook.port());
  }

  /** Ticks often enough that an event waits at most about a quarter window more than it must. */
  public static Duration tickPeriod(Duration window) {
    Duration quarter = window.dividedBy(4);
    return quarter.compareTo(Duration.ofMillis(50)) < 0
        ? Duration.ofMillis(50)
        : quarter.compareTo(Duration.ofMillis(250)) > 0 ? Duration.ofMillis(250) : quarter;
  }

  public ChangeSink sink() {
    return coalescer;
  }

  public int httpPort() {
    return ops.port();
  }

  @Override
  public void close() {
    source.close();
    if (writeback != null) {
      writeback.close();
    }
    ticker.shutdown();
    try {
      ticker.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    coalescer.flush();
    if (webhook != null) {
      webhook.close();
    }
    ops.close();
    if (client != null) {
      client.close();
    }
    JsonLog.info("forwarder stopped", "cluster", options.cluster());
  }

  private static String instance() {
    for (String name : new String[] {"POD_NAME", "HOSTNAME"}) {
      String v = System.getenv(name);
      if (v != null && !v.isBlank()) {
        return v;
      }
    }
    return "lbr-forwarder";
  }

  public static void main(String[] args) throws Exception {
    if (java.util.Arrays.asList(args).contains("--help")) {
      ForwarderOptions.commandLine(new ForwarderOptions(), System.getenv()).usage(System.out);
      return;
    }
    ForwarderOptions options;
    try {
      options = ForwarderOptions.parse(args, System.getenv());
    } catch (ForwarderOptions.InvalidOptionsException e) {
      JsonLog.error("invalid options", "error", e.getMessage());
      System.exit(2);
      return;
    }
    if (options.removeFinalizers()) {
      int changed =
          new FinalizerRemover(new KubeRest(requestClient(options))).run(options.namespaces());
      JsonLog.info("lbr finalizers removed", "objects", changed);
      return;
    }
    Forwarder forwarder =
        new Forwarder(options, changeSource(), Clock.systemUTC(), System.out, Forwarder::webhook);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  forwarder.close();
                  stopped.countDown();
                },
                "forwarder-shutdown"));
    stopped.await();
  }
}
