package dev.lbr.reconcile;

import dev.lbr.k8s.K8sIngress;
import dev.lbr.k8s.K8sIngressClass;
import dev.lbr.k8s.K8sIngressClassParams;
import dev.lbr.k8s.K8sObject;
import dev.lbr.k8s.Kind;
import dev.lbr.k8s.ObjectKey;
import dev.lbr.model.StackId;
import dev.lbr.state.SnapshotStore;
import dev.lbr.state.SnapshotStore.StoredObject;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The drift run's view of the inputs: an object provisionally deleted by a refused inventory, or
 * being deleted (a deletion timestamp, its finalizer still held), asks for no stack. A stack asked
 * for by no other object is an orphan, collected after the grace period and behind the breaker.
 */
final class SettledInputs {
  private static final Logger LOG = LoggerFactory.getLogger(SettledInputs.class);

  private SettledInputs() {}

  /** Every stack a live, settled object asks for (as {@link StackInputs#stacks}). */
  static Set<StackId> stacks(SnapshotStore store) {
    Set<ObjectKey> provisional = new LinkedHashSet<>();
    for (Kind kind :
        List.of(
            Kind.SERVICE,
            Kind.INGRESS,
            Kind.INGRESS_CLASS,
            Kind.INGRESS_CLASS_PARAMS,
            Kind.TARGET_GROUP_BINDING)) {
      store.provisional(kind).forEach(s -> provisional.add(s.key()));
    }
    Set<StackId> ids = new LinkedHashSet<>();
    for (K8sObject o : settled(store, Kind.SERVICE, provisional)) {
      ids.add(StackId.service(o.metadata().namespace(), o.metadata().name()));
    }
    List<K8sIngress> ingresses =
        settled(store, Kind.INGRESS, provisional).stream().map(K8sIngress.class::cast).toList();
    Map<String, K8sIngressClass> classes =
        byName(settled(store, Kind.INGRESS_CLASS, provisional), K8sIngressClass.class);
    Map<String, K8sIngressClassParams> params =
        byName(settled(store, Kind.INGRESS_CLASS_PARAMS, provisional), K8sIngressClassParams.class);
    ids.addAll(new IngressIndex(ingresses, classes, params).groups());
    settled(store, Kind.TARGET_GROUP_BINDING, provisional).stream()
        .filter(BindingInputs::isInput)
        .forEach(b -> ids.add(StackId.binding(b.metadata().namespace(), b.metadata().name())));
    return ids;
  }

  /**
   * Turns provisional deletions older than {@code grace} into tombstones (at the refused
   * inventory's version; an update since then has already replaced the record). Returns how many.
   */
  static int confirmDue(SnapshotStore store, Instant now, Duration grace) {
    int confirmed = 0;
    for (Kind kind : Kind.values()) {
      for (StoredObject s : store.provisional(kind)) {
        if (!s.marks().provisionalSince().plus(grace).isAfter(now)) {
          store.delete(s.key(), s.marks().provisionalRv(), s.uid());
          LOG.atInfo()
              .addKeyValue("object", s.key())
              .addKeyValue("since", s.marks().provisionalSince())
              .log("provisional-confirmed");
          confirmed++;
        }
      }
    }
    return confirmed;
  }

  private static List<K8sObject> settled(SnapshotStore store, Kind kind, Set<ObjectKey> skip) {
    return store.liveObjects(kind).stream()
        .filter(o -> !skip.contains(o.key()))
        .filter(o -> o.metadata().deletionTimestamp() == null)
        .toList();
  }

  private static <T extends K8sObject> Map<String, T> byName(
      List<K8sObject> objects, Class<T> type) {
    return objects.stream()
        .map(type::cast)
        .collect(Collectors.toMap(o -> o.metadata().name(), Function.identity(), (a, b) -> a));
  }
}
