package dev.lbr.forwarder.kube;

import dev.lbr.k8s.Kind;
import io.kubernetes.client.common.KubernetesListObject;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.models.V1EndpointSlice;
import io.kubernetes.client.openapi.models.V1EndpointSliceList;
import io.kubernetes.client.openapi.models.V1Ingress;
import io.kubernetes.client.openapi.models.V1IngressClass;
import io.kubernetes.client.openapi.models.V1IngressClassList;
import io.kubernetes.client.openapi.models.V1IngressList;
import io.kubernetes.client.openapi.models.V1Node;
import io.kubernetes.client.openapi.models.V1NodeList;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServiceList;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesListObject;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;

/**
 * One watched resource: the contract's kind, where it lives in the API, and the client-java types
 * it is read into (typed models for built-in kinds, the dynamic object for our CRD). Each kind has
 * its own model class, so one {@code SharedInformerFactory} holds all six informers.
 */
enum KubeResource {
  SERVICES(Kind.SERVICE, "", "v1", "services", V1Service.class, V1ServiceList.class),
  ENDPOINT_SLICES(
      Kind.ENDPOINT_SLICE,
      "discovery.k8s.io",
      "v1",
      "endpointslices",
      V1EndpointSlice.class,
      V1EndpointSliceList.class),
  INGRESSES(
      Kind.INGRESS, "networking.k8s.io", "v1", "ingresses", V1Ingress.class, V1IngressList.class),
  INGRESS_CLASSES(
      Kind.INGRESS_CLASS,
      "networking.k8s.io",
      "v1",
      "ingressclasses",
      V1IngressClass.class,
      V1IngressClassList.class),
  INGRESS_CLASS_PARAMS(
      Kind.INGRESS_CLASS_PARAMS,
      "elbv2.k8s.aws",
      "v1beta1",
      "ingressclassparams",
      DynamicKubernetesObject.class,
      DynamicKubernetesListObject.class),
  NODES(Kind.NODE, "", "v1", "nodes", V1Node.class, V1NodeList.class);

  final Kind kind;
  final String group;
  final String version;
  final String plural;
  final Class<? extends KubernetesObject> type;
  final Class<? extends KubernetesListObject> listType;

  KubeResource(
      Kind kind,
      String group,
      String version,
      String plural,
      Class<? extends KubernetesObject> type,
      Class<? extends KubernetesListObject> listType) {
    this.kind = kind;
    this.group = group;
    this.version = version;
    this.plural = plural;
    this.type = type;
    this.listType = listType;
  }

  boolean namespaced() {
    return kind.namespaced();
  }

  String apiVersion() {
    return group.isEmpty() ? version : group + "/" + version;
  }
}
