package dev.lbr.forwarder.kube;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lbr.event.Projection;
import dev.lbr.k8s.Json;
import dev.lbr.k8s.K8sObject;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;

/**
 * An object as the API server sent it to the contract's projection: its JSON trimmed by the shared
 * {@link Projection} (so managedFields, status and fields the contract does not know never leave
 * the cluster). List items come without apiVersion and kind; the resource supplies them.
 */
final class ObjectProjector {

  private ObjectProjector() {}

  static K8sObject project(KubeResource resource, DynamicKubernetesObject object) {
    ObjectNode raw;
    try {
      raw = (ObjectNode) Json.mapper().readTree(object.getRaw().toString());
    } catch (JsonProcessingException | ClassCastException e) {
      throw new IllegalArgumentException("unreadable " + resource.kind.wireName(), e);
    }
    raw.put("apiVersion", resource.apiVersion());
    raw.put("kind", resource.kind.wireName());
    return Projection.toObject(resource.kind, Projection.project(raw));
  }
}
