package dev.lbr.k8s;

/**
 * Identity of a Kubernetes object inside one cluster. {@code namespace} is empty when
 * cluster-scoped.
 */
public record ObjectKey(Kind kind, String namespace, String name) {
  public ObjectKey {
    namespace = namespace == null ? "" : namespace;
  }

  @Override
  public String toString() {
    return kind.wireName() + " " + (namespace.isEmpty() ? name : namespace + "/" + name);
  }
}
