package dev.lbr.forwarder.kube;

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
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
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
  private final Map<KubeResource, SharedIndexInformer<? extends KubernetesObject>> informers =
      new EnumMap<>(KubeResource.class);

  /**
   * What the dispatcher has processed: resourceVersion per key (dispatcher thread only), whether or
   * not the object could be projected. An inventory waits until it matches the informers' stores.
   */
  private final Map<ObjectKey, String> processed = new HashMap<>();

  private SharedInformerFactory factory;
  private ScheduledFuture<?> pendingInventory;
  private boolean started;

  /**
   * @param client an ApiClient whose read timeout is 0 (watches are long polls); its HTTP client
   *     gains an interceptor that asks every watch for bookmarks
   * @param log where problems with single objects are reported (never thrown)
   */
  public KubeInformers(
      ApiClient client, ChangeSink sink, Duration inventoryPeriod, Consumer<String> log) {
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
  }

  /** Registers and starts the six informers. */
  public synchronized void start() {
    if (started) {
      throw new IllegalStateException("already started");
    }
    started = true;
    factory = new SharedInformerFactory(client);
    for (KubeResource resource : KubeResource.values()) {
      informers.put(resource, register(resource));
    }
    factory.startAllRegisteredInformers();
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
    return !informers.isEmpty()
        && informers.values().stream().allMatch(SharedIndexInformer::hasSynced);
  }

  @Override
  public synchronized void close() {
    if (factory != null) {
      factory.stopAllRegisteredInformers();
    }
    dispatcher.shutdownNow();
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private SharedIndexInformer<? extends KubernetesObject> register(KubeResource resource) {
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
    RelistingListerWatcher lw = new RelistingListerWatcher(api, this::afterList);
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
    if (hasSynced() && caughtUp()) {
      filter.sendInventory();
    } else {
      pendingInventory =
          dispatcher.schedule(
              this::sendInventoryIfSynced, SETTLE.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  /**
   * Whether every object in the informers' stores has been through the filter at its stored
   * version, and nothing else: only then is the filter's live set a true inventory (a key missing
   * from an inventory tells the reconciler the object is gone).
   */
  private boolean caughtUp() {
    int stored = 0;
    for (Map.Entry<KubeResource, SharedIndexInformer<? extends KubernetesObject>> e :
        informers.entrySet()) {
      for (KubernetesObject o : e.getValue().getIndexer().list()) {
        stored++;
        String rv = processed.get(keyOf(e.getKey(), o));
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
