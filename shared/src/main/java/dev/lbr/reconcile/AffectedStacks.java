package dev.lbr.reconcile;

import dev.lbr.k8s.K8sEndpointSlice;
import dev.lbr.k8s.K8sObject;
import dev.lbr.k8s.ObjectKey;
import dev.lbr.model.StackId;
import java.util.List;

/** Which stacks a change to an object may affect. */
final class AffectedStacks {
  private AffectedStacks() {}

  /**
   * @param object the object as changed, or as last stored when the event carried none; may be null
   */
  static List<StackId> of(ObjectKey key, K8sObject object) {
    return switch (key.kind()) {
      case SERVICE -> List.of(StackId.service(key.namespace(), key.name()));
      case ENDPOINT_SLICE -> {
        String service = object instanceof K8sEndpointSlice slice ? slice.serviceName() : null;
        yield service == null ? List.of() : List.of(StackId.service(key.namespace(), service));
      }
      // Stored now; the Ingress, class and node paths come with their own issues.
      case INGRESS, INGRESS_CLASS, INGRESS_CLASS_PARAMS, NODE -> List.of();
    };
  }
}
