package dev.lbr.reconcile;

import dev.lbr.k8s.K8sIngress;
import dev.lbr.k8s.K8sIngressClass;
import dev.lbr.k8s.K8sIngressClassParams;
import dev.lbr.k8s.K8sObject;
import dev.lbr.k8s.Kind;
import dev.lbr.k8s.ObjectKey;
import dev.lbr.model.StackId;
import dev.lbr.state.SnapshotStore;
import dev.lbr.translate.ingress.IngressModelBuilder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The stored Ingresses, IngressClasses and IngressClassParams of the cluster, read once (three
 * Queries) and indexed by group. Answers "which Ingress stacks does this change touch" and "who are
 * the members of this group". Groups are not stored anywhere: they follow from the objects.
 */
final class IngressIndex {
  private static final Comparator<StackId> BY_VALUE = Comparator.comparing(StackId::value);

  private final List<K8sIngress> ingresses;
  private final Map<String, K8sIngressClass> classes;
  private final Map<String, K8sIngressClassParams> params;

  /** Each Ingress with its group and backends, worked out once: every event of a batch asks. */
  private final List<Entry> entries;

  private record Entry(K8sIngress ingress, Optional<StackId> group, Set<String> backends) {}

  IngressIndex(
      List<K8sIngress> ingresses,
      Map<String, K8sIngressClass> classes,
      Map<String, K8sIngressClassParams> params) {
    this.ingresses = List.copyOf(ingresses);
    this.classes = Map.copyOf(classes);
    this.params = Map.copyOf(params);
    this.entries =
        this.ingresses.stream()
            .map(i -> new Entry(i, groupOf(i), IngressModelBuilder.backendServices(i)))
            .toList();
  }

  static IngressIndex load(SnapshotStore store) {
    return new IngressIndex(
        live(store, Kind.INGRESS, K8sIngress.class),
        byName(live(store, Kind.INGRESS_CLASS, K8sIngressClass.class), K8sIngressClass::metadata),
        byName(
            live(store, Kind.INGRESS_CLASS_PARAMS, K8sIngressClassParams.class),
            K8sIngressClassParams::metadata));
  }

  /** Every stored Ingress, ours or not. */
  List<K8sIngress> ingresses() {
    return ingresses;
  }

  Map<String, K8sIngressClass> classes() {
    return classes;
  }

  Map<String, K8sIngressClassParams> params() {
    return params;
  }

  /**
   * This index with the IngressClass or IngressClassParams {@code key} as {@code previous} (absent
   * when null): the groups as they were before a change to it.
   */
  IngressIndex replacing(ObjectKey key, K8sObject previous) {
    Map<String, K8sIngressClass> c = new LinkedHashMap<>(classes);
    Map<String, K8sIngressClassParams> p = new LinkedHashMap<>(params);
    if (key.kind() == Kind.INGRESS_CLASS) {
      c.remove(key.name());
      if (previous instanceof K8sIngressClass cls) {
        c.put(key.name(), cls);
      }
    } else if (key.kind() == Kind.INGRESS_CLASS_PARAMS) {
      p.remove(key.name());
      if (previous instanceof K8sIngressClassParams params) {
        p.put(key.name(), params);
      }
    }
    return new IngressIndex(ingresses, c, p);
  }

  /** The group the Ingress belongs to as it is (or was), empty when it is not ours. */
  Optional<StackId> groupOf(K8sIngress ingress) {
    return ingress == null ? Optional.empty() : IngressModelBuilder.group(ingress, classes, params);
  }

  /** The members of the group, in storage order (the builder sorts them). */
  List<K8sIngress> members(StackId group) {
    return entries.stream()
        .filter(e -> e.group().filter(group::equals).isPresent())
        .map(Entry::ingress)
        .toList();
  }

  /** Every group that has at least one member. */
  Set<StackId> groups() {
    Set<StackId> groups = new TreeSet<>(BY_VALUE);
    entries.forEach(e -> e.group().ifPresent(groups::add));
    return groups;
  }

  /** The groups with a member that references the Service {@code namespace/name}. */
  Set<StackId> groupsReferencing(String service) {
    Set<StackId> groups = new TreeSet<>(BY_VALUE);
    for (Entry e : entries) {
      if (e.backends().contains(service)) {
        e.group().ifPresent(groups::add);
      }
    }
    return groups;
  }

  private static <T extends K8sObject> List<T> live(SnapshotStore store, Kind kind, Class<T> type) {
    List<T> objects = new ArrayList<>();
    store.liveObjects(kind).forEach(o -> objects.add(type.cast(o)));
    return objects;
  }

  private static <T> Map<String, T> byName(
      List<T> objects, Function<T, dev.lbr.k8s.ObjectMeta> meta) {
    return objects.stream()
        .collect(
            Collectors.toMap(o -> meta.apply(o).name(), o -> o, (a, b) -> a, LinkedHashMap::new));
  }
}
