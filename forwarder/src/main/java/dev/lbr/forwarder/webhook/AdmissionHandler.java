package dev.lbr.forwarder.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lbr.forwarder.publish.JsonLog;
import dev.lbr.k8s.Json;
import java.io.IOException;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code admission.k8s.io/v1} AdmissionReview of a pod CREATE in, its answer out: always {@code
 * allowed}, with the request's {@code uid} and, when {@link PodReadinessGates} wants gates the pod
 * lacks, a base64 {@code JSONPatch}. Never refuses a pod: anything that goes wrong inside (a pod it
 * cannot read, caches not synced yet) is logged and answered allowed without a patch. Only a body
 * that is no AdmissionReview at all is {@link NotAReview refused}.
 */
public final class AdmissionHandler {

  /** The body is not an AdmissionReview with a request uid (answered 400). */
  public static final class NotAReview extends Exception {
    NotAReview(String message) {
      super(message);
    }
  }

  private final BindingLookup lookup;

  public AdmissionHandler(BindingLookup lookup) {
    this.lookup = lookup;
  }

  /** The AdmissionReview answering {@code body}. */
  public ObjectNode review(byte[] body) throws NotAReview {
    JsonNode review;
    try {
      review = Json.mapper().readTree(body);
    } catch (IOException e) {
      throw new NotAReview("not JSON: " + e.getMessage());
    }
    JsonNode request = review == null ? null : review.path("request");
    if (request == null || !request.path("uid").isTextual()) {
      throw new NotAReview("no request.uid");
    }
    String apiVersion = review.path("apiVersion").asText("admission.k8s.io/v1");
    ObjectNode out = Json.mapper().createObjectNode();
    out.put("apiVersion", apiVersion);
    out.put("kind", "AdmissionReview");
    ObjectNode response = out.putObject("response");
    response.put("uid", request.path("uid").asText());
    response.put("allowed", true);
    try {
      mutation(request)
          .ifPresent(
              patch -> {
                response.put("patchType", "JSONPatch");
                response.put(
                    "patch",
                    Base64.getEncoder()
                        .encodeToString(
                            patch.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
              });
    } catch (RuntimeException e) {
      JsonLog.error(
          "pod admitted without readiness gates: the webhook failed",
          "uid",
          request.path("uid").asText(),
          "namespace",
          request.path("namespace").asText(),
          "error",
          JsonLog.describe(e));
    }
    return out;
  }

  private Optional<ArrayNode> mutation(JsonNode request) {
    if (!"CREATE".equals(request.path("operation").asText())
        || !"Pod".equals(request.path("kind").path("kind").asText())) {
      return Optional.empty();
    }
    JsonNode pod = request.path("object");
    String namespace = request.path("namespace").asText("");
    if (namespace.isEmpty()) {
      namespace = pod.path("metadata").path("namespace").asText("");
    }
    if (!pod.isObject() || namespace.isEmpty()) {
      throw new IllegalArgumentException("no pod or no namespace in the request");
    }
    if (!lookup.synced()) {
      JsonLog.warn(
          "pod admitted without readiness gates: the caches have not synced yet",
          "namespace",
          namespace,
          "pod",
          podName(pod));
      return Optional.empty();
    }
    Map<String, String> labels = new HashMap<>();
    pod.path("metadata")
        .path("labels")
        .fields()
        .forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
    String ns = namespace;
    List<String> wanted =
        PodReadinessGates.wanted(labels, lookup.bindings(ns), name -> lookup.service(ns, name));
    Optional<ArrayNode> patch = PodReadinessGates.patch(pod, wanted);
    patch.ifPresent(
        p ->
            JsonLog.info(
                "readiness gates injected", "namespace", ns, "pod", podName(pod), "gates", wanted));
    return patch;
  }

  private static String podName(JsonNode pod) {
    JsonNode meta = pod.path("metadata");
    return meta.path("name").asText(meta.path("generateName").asText("") + "*");
  }
}
