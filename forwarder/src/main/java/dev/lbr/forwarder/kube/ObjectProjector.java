package dev.lbr.forwarder.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lbr.event.Projection;
import dev.lbr.k8s.K8sObject;
import dev.lbr.k8s.ObjectKey;

/**
 * An object as the API server sent it (one list item or watch event, as a Jackson tree) to the
 * contract's projection: trimmed by the shared {@link Projection}, so managedFields, status and
 * fields the contract does not know are dropped as soon as the object is read and never leave the
 * cluster. List items come without apiVersion and kind; the resource supplies them. Pure.
 */
final class ObjectProjector {

  private ObjectProjector() {}

  /** The object's key, version and projection; an object that cannot be projected says why. */
  static Projected project(KubeResource resource, ObjectNode raw) {
    JsonNode meta = raw.path("metadata");
    ObjectKey key =
        new ObjectKey(
            resource.kind, meta.path("namespace").asText(""), meta.path("name").asText(null));
    String resourceVersion = meta.path("resourceVersion").asText(null);
    raw.put("apiVersion", resource.apiVersion());
    raw.put("kind", resource.kind.wireName());
    try {
      K8sObject object = Projection.toObject(resource.kind, Projection.project(raw));
      return new Projected(key, resourceVersion, object, null);
    } catch (RuntimeException e) {
      return new Projected(key, resourceVersion, null, e.getMessage());
    }
  }
}
