package dev.lbr.forwarder.kube;

import dev.lbr.event.ResourceVersion;
import dev.lbr.forwarder.ChangeSink;
import dev.lbr.k8s.K8sObject;
import dev.lbr.k8s.ObjectKey;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.informer.ResourceEventHandler;
import io.kubernetes.client.informer.SharedIndexInformer;
import io.kubernetes.client.informer.SharedInformerFactory;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.generic.GenericKubernetesApi;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesApi;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One {@link SharedInformerFactory} on Services, EndpointSlices, Ingresses, IngressClasses,
 * IngressClassParams and Nodes. Every notification is projected and handed, on one dispatcher
 * thread, to the {@link ChangeFilter}, which calls the sink. After the first sync and after every
 * re-list (client-java re-lists on 410 Gone), and every {@code inventoryPeriod}, the sink gets an
 * inventory of the live keys. Watches have no read timeout (the client's must be 0).
 *
 * <p>With a namespace filter, each namespaced kind gets one informer per namespace (a factory holds
 * one informer per type, so each namespace has its own factory); cluster-scoped kinds are watched
 * whole.
 */
public final class KubeInformers implements AutoCloseable {

  private static final Duration SETTLE = Duration.ofMillis(300);

  private final ApiClient client;
  private final ChangeFilter filter;
  private final ObjectProjector projector;
  private final Consumer<String> log;
  private final Duration inventoryPeriod;
  private final ScheduledExecutorService dispatcher =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "kube-dispatch");
            t.setDaemon(true);
            return t;
          });
  private final Set<String> namespaces;

  /** One watch: a resource, in one namespace or (null) all. */
  private record Watched(
      KubeResource resource,
      String namespace,
      SharedIndexInformer<? extends KubernetesObject> informer) {}

  private final List<Watched> informers = new ArrayList<>();

  /**
   * What the dispatcher has processed: resourceVersion per key (dispatcher thread only), whether or
   * not the object could be projected. An inventory waits until it matches the informers' stores.
   */
  private final Map<ObjectKey, String> processed = new HashMap<>();

  private final List<SharedInformerFactory> factories = new ArrayList<>();
  private ScheduledFuture<?> pendingInventory;
  private boolean started;

  /**
   * @param client an ApiClient whose read timeout is 0 (watches are long polls); its HTTP client
   *     gains an interceptor that asks every watch for bookmarks
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
    if (client.getReadTimeout() != 0) {
      throw new IllegalArgumentException(
          "the ApiClient's read timeout must be 0 for watches, is " + client.getReadTimeout());
    }
    boolean asksForBookmarks =
        client.getHttpClient().interceptors().stream().anyMatch(i -> i instanceof WatchBookmarks);
    if (!asksForBookmarks) {
      client.setHttpClient(
          client.getHttpClient().newBuilder().addInterceptor(new WatchBookmarks()).build());
    }
    this.client = client;
    this.filter = new ChangeFilter(sink);
    this.projector = new ObjectProjector(client.getJSON());
    this.log = log;
    this.inventoryPeriod = inventoryPeriod;
    this.namespaces = Set.copyOf(namespaces);
  }

  /** Registers and starts the informers. */
  public synchronized void start() {
    if (started) {
      throw new IllegalStateException("already started");
    }
    started = true;
    SharedInformerFactory whole = new SharedInformerFactory(client);
    factories.add(whole);
    Map<String, SharedInformerFactory> perNamespace = new TreeMap<>();
    for (KubeResource resource : KubeResource.values()) {
      if (!resource.namespaced() || namespaces.isEmpty()) {
        informers.add(new Watched(resource, null, register(whole, resource, null)));
        continue;
      }
      for (String ns : new TreeSet<>(namespaces)) {
        SharedInformerFactory factory =
            perNamespace.computeIfAbsent(ns, n -> new SharedInformerFactory(client));
        informers.add(new Watched(resource, ns, register(factory, resource, ns)));
      }
    }
    factories.addAll(perNamespace.values());
    factories.forEach(SharedInformerFactory::startAllRegisteredInformers);
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
    return !informers.isEmpty() && informers.stream().allMatch(w -> w.informer().hasSynced());
  }

  @Override
  public synchronized void close() {
    factories.forEach(SharedInformerFactory::stopAllRegisteredInformers);
    dispatcher.shutdownNow();
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private SharedIndexInformer<? extends KubernetesObject> register(
      SharedInformerFactory factory, KubeResource resource, String namespace) {
    GenericKubernetesApi api =
        resource.type == DynamicKubernetesObject.class
            ? new DynamicKubernetesApi(resource.group, resource.version, resource.plural, client)
            : new GenericKubernetesApi(
                resource.type,
                resource.listType,
                resource.group,
                resource.version,
                resource.plural,
                client);
    RelistingListerWatcher lw = new RelistingListerWatcher(api, namespace, this::afterList);
    SharedIndexInformer informer =
        factory.sharedIndexInformerFor(
            lw,
            resource.type,
            0L,
            (type, error) -> log.accept(resource.plural + " watch failed: " + error));
    informer.addEventHandler(new Handler(resource));
    return informer;
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
   * versions (a list's, then each watch event's or bookmark's). Empty until all have one.
   */
  private Optional<String> listedUpTo() {
    long lowest = Long.MAX_VALUE;
    for (Watched w : informers) {
      String rv = w.informer().lastSyncResourceVersion();
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
    for (Watched w : informers) {
      for (KubernetesObject o : w.informer().getIndexer().list()) {
        stored++;
        String rv = processed.get(keyOf(w.resource(), o));
        if (rv == null || !rv.equals(o.getMetadata().getResourceVersion())) {
          return false;
        }
      }
    }
    return stored == processed.size();
  }

  private static ObjectKey keyOf(KubeResource resource, KubernetesObject o) {
    return new ObjectKey(resource.kind, o.getMetadata().getNamespace(), o.getMetadata().getName());
  }

  private final class Handler implements ResourceEventHandler<KubernetesObject> {
    private final KubeResource resource;

    Handler(KubeResource resource) {
      this.resource = resource;
    }

    @Override
    public void onAdd(KubernetesObject obj) {
      upsert(obj);
    }

    @Override
    public void onUpdate(KubernetesObject oldObj, KubernetesObject newObj) {
      upsert(newObj);
    }

    @Override
    public void onDelete(KubernetesObject obj, boolean deletedFinalStateUnknown) {
      ObjectKey key = keyOf(resource, obj);
      K8sObject projected = project(obj);
      dispatcher.execute(
          () -> {
            processed.remove(key);
            if (projected != null) {
              filter.delete(projected);
            }
          });
    }

    private void upsert(KubernetesObject obj) {
      ObjectKey key = keyOf(resource, obj);
      String rv = obj.getMetadata().getResourceVersion();
      K8sObject projected = project(obj);
      dispatcher.execute(
          () -> {
            processed.put(key, rv);
            if (projected != null) {
              filter.upsert(projected);
            }
          });
    }

    private K8sObject project(KubernetesObject obj) {
      try {
        return projector.project(resource, obj);
      } catch (RuntimeException e) {
        log.accept(
            "skipping "
                + resource.kind.wireName()
                + " "
                + (obj.getMetadata() == null ? "?" : obj.getMetadata().getName())
                + ": "
                + e.getMessage());
        return null;
      }
    }
  }
}
