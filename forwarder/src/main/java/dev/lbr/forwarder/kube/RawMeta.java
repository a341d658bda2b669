package dev.lbr.forwarder.kube;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.informer.cache.Caches;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;
import java.util.List;

/**
 * The few metadata fields the informers need, read straight from a dynamic object's JSON: {@code
 * getMetadata()} would parse the whole metadata (managedFields included) on every call.
 */
final class RawMeta {

  private RawMeta() {}

  static String name(DynamicKubernetesObject o) {
    return field(o, "name");
  }

  /** The namespace, or null for a cluster-scoped object. */
  static String namespace(DynamicKubernetesObject o) {
    String ns = field(o, "namespace");
    return ns == null || ns.isEmpty() ? null : ns;
  }

  static String resourceVersion(DynamicKubernetesObject o) {
    return field(o, "resourceVersion");
  }

  /** The informer cache's key ({@code namespace/name} or {@code name}), as client-java's. */
  static String key(KubernetesObject o) {
    if (o instanceof DynamicKubernetesObject d) {
      String ns = namespace(d);
      return ns == null ? name(d) : ns + "/" + name(d);
    }
    return Caches.deletionHandlingMetaNamespaceKeyFunc(o); // a DeletedFinalStateUnknown
  }

  /** The informer cache's namespace index. */
  static List<String> namespaceIndex(KubernetesObject o) {
    String ns = o instanceof DynamicKubernetesObject d ? namespace(d) : null;
    return ns == null ? List.of() : List.of(ns);
  }

  /** Drops managedFields, which nothing downstream reads, so the cache does not hold them. */
  static void dropManagedFields(DynamicKubernetesObject o) {
    JsonObject meta = metadata(o);
    if (meta != null) {
      meta.remove("managedFields");
    }
  }

  private static String field(DynamicKubernetesObject o, String name) {
    JsonObject meta = metadata(o);
    JsonElement value = meta == null ? null : meta.get(name);
    return value == null || !value.isJsonPrimitive() ? null : value.getAsString();
  }

  private static JsonObject metadata(DynamicKubernetesObject o) {
    JsonElement meta = o.getRaw().get("metadata");
    return meta != null && meta.isJsonObject() ? meta.getAsJsonObject() : null;
  }
}
