package dev.lbr.reconcile;

import dev.lbr.k8s.K8sEndpointSlice;
import dev.lbr.k8s.K8sIngress;
import dev.lbr.k8s.K8sObject;
import dev.lbr.k8s.K8sService;
import dev.lbr.k8s.Kind;
import dev.lbr.k8s.ObjectKey;
import dev.lbr.model.StackId;
import dev.lbr.state.SnapshotStore;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which stacks a change to an object may affect. One instance serves one batch: the Ingress index
 * is read at most once, and again only after an Ingress, IngressClass or IngressClassParams was
 * stored (those change group membership).
 */
final class AffectedStacks {
  private static final Set<Kind> MEMBERSHIP =
      Set.of(Kind.INGRESS, Kind.INGRESS_CLASS, Kind.INGRESS_CLASS_PARAMS);

  private final SnapshotStore store;
  private IngressIndex index;
  private Set<StackId> nodeStacks;

  AffectedStacks(SnapshotStore store) {
    this.store = store;
  }

  /** Whether {@link #of} needs the object as stored before the change. */
  static boolean needsPrevious(Kind kind) {
    return MEMBERSHIP.contains(kind);
  }

  /**
   * Call after the change is stored.
   *
   * @param before the object as stored before the change (only for {@link #needsPrevious} kinds;
   *     may be null)
   * @param after the object as changed, or as last stored when it was deleted; may be null
   */
  List<StackId> of(ObjectKey key, K8sObject before, K8sObject after) {
    if (MEMBERSHIP.contains(key.kind())) {
      index = null; // membership may have changed
      nodeStacks = null;
    }
    if (key.kind() == Kind.SERVICE) {
      nodeStacks = null; // a Service may have switched target type
    }
    Set<StackId> stacks = new LinkedHashSet<>();
    switch (key.kind()) {
      case SERVICE -> {
        stacks.add(StackId.service(key.namespace(), key.name()));
        stacks.addAll(index().groupsReferencing(key.namespace() + "/" + key.name()));
      }
      case ENDPOINT_SLICE -> {
        String service = after instanceof K8sEndpointSlice slice ? slice.serviceName() : null;
        if (service != null) {
          stacks.add(StackId.service(key.namespace(), service));
          stacks.addAll(index().groupsReferencing(key.namespace() + "/" + service));
        }
      }
      case INGRESS -> {
        index().groupOf((K8sIngress) before).ifPresent(stacks::add);
        index().groupOf((K8sIngress) after).ifPresent(stacks::add);
      }
      case INGRESS_CLASS, INGRESS_CLASS_PARAMS -> {
        // every group as the classes are now, and as they were (an Ingress may have left ours)
        stacks.addAll(index().groups());
        stacks.addAll(index().replacing(key, before).groups());
      }
      case NODE -> stacks.addAll(nodeStacks());
    }
    return new ArrayList<>(stacks);
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
        if (ServiceStackModel.usesNodes(svc)) {
          nodeStacks.add(StackId.service(svc.metadata().namespace(), svc.metadata().name()));
        }
      }
      nodeStacks.addAll(index().groups());
    }
    return nodeStacks;
  }

  private IngressIndex index() {
    if (index == null) {
      index = IngressIndex.load(store);
    }
    return index;
  }
}
