package dev.lbr.k8s;

/** A projected Kubernetes object: only the fields the reconciler reads. */
public sealed interface K8sObject
    permits K8sService,
        K8sEndpointSlice,
        K8sIngress,
        K8sIngressClass,
        K8sIngressClassParams,
        K8sNode,
        K8sTargetGroupBinding,
        K8sPod {

  ObjectMeta metadata();

  /** The kind of this record ({@link Kind#recordType}). */
  default Kind kind() {
    return Kind.of(getClass());
  }

  /**
   * The same object with other metadata (the CLI assigns uid and resourceVersion like an API
   * server).
   */
  K8sObject withMetadata(ObjectMeta metadata);

  default ObjectKey key() {
    return new ObjectKey(kind(), metadata().namespace(), metadata().name());
  }
}
