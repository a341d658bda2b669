package dev.lbr.forwarder.kube;

import dev.lbr.event.Projection;
import dev.lbr.k8s.K8sObject;
import dev.lbr.k8s.ObjectKey;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.informer.cache.Caches;
import io.kubernetes.client.openapi.models.V1ObjectMeta;

/**
 * An object as the informers hold it: its key, its resourceVersion and its projection, never its
 * JSON. {@code object} is null when the object could not be projected ({@code problem} says why)
 * and for a bookmark (which has no key either). client-java's reflector, FIFO and cache see it
 * through {@link KubernetesObject}, of which they read only the key, the resourceVersion and the
 * kind.
 */
record Projected(ObjectKey key, String resourceVersion, K8sObject object, String problem)
    implements KubernetesObject {

  /** A watch bookmark: only a resourceVersion. */
  static Projected bookmark(String resourceVersion) {
    return new Projected(null, resourceVersion, null, null);
  }

  /**
   * The cache's key, {@code namespace/name} or {@code name} as client-java's, for a projected
   * object or a {@code DeletedFinalStateUnknown} holding one.
   */
  static String cacheKey(KubernetesObject o) {
    if (o instanceof Projected p) {
      return p.key.namespace().isEmpty() ? p.key.name() : p.key.namespace() + "/" + p.key.name();
    }
    return Caches.deletionHandlingMetaNamespaceKeyFunc(o);
  }

  @Override
  public V1ObjectMeta getMetadata() {
    V1ObjectMeta meta = new V1ObjectMeta().resourceVersion(resourceVersion);
    if (key != null) {
      meta.name(key.name()).namespace(key.namespace().isEmpty() ? null : key.namespace());
    }
    return meta;
  }

  @Override
  public String getApiVersion() {
    return key == null ? null : Projection.apiVersion(key.kind());
  }

  @Override
  public String getKind() {
    return key == null ? null : key.kind().wireName();
  }

  /**
   * Never called: client-java's reflector looks these setters up (and warns when they are missing)
   * to fill in list items without a kind, and every projected object has one.
   */
  public void setKind(String kind) {}

  /** Never called, as {@link #setKind}. */
  public void setApiVersion(String apiVersion) {}
}
