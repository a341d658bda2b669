package dev.lbr.k8s;

import java.util.Map;

/** The metadata fields the reconciler reads. Never carries managedFields. */
@ProjectedJson
public record ObjectMeta(
    String namespace,
    String name,
    String uid,
    String resourceVersion,
    Map<String, String> labels,
    Map<String, String> annotations,
    String creationTimestamp,
    String deletionTimestamp) {

  public ObjectMeta {
    labels = labels == null ? Map.of() : Map.copyOf(labels);
    annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
  }

  public String annotation(String key) {
    return annotations.get(key);
  }

  public String label(String key) {
    return labels.get(key);
  }

  /** {@code namespace/name}, or just the name for cluster-scoped objects. */
  public String key() {
    return namespace == null || namespace.isEmpty() ? name : namespace + "/" + name;
  }

  public ObjectMeta withResourceVersion(String rv) {
    return new ObjectMeta(
        namespace, name, uid, rv, labels, annotations, creationTimestamp, deletionTimestamp);
  }

  public ObjectMeta withUid(String newUid) {
    return new ObjectMeta(
        namespace,
        name,
        newUid,
        resourceVersion,
        labels,
        annotations,
        creationTimestamp,
        deletionTimestamp);
  }
}
