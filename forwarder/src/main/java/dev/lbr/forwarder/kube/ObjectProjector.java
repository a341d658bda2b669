package dev.lbr.forwarder.kube;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lbr.event.Projection;
import dev.lbr.k8s.Json;
import dev.lbr.k8s.K8sObject;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;

/**
 * A client-java object to the contract's projection: serialized with the client's own JSON, then
 * trimmed by the shared {@link Projection} (so managedFields and status never leave the cluster).
 * List items come without apiVersion and kind; the resource supplies them.
 */
final class ObjectProjector {

  private final JSON json;

  ObjectProjector(JSON json) {
    this.json = json;
  }

  K8sObject project(KubeResource resource, KubernetesObject object) {
    String text =
        object instanceof DynamicKubernetesObject dynamic
            ? dynamic.getRaw().toString()
            : json.serialize(object);
    ObjectNode raw;
    try {
      raw = (ObjectNode) Json.mapper().readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("unreadable " + resource.kind.wireName(), e);
    }
    raw.put("apiVersion", resource.apiVersion());
    raw.put("kind", resource.kind.wireName());
    return Projection.toObject(resource.kind, Projection.project(raw));
  }
}
