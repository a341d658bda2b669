package dev.lbr.forwarder.kube;

import dev.lbr.forwarder.publish.JsonLog;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.informer.ResourceEventHandler;
import io.kubernetes.client.informer.cache.Cache;
import io.kubernetes.client.informer.cache.Caches;
import io.kubernetes.client.informer.cache.DeltaFIFO;
import io.kubernetes.client.informer.cache.ReflectorRunnable;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.commons.lang3.tuple.MutablePair;

/**
 * One list-and-watch of one resource (in one namespace, or all), read straight into projections:
 * client-java's reflector fills a {@link DeltaFIFO}; a thread of ours drains it into a {@link
 * Cache} and hands each change to the handler. The FIFO and the cache hold {@link Projected}
 * objects (key, resourceVersion, projection), never the objects' JSON. The same parts as
 * client-java's shared informer, assembled here because (1) a {@code SharedInformerFactory} holds
 * one informer per class and reads into client-java's models or dynamic JSON objects; (2) the
 * shared informer stops by interrupting its threads and logs every interrupt as an ERROR with a
 * stack trace, whereas this one stops quietly; (3) it knows whether its last list or watch failed,
 * and whether its kind is not served (a missing CRD: synced as empty, no failure, see {@link
 * RelistingListerWatcher}).
 */
final class KubeInformer {

  private static final Duration RELIST_DELAY = Duration.ofSeconds(1); // as client-java's

  private final String name;
  private final ResourceEventHandler<Projected> handler;
  private final Consumer<String> log;
  // No index is read: the namespace index client-java's cache insists on stays empty.
  private final Cache<Projected> cache =
      new Cache<>(Caches.NAMESPACE_INDEX, p -> List.of(), Projected::cacheKey);
  private final DeltaFIFO fifo =
      new DeltaFIFO(Projected::cacheKey, cache) {
        /**
         * Empties a (re-)list once its items are queued: the reflector keeps the list in a local
         * variable for as long as it then watches, which would hold every listed object's first
         * version (with its projection) beside the cache's current one.
         */
        @Override
        public void replace(List<KubernetesObject> list, String resourceVersion) {
          super.replace(list, resourceVersion);
          list.clear();
        }
      };
  private final ReflectorRunnable<Projected, RelistingListerWatcher.Listing> reflector;
  private final ScheduledExecutorService reflect;
  private final Thread process;
  private volatile boolean stopped;
  private volatile String failure;
  private volatile boolean unserved;

  /**
   * @param onList called after every successful (re-)list, before its changes are handed over
   * @param log where a failing list or watch is reported (once, until it works again), and a kind
   *     found not served (once, until it is served)
   * @param unservedRetry how long after finding its kind not served it lists first again (doubling)
   */
  KubeInformer(
      ApiClient client,
      KubeResource resource,
      String namespace,
      ResourceEventHandler<Projected> handler,
      Runnable onList,
      Consumer<String> log,
      Duration unservedRetry) {
    this.name = resource.plural + (namespace == null ? "" : " in " + namespace);
    this.handler = handler;
    this.log = log;
    RelistingListerWatcher lw =
        new RelistingListerWatcher(
            resource,
            client,
            namespace,
            new RelistingListerWatcher.Attempts() {
              @Override
              public void listed() {
                served();
                onList.run();
              }

              @Override
              public void unserved(Throwable error) {
                KubeInformer.this.unserved(error);
                onList.run();
              }

              @Override
              public void watching() {
                recovered();
              }

              @Override
              public void failed(String call, Throwable error) {
                KubeInformer.this.failed(call, error);
              }
            },
            unservedRetry);
    reflector =
        new ReflectorRunnable<>(
            Projected.class, lw, fifo, (type, error) -> failed("list or watch", error));
    String thread = "kube-" + resource.plural + (namespace == null ? "" : "-" + namespace);
    reflect = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, thread + "-watch"));
    process = daemon(this::processLoop, thread + "-process");
  }

  void start() {
    process.start();
    reflect.scheduleWithFixedDelay(
        reflector::run, 0, RELIST_DELAY.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Whether the first list has been handed over. */
  boolean hasSynced() {
    return fifo.hasSynced();
  }

  /** Synced, and neither the last list nor the last watch failed. */
  boolean healthy() {
    return hasSynced() && failure == null;
  }

  /** Whether the last list found the kind not served: it has no objects and no version. */
  boolean unserved() {
    return unserved;
  }

  /** The version the view is complete up to: the last list's, watch event's or bookmark's. */
  String lastSyncResourceVersion() {
    return reflector.getLastSyncResourceVersion();
  }

  /** The objects as last listed or watched. */
  List<Projected> stored() {
    return cache.list();
  }

  /** Closes the watch and ends both threads; nothing is reported after this. */
  void stop() {
    stopped = true;
    reflector.stop(); // closes the open watch: the reflector returns
    reflect.shutdownNow(); // and does not run again
    process.interrupt();
  }

  /** Waits (a little) until both threads have ended. */
  void awaitStopped(Duration timeout) throws InterruptedException {
    reflect.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
    process.join(timeout.toMillis());
  }

  private void processLoop() {
    while (!stopped) {
      List<Runnable> changes = new ArrayList<>();
      try {
        fifo.pop(deltas -> store(deltas, changes));
      } catch (InterruptedException e) {
        return; // stopping
      }
      try {
        changes.forEach(Runnable::run); // outside the FIFO's lock
      } catch (RuntimeException e) {
        if (!stopped) {
          log.accept(name + ": handler failed: " + describe(e));
        }
      }
    }
  }

  /** Applies one key's deltas to the cache (under the FIFO's lock); the handler calls follow. */
  private void store(
      Deque<MutablePair<DeltaFIFO.DeltaType, KubernetesObject>> deltas, List<Runnable> changes) {
    for (MutablePair<DeltaFIFO.DeltaType, KubernetesObject> delta : deltas) {
      if (delta.getLeft() == DeltaFIFO.DeltaType.Deleted) {
        KubernetesObject gone = delta.getRight();
        boolean unknown = gone instanceof DeltaFIFO.DeletedFinalStateUnknown<?>;
        Projected last =
            (Projected) (unknown ? ((DeltaFIFO.DeletedFinalStateUnknown<?>) gone).getObj() : gone);
        if (last != null) {
          cache.delete(last);
          changes.add(() -> handler.onDelete(last, unknown));
        }
        continue;
      }
      Projected object = (Projected) delta.getRight();
      Projected old = cache.get(object);
      if (old == null) {
        cache.add(object);
        changes.add(() -> handler.onAdd(object));
      } else {
        cache.update(object);
        changes.add(() -> handler.onUpdate(old, object));
      }
    }
  }

  private void failed(String call, Throwable error) {
    if (stopped || (error instanceof ApiException e && e.getCode() == 410)) {
      return;
    }
    String message = call + " failing: " + describe(error);
    if (failure == null) {
      log.accept(name + " " + message);
    }
    failure = message;
  }

  /** A kind that may be unserved is not: listed as empty, no failure; reported once. */
  private void unserved(Throwable error) {
    if (stopped) {
      return;
    }
    failure = null;
    if (!unserved) {
      unserved = true;
      log.accept(
          name
              + " not served ("
              + describe(error)
              + "): taken as empty, listed again later; apply its CRD to use it");
    }
  }

  private void served() {
    if (unserved && !stopped) {
      unserved = false;
      JsonLog.info("served now", "resource", name);
    }
  }

  private void recovered() {
    if (failure != null && !stopped) {
      failure = null;
      JsonLog.info("watching again", "resource", name);
    }
  }

  /** One line: the HTTP status and body of an API error, else the exception and its cause. */
  static String describe(Throwable e) {
    if (e instanceof ApiException api && api.getCode() != 0) {
      String body = api.getResponseBody() == null ? "" : api.getResponseBody().strip();
      return "HTTP " + api.getCode() + (body.isEmpty() ? "" : " " + abbreviate(body));
    }
    String text = e.getClass().getName() + ": " + e.getMessage();
    return e.getCause() == null || e.getCause() == e
        ? abbreviate(text)
        : abbreviate(text + " (" + e.getCause() + ")");
  }

  private static String abbreviate(String text) {
    String line = text.replaceAll("\\s+", " ");
    return line.length() <= 300 ? line : line.substring(0, 300) + "…";
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }
}
