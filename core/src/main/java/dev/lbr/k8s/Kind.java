package dev.lbr.k8s;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;

/** The Kubernetes kinds the event contract carries. */
public enum Kind {
  SERVICE("Service", true, K8sService.class),
  ENDPOINT_SLICE("EndpointSlice", true, K8sEndpointSlice.class),
  INGRESS("Ingress", true, K8sIngress.class),
  INGRESS_CLASS("IngressClass", false, K8sIngressClass.class),
  INGRESS_CLASS_PARAMS("IngressClassParams", false, K8sIngressClassParams.class),
  NODE("Node", false, K8sNode.class),
  TARGET_GROUP_BINDING("TargetGroupBinding", true, K8sTargetGroupBinding.class),
  /** Only pods carrying a target-health readiness gate ({@link K8sPod}). */
  POD("Pod", true, K8sPod.class);

  private static final Kind[] VALUES = values();

  private final String wireName;
  private final boolean namespaced;
  private final Class<? extends K8sObject> recordType;

  Kind(String wireName, boolean namespaced, Class<? extends K8sObject> recordType) {
    this.wireName = wireName;
    this.namespaced = namespaced;
    this.recordType = recordType;
  }

  /** The name used on the wire: the Kubernetes kind, and the EventBridge detail-type. */
  public String wireName() {
    return wireName;
  }

  public boolean namespaced() {
    return namespaced;
  }

  /** The typed record an object of this kind is read into. */
  public Class<? extends K8sObject> recordType() {
    return recordType;
  }

  /** The kind whose {@link #recordType} is {@code type}. */
  static Kind of(Class<? extends K8sObject> type) {
    for (Kind kind : VALUES) {
      if (kind.recordType == type) {
        return kind;
      }
    }
    throw new IllegalArgumentException("not a record type of a kind: " + type);
  }

  public static Optional<Kind> fromWireName(String name) {
    return Arrays.stream(values()).filter(k -> k.wireName.equals(name)).findFirst();
  }

  /**
   * The kind of this wire name.
   *
   * @param error makes the exception for a kind the contract does not carry, from the message
   *     {@code not a kind the contract carries: '<name>'}
   */
  public static <E extends RuntimeException> Kind fromWireName(
      String name, Function<String, E> error) {
    return fromWireName(name)
        .orElseThrow(() -> error.apply("not a kind the contract carries: '" + name + "'"));
  }
}
