package dev.lbr.forwarder.status;

/** A Kubernetes resource the write-back touches, and its REST paths. */
public record ApiResource(
    String group, String version, String plural, String kind, boolean namespaced) {

  public static final ApiResource SERVICES = new ApiResource("", "v1", "services", "Service", true);
  public static final ApiResource INGRESSES =
      new ApiResource("networking.k8s.io", "v1", "ingresses", "Ingress", true);
  public static final ApiResource PODS = new ApiResource("", "v1", "pods", "Pod", true);
  public static final ApiResource EVENTS = new ApiResource("", "v1", "events", "Event", true);
  public static final ApiResource TARGET_GROUP_BINDINGS =
      new ApiResource(
          "elbv2.k8s.aws", "v1beta1", "targetgroupbindings", "TargetGroupBinding", true);
  public static final ApiResource MUTATING_WEBHOOKS =
      new ApiResource(
          "admissionregistration.k8s.io",
          "v1",
          "mutatingwebhookconfigurations",
          "MutatingWebhookConfiguration",
          false);

  public String apiVersion() {
    return group.isEmpty() ? version : group + "/" + version;
  }

  /** The collection: all namespaces when {@code namespace} is null. */
  public String collection(String namespace) {
    String prefix = group.isEmpty() ? "/api/" + version : "/apis/" + group + "/" + version;
    return namespaced && namespace != null
        ? prefix + "/namespaces/" + namespace + "/" + plural
        : prefix + "/" + plural;
  }

  public String item(String namespace, String name) {
    return collection(namespace) + "/" + name;
  }

  public String status(String namespace, String name) {
    return item(namespace, name) + "/status";
  }
}
