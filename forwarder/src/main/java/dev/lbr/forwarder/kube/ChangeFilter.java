package dev.lbr.forwarder.kube;

import dev.lbr.event.ResourceVersion;
import dev.lbr.forwarder.ChangeSink;
import dev.lbr.k8s.K8sEndpointSlice;
import dev.lbr.k8s.K8sIngress;
import dev.lbr.k8s.K8sIngressClass;
import dev.lbr.k8s.K8sIngressClassParams;
import dev.lbr.k8s.K8sObject;
import dev.lbr.k8s.K8sPod;
import dev.lbr.k8s.K8sService;
import dev.lbr.k8s.K8sTargetGroupBinding;
import dev.lbr.k8s.Kind;
import dev.lbr.k8s.ObjectKey;
import dev.lbr.translate.ingress.IngressModelBuilder;
import dev.lbr.translate.service.ServiceModelBuilder;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decides what reaches the sink: Services that are ours or referenced by a referencing object (one
 * of our Ingresses, or a TargetGroupBinding a user wrote), Ingresses of our class, the users'
 * TargetGroupBindings (never the ones lbr writes for its own stacks: those are output), the
 * EndpointSlices of those Services, every IngressClass, IngressClassParams and Node, and the Pods
 * that carry a target-health readiness gate (the informers drop the others before they get here,
 * {@link ObjectProjector#dropped}; the rule is repeated so this filter's is whole). Keeps the
 * latest projection of every object it is told about (wanted or not), because wanting depends on
 * other objects: when an Ingress or a binding starts referencing a Service, that Service and its
 * current slices are sent; when a class changes, its Ingresses are judged again.
 *
 * <p>Never sends anything older than (or as old as) what it already sent for a key, so a re-list
 * cannot move the sink backwards. An object that stops being wanted is sent once more as it is now
 * (so the reconciler sees it leave) and then dropped from the live set. An object being deleted
 * (deletionTimestamp set, held by finalizers) is sent as a delete. Not thread-safe: one thread
 * drives it.
 */
final class ChangeFilter {

  private final ChangeSink sink;
  private final Map<ObjectKey, K8sObject> known = new HashMap<>();

  /** Keys the sink holds as live, with the resourceVersion last sent. */
  private final Map<ObjectKey, String> live = new HashMap<>();

  /** The last resourceVersion sent per key, live, being deleted or not (cleared on delete). */
  private final Map<ObjectKey, String> lastSent = new HashMap<>();

  /** The object last sent per key (mostly the instance {@link #known} holds too). */
  private final Map<ObjectKey, K8sObject> sentObjects = new HashMap<>();

  /** Keys whose delete was sent for a deletionTimestamp; the informer's delete follows. */
  private final Set<ObjectKey> deleting = new HashSet<>();

  /**
   * {@code namespace/name} of the Services each wanted referencing object (Ingress,
   * TargetGroupBinding) references.
   */
  private final Map<ObjectKey, Set<String>> referencesBy = new HashMap<>();

  /** How many wanted referencing objects reference each {@code namespace/name}. */
  private final Map<String, Integer> referenceCount = new HashMap<>();

  private final SliceIndex slices = new SliceIndex();

  private final Map<String, K8sIngressClass> classes = new HashMap<>();
  private final Map<String, K8sIngressClassParams> params = new HashMap<>();

  ChangeFilter(ChangeSink sink) {
    this.sink = sink;
  }

  void upsert(K8sObject object) {
    if (object.metadata().deletionTimestamp() != null) {
      beingDeleted(object);
      return;
    }
    ObjectKey key = object.key();
    K8sObject previous = known.put(key, object);
    if (object instanceof K8sIngressClass c) {
      classes.put(key.name(), c);
    } else if (object instanceof K8sIngressClassParams p) {
      params.put(key.name(), p);
    }
    if (object instanceof K8sEndpointSlice slice) {
      slices.put(slice, previous);
    }
    judge(key);
    cascade(key);
  }

  void delete(K8sObject last) {
    ObjectKey key = last.key();
    String sent = lastSent.remove(key);
    sentObjects.remove(key);
    boolean deleted = deleting.remove(key);
    if (forget(last) || deleted) {
      sink.delete(key, notOlder(last, sent), last);
    }
    cascade(key);
  }

  /**
   * An object with a deletionTimestamp (finalizers hold it) is gone for the reconciler: its delete
   * is sent, with the object, once, if the sink held it or would have wanted it, and it leaves the
   * live set. Its final delete is sent again when the informer sees it (harmless).
   */
  private void beingDeleted(K8sObject object) {
    ObjectKey key = object.key();
    if (deleting.contains(key)) {
      return;
    }
    boolean send = live.containsKey(key) || wanted(object);
    String rv = notOlder(object, lastSent.remove(key));
    sentObjects.remove(key);
    forget(object);
    if (send) {
      deleting.add(key);
      if (rv != null) {
        lastSent.put(key, rv);
      }
      sink.delete(key, rv, object);
    }
    cascade(key);
  }

  /** Drops what is known about the object's key; true if the sink held it as live. */
  private boolean forget(K8sObject last) {
    ObjectKey key = last.key();
    K8sObject previous = known.remove(key);
    if (key.kind() == Kind.INGRESS_CLASS) {
      classes.remove(key.name());
    } else if (key.kind() == Kind.INGRESS_CLASS_PARAMS) {
      params.remove(key.name());
    }
    slices.remove(key, previous == null ? last : previous);
    return live.remove(key) != null;
  }

  /** The object's version, unless what was sent before is as new: a delete never goes back. */
  private static String notOlder(K8sObject last, String sent) {
    String rv = last.metadata().resourceVersion();
    return rv == null || (sent != null && !ResourceVersion.isNewer(rv, sent)) ? sent : rv;
  }

  /**
   * Tells the sink the live keys per kind, as it has been told them, complete up to {@code
   * resourceVersion}.
   */
  void sendInventory(String resourceVersion) {
    sink.inventory(inventory(), resourceVersion);
  }

  /** The live keys per kind (every kind present, possibly empty), as the sink has been told. */
  Map<Kind, Set<ObjectKey>> inventory() {
    Map<Kind, Set<ObjectKey>> sets = new EnumMap<>(Kind.class);
    for (Kind kind : Kind.values()) {
      sets.put(kind, new HashSet<>());
    }
    live.keySet().forEach(k -> sets.get(k.kind()).add(k));
    Map<Kind, Set<ObjectKey>> out = new EnumMap<>(Kind.class);
    sets.forEach((kind, keys) -> out.put(kind, Set.copyOf(keys)));
    return java.util.Collections.unmodifiableMap(out);
  }

  private void cascade(ObjectKey changed) {
    switch (changed.kind()) {
      case INGRESS_CLASS, INGRESS_CLASS_PARAMS -> {
        List<ObjectKey> ingresses = keysOf(Kind.INGRESS);
        ingresses.forEach(this::judge);
        rejudgeReferenced(ingresses);
      }
      case INGRESS, TARGET_GROUP_BINDING -> rejudgeReferenced(List.of(changed));
      case SERVICE -> slices.of(changed.namespace() + "/" + changed.name()).forEach(this::judge);
      default -> {}
    }
  }

  /**
   * Recomputes which Services the given referencing objects (Ingresses, TargetGroupBindings)
   * reference; judges the Services (and their slices) whose standing changed.
   */
  private void rejudgeReferenced(List<ObjectKey> referencing) {
    Set<String> changed = new TreeSet<>();
    for (ObjectKey key : referencing) {
      Set<String> now = referencedServices(known.get(key));
      Set<String> old = referencesBy.getOrDefault(key, Set.of());
      for (String s : old) {
        if (!now.contains(s) && referenceCount.merge(s, -1, Integer::sum) == 0) {
          referenceCount.remove(s);
          changed.add(s);
        }
      }
      for (String s : now) {
        if (!old.contains(s) && referenceCount.merge(s, 1, Integer::sum) == 1) {
          changed.add(s);
        }
      }
      if (now.isEmpty()) {
        referencesBy.remove(key);
      } else {
        referencesBy.put(key, now);
      }
    }
    for (String service : changed) {
      judge(serviceKey(service));
      slices.of(service).forEach(this::judge);
    }
  }

  /**
   * The {@code namespace/name} of the Services a wanted referencing object references: an Ingress's
   * backends; a binding's {@code serviceRef}, in the binding's namespace. None for anything else,
   * or for an object not wanted (or gone).
   */
  private Set<String> referencedServices(K8sObject object) {
    return switch (object) {
      case K8sIngress ingress when ingressWanted(ingress) ->
          IngressModelBuilder.backendServices(ingress);
      case K8sTargetGroupBinding binding when bindingWanted(binding) -> {
        K8sTargetGroupBinding.ServiceRef ref =
            binding.spec() == null ? null : binding.spec().serviceRef();
        yield ref == null || ref.name() == null || ref.name().isEmpty()
            ? Set.of()
            : Set.of(binding.metadata().namespace() + "/" + ref.name());
      }
      case null, default -> Set.of();
    };
  }

  private void judge(ObjectKey key) {
    K8sObject object = known.get(key);
    if (object == null) {
      return;
    }
    String rv = object.metadata().resourceVersion();
    String sent = lastSent.get(key);
    boolean newer = sent == null || rv == null || ResourceVersion.isNewer(rv, sent);
    boolean wanted = wanted(object);
    if (wanted && newer && onlyVersionMoved(key, object)) {
      // A write to what the projection leaves out (status, finalizers: lbr's own write-back):
      // nothing the reconciler reads changed, so nothing is sent.
      live.put(key, sent);
      return;
    }
    if (wanted) {
      live.put(key, newer ? rv : sent);
    } else if (live.remove(key) == null) {
      return;
    }
    if (newer) {
      if (rv != null) {
        lastSent.put(key, rv);
      }
      sentObjects.put(key, object);
      sink.upsert(object);
    }
  }

  /** Whether the object equals the one last sent but for its resourceVersion. */
  private boolean onlyVersionMoved(ObjectKey key, K8sObject object) {
    K8sObject previous = sentObjects.get(key);
    return previous != null && withoutVersion(previous).equals(withoutVersion(object));
  }

  private static K8sObject withoutVersion(K8sObject o) {
    return o.withMetadata(o.metadata().withResourceVersion(null));
  }

  private boolean wanted(K8sObject object) {
    return switch (object) {
      case K8sService svc -> serviceWanted(svc.metadata().key(), svc);
      case K8sIngress ingress -> ingressWanted(ingress);
      case K8sTargetGroupBinding binding -> bindingWanted(binding);
      case K8sPod pod -> pod.hasTargetHealthGate();
      case K8sEndpointSlice slice -> {
        String service = SliceIndex.serviceOf(slice);
        yield service != null && serviceWanted(service, known.get(serviceKey(service)));
      }
      default -> true;
    };
  }

  private boolean serviceWanted(String namespacedName, K8sObject service) {
    return referenceCount.containsKey(namespacedName)
        || (service instanceof K8sService svc && ServiceModelBuilder.isManaged(svc));
  }

  private boolean ingressWanted(K8sIngress ingress) {
    return IngressModelBuilder.group(ingress, classes, params).isPresent();
  }

  /** A user's binding is input; one lbr wrote for its own stacks is output, never sent. */
  private static boolean bindingWanted(K8sTargetGroupBinding binding) {
    return !binding.writtenByLbr();
  }

  private List<ObjectKey> keysOf(Kind kind) {
    List<ObjectKey> keys = new ArrayList<>();
    for (ObjectKey k : known.keySet()) {
      if (k.kind() == kind) {
        keys.add(k);
      }
    }
    return keys;
  }

  private static ObjectKey serviceKey(String namespacedName) {
    int slash = namespacedName.indexOf('/');
    return new ObjectKey(
        Kind.SERVICE, namespacedName.substring(0, slash), namespacedName.substring(slash + 1));
  }
}
