package dev.lbr.forwarder.webhook;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lbr.k8s.Json;
import dev.lbr.k8s.K8sService;
import dev.lbr.k8s.K8sTargetGroupBinding;
import dev.lbr.k8s.ObjectMeta;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Bindings, Services, pods and AdmissionReviews for the webhook's tests. */
final class Fixtures {
  private Fixtures() {}

  static K8sTargetGroupBinding binding(String name, String targetType, String service) {
    return binding(name, targetType, service, Map.of());
  }

  static K8sTargetGroupBinding binding(
      String name, String targetType, String service, Map<String, String> labels) {
    return new K8sTargetGroupBinding(
        new ObjectMeta("shop", name, "uid-" + name, "1", labels, Map.of(), null, null),
        new K8sTargetGroupBinding.Spec(
            "arn:aws:elasticloadbalancing:eu-west-1:1:targetgroup/" + name + "/1",
            null,
            targetType,
            new K8sTargetGroupBinding.ServiceRef(service, "80"),
            null,
            null,
            null,
            null,
            null));
  }

  static K8sService service(String name, Map<String, String> selector) {
    return new K8sService(
        new ObjectMeta("shop", name, "uid-" + name, "1", Map.of(), Map.of(), null, null),
        new K8sService.Spec("ClusterIP", null, List.of(), selector, null, null, null, null));
  }

  /** A lookup over fixed bindings and Services of one namespace, {@code shop}. */
  static BindingLookup lookup(List<K8sTargetGroupBinding> bindings, List<K8sService> services) {
    return new BindingLookup() {
      @Override
      public boolean synced() {
        return true;
      }

      @Override
      public List<K8sTargetGroupBinding> bindings(String namespace) {
        return "shop".equals(namespace) ? bindings : List.of();
      }

      @Override
      public Optional<K8sService> service(String namespace, String name) {
        return services.stream()
            .filter(s -> s.metadata().namespace().equals(namespace))
            .filter(s -> s.metadata().name().equals(name))
            .findFirst();
      }
    };
  }

  static ObjectNode pod(Map<String, String> labels, String... gates) {
    ObjectNode pod = Json.mapper().createObjectNode();
    pod.put("apiVersion", "v1");
    pod.put("kind", "Pod");
    ObjectNode meta = pod.putObject("metadata");
    meta.put("generateName", "web-");
    ObjectNode labelNode = meta.putObject("labels");
    labels.forEach(labelNode::put);
    ObjectNode spec = pod.putObject("spec");
    spec.putArray("containers").addObject().put("name", "web").put("image", "nginx");
    if (gates.length > 0) {
      ArrayNode rg = spec.putArray("readinessGates");
      for (String g : gates) {
        rg.addObject().put("conditionType", g);
      }
    }
    return pod;
  }

  static ObjectNode review(String uid, String namespace, ObjectNode pod) {
    ObjectNode review = Json.mapper().createObjectNode();
    review.put("apiVersion", "admission.k8s.io/v1");
    review.put("kind", "AdmissionReview");
    ObjectNode request = review.putObject("request");
    request.put("uid", uid);
    request.putObject("kind").put("group", "").put("version", "v1").put("kind", "Pod");
    request.putObject("resource").put("group", "").put("version", "v1").put("resource", "pods");
    request.put("namespace", namespace);
    request.put("operation", "CREATE");
    request.set("object", pod);
    return review;
  }

  /** The decoded JSON patch of an AdmissionReview answer, or null when it has none. */
  static ArrayNode patchOf(ObjectNode answer) throws Exception {
    String patch = answer.path("response").path("patch").asText(null);
    return patch == null
        ? null
        : (ArrayNode) Json.mapper().readTree(Base64.getDecoder().decode(patch));
  }
}
