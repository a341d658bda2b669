package dev.lbr.forwarder.kube;

import dev.lbr.k8s.Kind;

/**
 * One watched resource: the contract's kind and where it lives in the API. Every kind is read as
 * raw JSON straight into the contract's projection ({@link ObjectProjector}), never into
 * client-java's generated models: those reject any field they do not know, so one object from a
 * newer cluster would stop a whole kind. A resource that {@link #mayBeUnserved may be unserved} is
 * a custom resource whose CRD a cluster may lack: a 404 on it means "none", not a failure.
 */
enum KubeResource {
  SERVICES(Kind.SERVICE, "", "v1", "services"),
  ENDPOINT_SLICES(Kind.ENDPOINT_SLICE, "discovery.k8s.io", "v1", "endpointslices"),
  INGRESSES(Kind.INGRESS, "networking.k8s.io", "v1", "ingresses"),
  INGRESS_CLASSES(Kind.INGRESS_CLASS, "networking.k8s.io", "v1", "ingressclasses"),
  INGRESS_CLASS_PARAMS(Kind.INGRESS_CLASS_PARAMS, "elbv2.k8s.aws", "v1beta1", "ingressclassparams"),
  NODES(Kind.NODE, "", "v1", "nodes"),
  /** Only those with a target-health readiness gate are kept: {@link ObjectProjector#dropped}. */
  PODS(Kind.POD, "", "v1", "pods"),
  /** LBC's CRD: lbr ships it (forwarder/deploy/), but a cluster may not have it applied. */
  TARGET_GROUP_BINDINGS(
      Kind.TARGET_GROUP_BINDING, "elbv2.k8s.aws", "v1beta1", "targetgroupbindings", true);

  final Kind kind;
  final String group;
  final String version;
  final String plural;

  /** Whether a 404 on the collection means the kind is not served (then it has no objects). */
  final boolean mayBeUnserved;

  KubeResource(Kind kind, String group, String version, String plural) {
    this(kind, group, version, plural, false);
  }

  KubeResource(Kind kind, String group, String version, String plural, boolean mayBeUnserved) {
    this.kind = kind;
    this.group = group;
    this.version = version;
    this.plural = plural;
    this.mayBeUnserved = mayBeUnserved;
  }

  boolean namespaced() {
    return kind.namespaced();
  }

  String apiVersion() {
    return group.isEmpty() ? version : group + "/" + version;
  }

  /** The collection's path: in one namespace, or across all when {@code namespace} is null. */
  String collection(String namespace) {
    String prefix = group.isEmpty() ? "/api/" + version : "/apis/" + group + "/" + version;
    return namespace == null
        ? prefix + "/" + plural
        : prefix + "/namespaces/" + namespace + "/" + plural;
  }
}
