package dev.lbr.reconcile;

import dev.lbr.k8s.K8sEndpointSlice;
import dev.lbr.k8s.K8sIngress;
import dev.lbr.k8s.K8sObject;
import dev.lbr.k8s.K8sPod;
import dev.lbr.k8s.K8sService;
import dev.lbr.k8s.K8sTargetGroupBinding;
import dev.lbr.k8s.Kind;
import dev.lbr.k8s.ObjectKey;
import dev.lbr.model.StackId;
import dev.lbr.state.BackendIndex;
import dev.lbr.state.SnapshotStore;
import dev.lbr.translate.ingress.IngressModelBuilder;
import dev.lbr.translate.service.ServiceModelBuilder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which stacks a change to an object may affect. One instance serves one batch. A Service or
 * EndpointSlice finds its IngressGroups and the users' TargetGroupBindings that use it in the
 * {@link BackendIndex} (one small Query per Service); Ingress and binding events keep that index
 * current. Node events wake every binding (read once per batch) besides the instance-mode stacks.
 * The Ingresses themselves (the {@link IngressIndex}) are read at most once per batch, and again
 * only after an Ingress, IngressClass or IngressClassParams was stored (those change group
 * membership): for Ingress and class events, Node events, and to rebuild the backend index when it
 * is incomplete.
 */
final class AffectedStacks {
  private static final Set<Kind> MEMBERSHIP =
      Set.of(Kind.INGRESS, Kind.INGRESS_CLASS, Kind.INGRESS_CLASS_PARAMS);

  private final SnapshotStore store;
  private final BackendIndex backends;
  private IngressIndex index;
  private Set<StackId> nodeStacks;
  private Map<StackId, K8sTargetGroupBinding> bindings;
  private List<K8sService> services;
  private BackendIndex.Status backendStatus;
  private final Map<String, Set<StackId>> groupsByService = new LinkedHashMap<>();

  AffectedStacks(SnapshotStore store, BackendIndex backends) {
    this.store = store;
    this.backends = backends;
  }

  /** Whether {@link #of} needs the object as stored before the change. */
  static boolean needsPrevious(Kind kind) {
    return MEMBERSHIP.contains(kind) || kind == Kind.TARGET_GROUP_BINDING;
  }

  /**
   * Call after the change is stored.
   *
   * @param before the object as stored before the change (only for {@link #needsPrevious} kinds;
   *     may be null)
   * @param after the object as changed, or as last stored when it was deleted; may be null
   */
  List<StackId> of(ObjectKey key, K8sObject before, K8sObject after) {
    return of(key, before, after, false);
  }

  /** As {@link #of}, for a deletion: {@code last} is the object as last stored, or null. */
  List<StackId> ofDeleted(ObjectKey key, K8sObject before, K8sObject last) {
    return of(key, before, last, true);
  }

  private List<StackId> of(ObjectKey key, K8sObject before, K8sObject after, boolean deleted) {
    if (MEMBERSHIP.contains(key.kind())) {
      index = null; // membership may have changed
      nodeStacks = null;
      groupsByService.clear();
    }
    if (key.kind() == Kind.INGRESS_CLASS || key.kind() == Kind.INGRESS_CLASS_PARAMS) {
      backends.invalidate(); // every Ingress may be in another group now
      backendStatus = null;
    }
    if (key.kind() == Kind.SERVICE) {
      nodeStacks = null; // a Service may have switched target type
      services = null;
    }
    if (key.kind() == Kind.TARGET_GROUP_BINDING) {
      bindings = null;
      nodeStacks = null;
    }
    Set<StackId> stacks = new LinkedHashSet<>();
    switch (key.kind()) {
      case SERVICE -> {
        stacks.add(StackId.service(key.namespace(), key.name()));
        stacks.addAll(groupsReferencing(key.namespace() + "/" + key.name()));
      }
      case ENDPOINT_SLICE -> {
        String service = after instanceof K8sEndpointSlice slice ? slice.serviceName() : null;
        if (service != null) {
          stacks.add(StackId.service(key.namespace(), service));
          stacks.addAll(groupsReferencing(key.namespace() + "/" + service));
        }
      }
      case INGRESS -> {
        index().groupOf((K8sIngress) before).ifPresent(stacks::add);
        index().groupOf((K8sIngress) after).ifPresent(stacks::add);
        indexBackends(key, (K8sIngress) before, deleted ? null : (K8sIngress) after);
      }
      case INGRESS_CLASS, INGRESS_CLASS_PARAMS -> {
        // every group as the classes are now, and as they were (an Ingress may have left ours)
        stacks.addAll(index().groups());
        stacks.addAll(index().replacing(key, before).groups());
      }
      case NODE -> stacks.addAll(nodeStacks());
      case POD -> {
        if (after instanceof K8sPod pod) {
          for (String service : servicesSelecting(pod)) {
            stacks.add(StackId.service(key.namespace(), service));
            stacks.addAll(groupsReferencing(key.namespace() + "/" + service));
          }
        }
      }
      case TARGET_GROUP_BINDING -> {
        stacks.add(StackId.binding(key.namespace(), key.name()));
        K8sObject now = deleted ? null : after;
        backends.put(key, bindingReferences(now), backendStatus().generation());
        Set<String> dropped = new HashSet<>(bindingReferences(before).keySet());
        dropped.removeAll(bindingReferences(now).keySet());
        backends.remove(key, dropped);
        groupsByService.clear();
      }
    }
    return new ArrayList<>(stacks);
  }

  /**
   * The Services of the pod's namespace whose selector matches its labels (as the EndpointSlice
   * controller selects): the Services whose targets a gated pod may be. The Services are read once
   * per batch, and only for batches with Pod events.
   */
  private List<String> servicesSelecting(K8sPod pod) {
    if (services == null) {
      services = store.liveObjects(Kind.SERVICE).stream().map(K8sService.class::cast).toList();
    }
    return services.stream()
        .filter(s -> pod.metadata().namespace().equals(s.metadata().namespace()))
        .filter(s -> s.selects(pod.metadata().labels()))
        .map(s -> s.metadata().name())
        .toList();
  }

  /**
   * The stacks whose targets may be Nodes: Services in instance mode, and every IngressGroup
   * (instance is LBC's default for Ingress; a group without instance targets takes the targets-only
   * path and finds nothing to change, at no AWS call). Read once per batch.
   */
  private Set<StackId> nodeStacks() {
    if (nodeStacks == null) {
      nodeStacks = new LinkedHashSet<>();
      for (K8sObject o : store.liveObjects(Kind.SERVICE)) {
        K8sService svc = (K8sService) o;
        if (ServiceModelBuilder.targetsNodes(svc)) {
          nodeStacks.add(StackId.service(svc.metadata().namespace(), svc.metadata().name()));
        }
      }
      nodeStacks.addAll(index().groups());
      nodeStacks.addAll(bindings().keySet());
    }
    return nodeStacks;
  }

  /**
   * The groups with a member that uses the Service {@code namespace/name} as a backend: from the
   * backend index while it is complete, otherwise from the Ingresses (and the index is rebuilt).
   */
  private Set<StackId> groupsReferencing(String service) {
    Set<StackId> known = groupsByService.get(service);
    if (known != null) {
      return known;
    }
    Set<StackId> groups = new LinkedHashSet<>();
    if (backendStatus().complete()) {
      groups.addAll(backends.groupsReferencing(service));
    } else {
      groups.addAll(index().groupsReferencing(service));
      for (K8sTargetGroupBinding binding : bindings().values()) {
        Optional.ofNullable(bindingReferences(binding).get(service)).ifPresent(groups::add);
      }
    }
    groupsByService.put(service, groups);
    return groups;
  }

  private BackendIndex.Status backendStatus() {
    if (backendStatus == null) {
      backendStatus = backends.status();
      if (!backendStatus.complete()) {
        rebuild(backendStatus.generation());
      }
    }
    return backendStatus;
  }

  /** Every stored Ingress's references, then the mark, unless a class change came in between. */
  private void rebuild(long generation) {
    for (K8sIngress ingress : index().ingresses()) {
      backends.rebuild(ingress.key(), references(ingress), generation);
    }
    for (K8sTargetGroupBinding binding : bindings().values()) {
      backends.rebuild(binding.key(), bindingReferences(binding), generation);
    }
    backends.markComplete(generation);
  }

  /**
   * The Ingress's references as it is now (none when deleted or not ours), written before its
   * groups are reconciled; the Services it no longer uses are forgotten.
   */
  private void indexBackends(ObjectKey key, K8sIngress before, K8sIngress now) {
    Map<String, StackId> current = now == null ? Map.of() : references(now);
    backends.put(key, current, backendStatus().generation());
    Set<String> dropped = new HashSet<>();
    if (before != null) {
      dropped.addAll(IngressModelBuilder.backendServices(before));
    }
    dropped.removeAll(current.keySet());
    backends.remove(key, dropped);
    groupsByService.clear();
  }

  private Map<String, StackId> references(K8sIngress ingress) {
    Optional<StackId> group = index().groupOf(ingress);
    Map<String, StackId> refs = new LinkedHashMap<>();
    if (group.isPresent()) {
      IngressModelBuilder.backendServices(ingress).forEach(s -> refs.put(s, group.get()));
    }
    return refs;
  }

  /**
   * A user binding's reference: its Service, to its own stack (none when the binding is absent,
   * being deleted or lbr's own).
   */
  private static Map<String, StackId> bindingReferences(K8sObject object) {
    if (!BindingInputs.isInput(object)) {
      return Map.of();
    }
    K8sTargetGroupBinding b = (K8sTargetGroupBinding) object;
    String namespace = b.metadata().namespace();
    return Map.of(
        namespace + "/" + b.spec().serviceRef().name(),
        StackId.binding(namespace, b.metadata().name()));
  }

  /** The stored user bindings by stack; read at most once per batch. */
  private Map<StackId, K8sTargetGroupBinding> bindings() {
    if (bindings == null) {
      bindings = new LinkedHashMap<>();
      for (K8sObject o : store.liveObjects(Kind.TARGET_GROUP_BINDING)) {
        if (BindingInputs.isInput(o)) {
          bindings.put(
              StackId.binding(o.metadata().namespace(), o.metadata().name()),
              (K8sTargetGroupBinding) o);
        }
      }
    }
    return bindings;
  }

  private IngressIndex index() {
    if (index == null) {
      index = IngressIndex.load(store);
    }
    return index;
  }
}
