package dev.lbr.k8s;

import java.util.Arrays;
import java.util.Optional;

/** The Kubernetes kinds the event contract carries. */
public enum Kind {
  SERVICE("Service", true),
  ENDPOINT_SLICE("EndpointSlice", true),
  INGRESS("Ingress", true),
  INGRESS_CLASS("IngressClass", false),
  INGRESS_CLASS_PARAMS("IngressClassParams", false),
  NODE("Node", false),
  TARGET_GROUP_BINDING("TargetGroupBinding", true);

  private final String wireName;
  private final boolean namespaced;

  Kind(String wireName, boolean namespaced) {
    this.wireName = wireName;
    this.namespaced = namespaced;
  }

  /** The name used on the wire: the Kubernetes kind, and the EventBridge detail-type. */
  public String wireName() {
    return wireName;
  }

  public boolean namespaced() {
    return namespaced;
  }

  public static Optional<Kind> fromWireName(String name) {
    return Arrays.stream(values()).filter(k -> k.wireName.equals(name)).findFirst();
  }
}
