package dev.lbr.functions.convergence;

import dev.lbr.event.Operation;
import dev.lbr.k8s.K8sObject;
import dev.lbr.k8s.Kind;
import dev.lbr.k8s.ObjectKey;
import dev.lbr.manifest.Manifests;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A small cluster and what happens to it: two Services in NLB ip mode ({@code web}, {@code api})
 * with one EndpointSlice each over four pods, and one Ingress routing to them (implicit group, or
 * the explicit group {@code shop}). {@link #play} turns a list of actions into the true history the
 * forwarder watches: every change with its own, increasing resourceVersion.
 */
final class KubeWorld {
  static final String NAMESPACE = "default";
  static final List<String> SERVICES = List.of("web", "api");
  static final String INGRESS = "shop";
  static final long FIRST_RV = 100;

  /** What a user (or a controller) does. Actions that make no sense in the state are skipped. */
  sealed interface Action {
    /** Creates the Service (new uid) or changes its annotations to {@code variant} (0–3). */
    record PutService(int service, int variant) implements Action {}

    /** Sets the Service's EndpointSlice to the pods of {@code pods} (a 4-bit mask). */
    record Scale(int service, int pods) implements Action {}

    /** Deletes the Service and, as Kubernetes' garbage collector does, its EndpointSlice. */
    record DeleteService(int service, boolean withObject) implements Action {}

    /** Creates or changes the Ingress: {@code variant} 0 web, 1 web + api, 2 web in group shop. */
    record PutIngress(int variant) implements Action {}

    record DeleteIngress(boolean withObject) implements Action {}
  }

  /**
   * One change. {@code object} is the object at {@code resourceVersion} (for a delete, the last
   * state, re-versioned); {@code liveAfter} the keys that exist once it happened; {@code
   * withObject} whether a delete event carries the object.
   */
  record Change(
      ObjectKey key,
      Operation op,
      long resourceVersion,
      K8sObject object,
      boolean withObject,
      Set<ObjectKey> liveAfter) {}

  /** The true history, and what lives at its end (its objects at their last versions). */
  record History(List<Change> changes, Map<ObjectKey, K8sObject> live, long lastRv) {
    /** The live keys of the inventory's kinds. */
    Set<ObjectKey> liveKeys() {
      return new TreeSet<>(live.keySet());
    }
  }

  private final Map<ObjectKey, String> yamlOf = new LinkedHashMap<>();
  private final Map<ObjectKey, Integer> incarnation = new LinkedHashMap<>();
  private final Map<ObjectKey, K8sObject> live = new LinkedHashMap<>();
  private final List<Change> changes = new ArrayList<>();
  private long rv = FIRST_RV;

  private KubeWorld() {}

  static History play(List<Action> actions) {
    KubeWorld w = new KubeWorld();
    actions.forEach(w::apply);
    return new History(List.copyOf(w.changes), Map.copyOf(w.live), w.rv);
  }

  static ObjectKey serviceKey(int service) {
    return new ObjectKey(Kind.SERVICE, NAMESPACE, SERVICES.get(service));
  }

  static ObjectKey sliceKey(int service) {
    return new ObjectKey(Kind.ENDPOINT_SLICE, NAMESPACE, SERVICES.get(service) + "-slice");
  }

  static ObjectKey ingressKey() {
    return new ObjectKey(Kind.INGRESS, NAMESPACE, INGRESS);
  }

  private void apply(Action action) {
    switch (action) {
      case Action.PutService a -> {
        String name = SERVICES.get(a.service());
        upsert(serviceKey(a.service()), uid -> WorldObjects.service(name, uid, a.variant()));
      }
      case Action.Scale a -> {
        String name = SERVICES.get(a.service());
        upsert(sliceKey(a.service()), uid -> WorldObjects.slice(name, a.service(), a.pods()));
      }
      case Action.DeleteService a -> {
        delete(serviceKey(a.service()), a.withObject());
        delete(sliceKey(a.service()), a.withObject());
      }
      case Action.PutIngress a ->
          upsert(ingressKey(), uid -> WorldObjects.ingress(uid, a.variant()));
      case Action.DeleteIngress a -> delete(ingressKey(), a.withObject());
    }
  }

  private void upsert(ObjectKey key, java.util.function.Function<String, String> yaml) {
    if (!live.containsKey(key)) {
      incarnation.merge(key, 1, Integer::sum);
    }
    String uid = "uid-" + key.kind().wireName() + "-" + key.name() + "-" + incarnation.get(key);
    String text = yaml.apply(uid);
    if (live.containsKey(key) && text.equals(yamlOf.get(key))) {
      return; // unchanged: the forwarder sends nothing
    }
    yamlOf.put(key, text);
    K8sObject object = parse(text, ++rv);
    live.put(key, object);
    changes.add(new Change(key, Operation.UPSERT, rv, object, true, Set.copyOf(live.keySet())));
  }

  private void delete(ObjectKey key, boolean withObject) {
    if (!live.containsKey(key)) {
      return;
    }
    K8sObject last = parse(yamlOf.get(key), ++rv);
    live.remove(key);
    changes.add(new Change(key, Operation.DELETE, rv, last, withObject, Set.copyOf(live.keySet())));
  }

  private static K8sObject parse(String yaml, long resourceVersion) {
    String text = yaml.replace("${RV}", Long.toString(resourceVersion));
    return Manifests.parse(text, Path.of("generated.yaml")).get(0);
  }
}
