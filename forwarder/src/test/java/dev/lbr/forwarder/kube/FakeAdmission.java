package dev.lbr.forwarder.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lbr.forwarder.kube.FakeKubeApiServer.Resource;
import dev.lbr.k8s.Json;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Mutating admission in the in-test API server, as a real one does it for a CREATE: every stored
 * MutatingWebhookConfiguration (in name order), every webhook in it whose rules match the resource
 * and operation, whose namespaceSelector matches the labels of the stored Namespace (plus {@code
 * kubernetes.io/metadata.name}) and whose objectSelector matches the object's labels, is called
 * with an {@code admission.k8s.io/v1} AdmissionReview over HTTPS, trusting only its {@code
 * caBundle}. Its JSON patch is applied before the next webhook sees the object. An error (no
 * endpoint, TLS, timeout, a bad answer) is skipped under {@code failurePolicy: Ignore} and refuses
 * the create under {@code Fail}; a webhook answering {@code allowed: false} refuses it.
 *
 * <p>The relaxation: a {@code clientConfig.service} is reached at the address a test gives ({@link
 * FakeKubeApiServer#webhookEndpoint}), since tests cannot resolve Service names; the certificate is
 * still verified for {@code <service>.<namespace>.svc}, as the API server verifies it. A {@code
 * clientConfig.url} is called as it is.
 */
final class FakeAdmission {

  /** The create is refused: answered with {@code code}. */
  static final class Refused extends Exception {
    final int code;

    Refused(int code, String message) {
      super(message);
      this.code = code;
    }
  }

  private final FakeKubeApiServer server;
  private final Map<String, URI> endpoints = new ConcurrentHashMap<>();

  /** {@code webhook: patched | unchanged | ignored (reason) | refused (reason)}. */
  final List<String> calls = new CopyOnWriteArrayList<>();

  FakeAdmission(FakeKubeApiServer server) {
    this.server = server;
  }

  void endpoint(String namespace, String service, URI address) {
    endpoints.put(namespace + "/" + service, address);
  }

  /** The object as the mutating webhooks leave it. */
  ObjectNode admit(Resource r, String namespace, ObjectNode object) throws Refused {
    List<ObjectNode> configurations =
        server.objects(FakeKubeApiServer.MUTATING_WEBHOOKS).stream()
            .sorted(Comparator.comparing(c -> c.path("metadata").path("name").asText()))
            .toList();
    ObjectNode current = object;
    for (ObjectNode configuration : configurations) {
      for (JsonNode webhook : configuration.path("webhooks")) {
        if (applies(webhook, r, namespace, current)) {
          current = call(webhook, r, namespace, current);
        }
      }
    }
    return current;
  }

  private boolean applies(JsonNode webhook, Resource r, String namespace, ObjectNode object) {
    boolean ruled = false;
    for (JsonNode rule : webhook.path("rules")) {
      ruled |=
          matchesAny(rule.path("operations"), "CREATE")
              && matchesAny(rule.path("apiGroups"), r.group())
              && matchesAny(rule.path("apiVersions"), r.version())
              && matchesAny(rule.path("resources"), r.plural());
    }
    if (!ruled) {
      return false;
    }
    if (r.namespaced() && webhook.has("namespaceSelector")) {
      ObjectNode labels = Json.mapper().createObjectNode();
      server
          .get(FakeKubeApiServer.NAMESPACES, null, namespace)
          .ifPresent(
              ns -> {
                if (ns.path("metadata").path("labels") instanceof ObjectNode l) {
                  labels.setAll(l.deepCopy());
                }
              });
      labels.put("kubernetes.io/metadata.name", namespace);
      if (!selects(webhook.path("namespaceSelector"), labels)) {
        return false;
      }
    }
    return !webhook.has("objectSelector")
        || selects(webhook.path("objectSelector"), object.path("metadata").path("labels"));
  }

  private ObjectNode call(JsonNode webhook, Resource r, String namespace, ObjectNode object)
      throws Refused {
    String name = webhook.path("name").asText();
    boolean fail = "Fail".equals(webhook.path("failurePolicy").asText("Fail"));
    try {
      JsonNode clientConfig = webhook.path("clientConfig");
      URI address;
      String serverName;
      String path;
      if (clientConfig.has("service")) {
        JsonNode svc = clientConfig.path("service");
        String key = svc.path("namespace").asText() + "/" + svc.path("name").asText();
        address = endpoints.get(key);
        if (address == null) {
          throw new IllegalStateException("no endpoint for service " + key);
        }
        serverName = svc.path("name").asText() + "." + svc.path("namespace").asText() + ".svc";
        path = svc.path("path").asText("/");
      } else {
        address = URI.create(clientConfig.path("url").asText());
        serverName = address.getHost();
        path = address.getRawPath();
      }
      String ca =
          new String(
              Base64.getDecoder().decode(clientConfig.path("caBundle").asText("")),
              StandardCharsets.US_ASCII);
      String uid = UUID.randomUUID().toString();
      ObjectNode review = review(uid, r, namespace, object);
      TlsPost.Answer answer =
          TlsPost.post(
              address,
              serverName,
              ca,
              path,
              Json.mapper().writeValueAsBytes(review),
              Duration.ofSeconds(webhook.path("timeoutSeconds").asInt(10)));
      if (answer.status() != 200) {
        throw new IllegalStateException("HTTP " + answer.status());
      }
      JsonNode response = Json.mapper().readTree(answer.body()).path("response");
      if (!uid.equals(response.path("uid").asText())) {
        throw new IllegalStateException("the answer's uid is not the request's");
      }
      if (!response.path("allowed").asBoolean(false)) {
        calls.add(name + ": refused (not allowed)");
        throw new Refused(403, "admission webhook \"" + name + "\" denied the request");
      }
      if (!response.has("patch")) {
        calls.add(name + ": unchanged");
        return object;
      }
      if (!"JSONPatch".equals(response.path("patchType").asText())) {
        throw new IllegalStateException("patchType " + response.path("patchType"));
      }
      JsonNode patch =
          Json.mapper().readTree(Base64.getDecoder().decode(response.path("patch").asText()));
      ObjectNode patched = JsonPatches.jsonPatch(object, patch);
      calls.add(name + ": patched");
      return patched;
    } catch (Refused e) {
      throw e;
    } catch (Exception e) {
      if (fail) {
        calls.add(name + ": refused (" + e + ")");
        throw new Refused(500, "failed calling webhook \"" + name + "\": " + e.getMessage());
      }
      calls.add(name + ": ignored (" + e + ")");
      return object;
    }
  }

  private static ObjectNode review(String uid, Resource r, String namespace, ObjectNode object) {
    ObjectNode review = Json.mapper().createObjectNode();
    review.put("apiVersion", "admission.k8s.io/v1");
    review.put("kind", "AdmissionReview");
    ObjectNode request = review.putObject("request");
    request.put("uid", uid);
    request
        .putObject("kind")
        .put("group", r.group())
        .put("version", r.version())
        .put("kind", r.kind());
    request
        .putObject("resource")
        .put("group", r.group())
        .put("version", r.version())
        .put("resource", r.plural());
    request.put("namespace", namespace);
    request.put("operation", "CREATE");
    request.putObject("userInfo").put("username", "system:fake");
    request.set("object", object);
    request.put("dryRun", false);
    return review;
  }

  private static boolean matchesAny(JsonNode values, String value) {
    for (JsonNode v : values) {
      if ("*".equals(v.asText()) || value.equals(v.asText())) {
        return true;
      }
    }
    return false;
  }

  /** A LabelSelector: matchLabels and matchExpressions (In, NotIn, Exists, DoesNotExist). */
  static boolean selects(JsonNode selector, JsonNode labels) {
    var fields = selector.path("matchLabels").fields();
    while (fields.hasNext()) {
      var e = fields.next();
      if (!e.getValue().asText().equals(labels.path(e.getKey()).asText(null))) {
        return false;
      }
    }
    for (JsonNode expression : selector.path("matchExpressions")) {
      String key = expression.path("key").asText();
      Set<String> values = new java.util.HashSet<>();
      expression.path("values").forEach(v -> values.add(v.asText()));
      boolean has = labels.has(key);
      String value = labels.path(key).asText(null);
      boolean ok =
          switch (expression.path("operator").asText()) {
            case "In" -> has && values.contains(value);
            case "NotIn" -> !has || !values.contains(value);
            case "Exists" -> has;
            case "DoesNotExist" -> !has;
            default -> false;
          };
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
