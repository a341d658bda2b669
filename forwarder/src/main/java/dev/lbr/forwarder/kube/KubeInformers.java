package dev.lbr.forwarder.kube;

import dev.lbr.event.ResourceVersion;
import dev.lbr.forwarder.ChangeSink;
import dev.lbr.k8s.K8sObject;
import dev.lbr.k8s.ObjectKey;
import io.kubernetes.client.informer.ResourceEventHandler;
import io.kubernetes.client.openapi.ApiClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Informers ({@link KubeInformer}) on Services, EndpointSlices, Ingresses, IngressClasses,
 * IngressClassParams, Nodes, TargetGroupBindings and Pods (only those with a target-health
 * readiness gate are kept: {@link ObjectProjector#dropped}), each object projected as it is read.
 * Every notification is handed, on one dispatcher thread, to the {@link ChangeFilter}, which calls
 * the sink. After the first sync and after every re-list (client-java re-lists on 410 Gone), and
 * every {@code inventoryPeriod}, the sink gets an inventory of the live keys. Watches have no read
 * timeout (the client's must be 0).
 *
 * <p>With a namespace filter, each namespaced kind gets one informer per namespace; cluster-scoped
 * kinds are watched whole.
 *
 * <p>A kind whose CRD is missing (TargetGroupBindings: the API answers 404) is not served: it
 * counts as empty, is synced and healthy, is logged once and is listed again with backoff (from
 * {@code unservedRetry}) until it is served.
 */
public final class KubeInformers implements AutoCloseable {

  private static final Duration SETTLE = Duration.ofMillis(300);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

  /** The first wait before an unserved kind is listed again (then doubling, up to 5 minutes). */
  static final Duration UNSERVED_RETRY = Duration.ofSeconds(10);

  private final ApiClient client;
  private final ChangeFilter filter;
  private final Consumer<String> log;
  private final Duration inventoryPeriod;
  private final Duration unservedRetry;
  private final ScheduledExecutorService dispatcher =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "kube-dispatch");
            t.setDaemon(true);
            return t;
          });
  private final Set<String> namespaces;

  /** One per resource, and namespace; set once by {@link #start}; read by /readyz's thread too. */
  private volatile List<KubeInformer> informers = List.of();

  /**
   * What the dispatcher has processed: resourceVersion per key (dispatcher thread only), whether or
   * not the object could be projected. An inventory waits until it matches the informers' stores.
   */
  private final Map<ObjectKey, String> processed = new HashMap<>();

  private ScheduledFuture<?> pendingInventory;
  private boolean started;

  /**
   * @param client an ApiClient whose read timeout is 0 (watches are long polls)
   * @param log where problems with single objects are reported (never thrown)
   */
  public KubeInformers(
      ApiClient client, ChangeSink sink, Duration inventoryPeriod, Consumer<String> log) {
    this(client, sink, inventoryPeriod, Set.of(), log);
  }

  /**
   * @param namespaces the namespaces to watch namespaced kinds in; all when empty
   */
  public KubeInformers(
      ApiClient client,
      ChangeSink sink,
      Duration inventoryPeriod,
      Set<String> namespaces,
      Consumer<String> log) {
    this(client, sink, inventoryPeriod, namespaces, log, UNSERVED_RETRY);
  }

  /**
   * @param unservedRetry the first wait before a kind that is not served is listed again
   */
  KubeInformers(
      ApiClient client,
      ChangeSink sink,
      Duration inventoryPeriod,
      Set<String> namespaces,
      Consumer<String> log,
      Duration unservedRetry) {
    if (client.getReadTimeout() != 0) {
      throw new IllegalArgumentException(
          "the ApiClient's read timeout must be 0 for watches, is " + client.getReadTimeout());
    }
    this.client = client;
    this.filter = new ChangeFilter(sink);
    this.log = log;
    this.inventoryPeriod = inventoryPeriod;
    this.namespaces = Set.copyOf(namespaces);
    this.unservedRetry = unservedRetry;
  }

  /** Registers and starts the informers. */
  public synchronized void start() {
    if (started) {
      throw new IllegalStateException("already started");
    }
    started = true;
    List<KubeInformer> all = new ArrayList<>();
    for (KubeResource resource : KubeResource.values()) {
      if (!resource.namespaced() || namespaces.isEmpty()) {
        all.add(watch(resource, null));
      } else {
        new TreeSet<>(namespaces).forEach(ns -> all.add(watch(resource, ns)));
      }
    }
    informers = List.copyOf(all);
    informers.forEach(KubeInformer::start);
    if (!inventoryPeriod.isZero()) {
      dispatcher.scheduleAtFixedRate(
          this::sendInventoryIfSynced,
          inventoryPeriod.toMillis(),
          inventoryPeriod.toMillis(),
          TimeUnit.MILLISECONDS);
    }
  }

  /** Whether every informer has completed its first list. */
  public boolean hasSynced() {
    return !informers.isEmpty() && informers.stream().allMatch(KubeInformer::hasSynced);
  }

  /**
   * Whether every informer has completed a list and none is failing: its last list or watch did not
   * fail (a failure is cleared by the next established watch).
   */
  public boolean healthy() {
    return !informers.isEmpty() && informers.stream().allMatch(KubeInformer::healthy);
  }

  /**
   * Stops quietly: closes the watches and ends the informers' threads, then the dispatcher's, so
   * nothing is handed over or reported afterwards.
   */
  @Override
  public synchronized void close() {
    informers.forEach(KubeInformer::stop);
    try {
      long deadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
      for (KubeInformer informer : informers) {
        informer.awaitStopped(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
      }
      dispatcher.shutdownNow();
      dispatcher.awaitTermination(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      dispatcher.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  private KubeInformer watch(KubeResource resource, String namespace) {
    return new KubeInformer(
        client, resource, namespace, new Handler(), this::afterList, log, unservedRetry);
  }

  /** A (re-)list finished; its notifications follow. Inventory once they have settled. */
  private void afterList() {
    dispatcher.execute(
        () -> {
          if (pendingInventory != null) {
            pendingInventory.cancel(false);
          }
          pendingInventory =
              dispatcher.schedule(
                  this::sendInventoryIfSynced, SETTLE.toMillis(), TimeUnit.MILLISECONDS);
        });
  }

  private void sendInventoryIfSynced() {
    // Read the versions first: once caught up, everything up to them has been through the filter.
    Optional<String> version = listedUpTo();
    if (hasSynced() && version.isPresent() && caughtUp()) {
      filter.sendInventory(version.get());
    } else {
      pendingInventory =
          dispatcher.schedule(
              this::sendInventoryIfSynced, SETTLE.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  /**
   * The version up to which every informer's view is complete: the lowest of their last-synced
   * versions (a list's, then each watch event's or bookmark's). Empty until all have one. An
   * informer whose kind is not served has none and holds nothing back: its kind is empty.
   */
  private Optional<String> listedUpTo() {
    long lowest = Long.MAX_VALUE;
    for (KubeInformer informer : informers) {
      if (informer.unserved()) {
        continue;
      }
      String rv = informer.lastSyncResourceVersion();
      if (rv == null || !ResourceVersion.isValid(rv)) {
        return Optional.empty();
      }
      lowest = Math.min(lowest, Long.parseLong(rv));
    }
    return lowest == Long.MAX_VALUE ? Optional.empty() : Optional.of(Long.toString(lowest));
  }

  /**
   * Whether every object in the informers' stores has been through the filter at its stored
   * version, and nothing else: only then is the filter's live set a true inventory (a key missing
   * from an inventory tells the reconciler the object is gone).
   */
  private boolean caughtUp() {
    int stored = 0;
    for (KubeInformer informer : informers) {
      for (Projected o : informer.stored()) {
        stored++;
        String rv = processed.get(o.key());
        if (rv == null || !rv.equals(o.resourceVersion())) {
          return false;
        }
      }
    }
    return stored == processed.size();
  }

  /** Hands an informer's changes to the dispatcher; reports objects that could not be projected. */
  private final class Handler implements ResourceEventHandler<Projected> {

    @Override
    public void onAdd(Projected obj) {
      upsert(obj);
    }

    @Override
    public void onUpdate(Projected oldObj, Projected newObj) {
      upsert(newObj);
    }

    @Override
    public void onDelete(Projected obj, boolean deletedFinalStateUnknown) {
      K8sObject projected = projection(obj);
      dispatcher.execute(
          () -> {
            processed.remove(obj.key());
            if (projected != null) {
              filter.delete(projected);
            }
          });
    }

    private void upsert(Projected obj) {
      K8sObject projected = projection(obj);
      dispatcher.execute(
          () -> {
            processed.put(obj.key(), obj.resourceVersion());
            if (projected != null) {
              filter.upsert(projected);
            }
          });
    }

    private K8sObject projection(Projected obj) {
      if (obj.object() == null) {
        log.accept(
            "skipping "
                + obj.key().kind().wireName()
                + " "
                + obj.key().name()
                + ": "
                + obj.problem());
      }
      return obj.object();
    }
  }
}
