package dev.lbr.translate.ingress;

import dev.lbr.k8s.K8sEndpointSlice;
import dev.lbr.k8s.K8sIngress;
import dev.lbr.k8s.K8sIngressClass;
import dev.lbr.k8s.K8sIngressClassParams;
import dev.lbr.k8s.K8sNode;
import dev.lbr.k8s.K8sService;
import dev.lbr.model.StackId;
import java.util.List;
import java.util.Map;

/**
 * Everything one IngressGroup's desired stack is built from, as stored.
 *
 * @param id the group's stack ({@code ingress/<group name>} or {@code ingress/<ns>/<name>})
 * @param members the Ingresses that belong to the group now (any order; the builder sorts them by
 *     {@code group.order}, then namespace/name). Empty: the stack is to be deleted.
 * @param classes IngressClasses by name (the members' classes; may hold others)
 * @param params IngressClassParams by name (those the classes point at; may hold others)
 * @param services backend Services by {@code namespace/name}; a missing one is a missing backend
 * @param slices live EndpointSlices by Service {@code namespace/name}
 * @param nodes the cluster's live Nodes (instance targets); empty when no member needs them
 */
public record IngressGroupInput(
    StackId id,
    List<K8sIngress> members,
    Map<String, K8sIngressClass> classes,
    Map<String, K8sIngressClassParams> params,
    Map<String, K8sService> services,
    Map<String, List<K8sEndpointSlice>> slices,
    List<K8sNode> nodes) {
  public IngressGroupInput {
    members = List.copyOf(members);
    classes = Map.copyOf(classes);
    params = Map.copyOf(params);
    services = Map.copyOf(services);
    slices = Map.copyOf(slices);
    nodes = nodes == null ? List.of() : List.copyOf(nodes);
  }

  /** Without Nodes (ip targets only). */
  public IngressGroupInput(
      StackId id,
      List<K8sIngress> members,
      Map<String, K8sIngressClass> classes,
      Map<String, K8sIngressClassParams> params,
      Map<String, K8sService> services,
      Map<String, List<K8sEndpointSlice>> slices) {
    this(id, members, classes, params, services, slices, List.of());
  }
}
