package dev.lbr.forwarder.kube;

import dev.lbr.k8s.K8sObject;
import dev.lbr.k8s.K8sService;
import dev.lbr.k8s.K8sTargetGroupBinding;
import dev.lbr.k8s.Kind;
import dev.lbr.k8s.ObjectKey;
import io.kubernetes.client.informer.ResourceEventHandler;
import io.kubernetes.client.openapi.ApiClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * What the pod readiness gate webhook reads: every TargetGroupBinding (lbr's own included, which
 * the {@link ChangeFilter} keeps from the sink but not from here) and every Service, projected,
 * indexed by namespace. Its own two informers, on every replica and whether or not it leads: the
 * API server calls any ready replica, and {@link KubeInformers} run on the leader only. With a
 * namespace filter, one informer per namespace, as there.
 */
public final class BindingCache implements AutoCloseable {

  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

  private final List<KubeInformer> informers = new ArrayList<>();
  private final Map<String, Map<String, K8sTargetGroupBinding>> bindings =
      new ConcurrentHashMap<>();
  private final Map<String, Map<String, K8sService>> services = new ConcurrentHashMap<>();

  /**
   * @param client an ApiClient whose read timeout is 0 (watches are long polls)
   * @param namespaces the namespaces to watch; all when empty
   */
  public BindingCache(ApiClient client, Set<String> namespaces, Consumer<String> log) {
    for (KubeResource resource :
        List.of(KubeResource.SERVICES, KubeResource.TARGET_GROUP_BINDINGS)) {
      if (namespaces.isEmpty()) {
        informers.add(informer(client, resource, null, log));
      } else {
        new TreeSet<>(namespaces).forEach(ns -> informers.add(informer(client, resource, ns, log)));
      }
    }
  }

  public void start() {
    informers.forEach(KubeInformer::start);
  }

  /** Whether every informer has listed once. */
  public boolean synced() {
    return informers.stream().allMatch(KubeInformer::hasSynced);
  }

  /** The bindings of a namespace, in no particular order. */
  public List<K8sTargetGroupBinding> bindings(String namespace) {
    return List.copyOf(bindings.getOrDefault(namespace, Map.of()).values());
  }

  public Optional<K8sService> service(String namespace, String name) {
    return Optional.ofNullable(services.getOrDefault(namespace, Map.of()).get(name));
  }

  @Override
  public void close() {
    informers.forEach(KubeInformer::stop);
    try {
      long deadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
      for (KubeInformer informer : informers) {
        informer.awaitStopped(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private KubeInformer informer(
      ApiClient client, KubeResource resource, String namespace, Consumer<String> log) {
    return new KubeInformer(
        client, resource, namespace, new Index(), () -> {}, log, KubeInformers.UNSERVED_RETRY);
  }

  /** Keeps the maps equal to the informers' stores. */
  private final class Index implements ResourceEventHandler<Projected> {
    @Override
    public void onAdd(Projected obj) {
      put(obj);
    }

    @Override
    public void onUpdate(Projected oldObj, Projected newObj) {
      put(newObj);
    }

    @Override
    public void onDelete(Projected obj, boolean deletedFinalStateUnknown) {
      ObjectKey key = obj.key();
      if (key != null) {
        Map<String, ?> inNamespace =
            (key.kind() == Kind.SERVICE ? services : bindings).get(key.namespace());
        if (inNamespace != null) {
          inNamespace.remove(key.name());
        }
      }
    }

    private void put(Projected obj) {
      ObjectKey key = obj.key();
      K8sObject o = obj.object();
      if (key == null) {
        return;
      }
      if (o == null) { // could not be projected: whatever was known of it is stale
        onDelete(obj, false);
        return;
      }
      switch (o) {
        case K8sTargetGroupBinding b ->
            bindings
                .computeIfAbsent(key.namespace(), ns -> new ConcurrentHashMap<>())
                .put(key.name(), b);
        case K8sService s ->
            services
                .computeIfAbsent(key.namespace(), ns -> new ConcurrentHashMap<>())
                .put(key.name(), s);
        default -> {}
      }
    }
  }
}
