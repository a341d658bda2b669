package dev.lbr.forwarder.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lbr.event.Projection;
import dev.lbr.k8s.K8sObject;
import dev.lbr.k8s.K8sPod;
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

  /**
   * Whether the informers drop the object as soon as it is read: a Pod without a target-health
   * readiness gate ({@link K8sPod#hasTargetHealthGate}), which the contract never sends.
   *
   * <p>Why here, before the reflector: a big cluster has tens of thousands of pods, almost none
   * gated, and their status changes are the API's busiest stream. Dropped here, an ungated pod
   * costs nothing after it is read: it never enters the DeltaFIFO, the cache, the dispatcher's
   * versions or the {@link ChangeFilter}, and its changes never wake their threads. (A key-only
   * entry in the cache would cost about 200 bytes a pod and every status change a trip through all
   * of them; the filter alone would store every pod's projection.) A list leaves it out; a watch
   * event of it becomes a BOOKMARK at its resourceVersion, so the informer's version, and the
   * inventory's, still moves with it. Exact because readiness gates are immutable (set when the pod
   * is created): a pod is dropped for its whole life, its delete included, and a gated pod is kept
   * for its whole life. A pod that cannot be projected is not dropped: it is reported as any such
   * object.
   */
  static boolean dropped(Projected p) {
    return p.object() instanceof K8sPod pod && !pod.hasTargetHealthGate();
  }
}
