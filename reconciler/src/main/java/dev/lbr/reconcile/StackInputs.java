package dev.lbr.reconcile;

import dev.lbr.k8s.K8sObject;
import dev.lbr.k8s.K8sService;
import dev.lbr.model.StackId;
import dev.lbr.state.SnapshotStore;
import java.util.LinkedHashSet;
import java.util.Set;

/** The stacks a set of stored objects asks for, for {@code lbr apply --prune} and {@code plan}. */
public final class StackInputs {
  private StackInputs() {}

  /**
   * Every Service's stack (managed or not), every IngressGroup with a member and every user
   * TargetGroupBinding.
   */
  public static Set<StackId> stacks(SnapshotStore store) {
    Set<StackId> ids = new LinkedHashSet<>();
    for (K8sObject o : store.liveObjects(dev.lbr.k8s.Kind.SERVICE)) {
      K8sService s = (K8sService) o;
      ids.add(StackId.service(s.metadata().namespace(), s.metadata().name()));
    }
    ids.addAll(IngressIndex.load(store).groups());
    for (K8sObject o : store.liveObjects(dev.lbr.k8s.Kind.TARGET_GROUP_BINDING)) {
      if (BindingInputs.isInput(o)) {
        ids.add(StackId.binding(o.metadata().namespace(), o.metadata().name()));
      }
    }
    return ids;
  }
}
