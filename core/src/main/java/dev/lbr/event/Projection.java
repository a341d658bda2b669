package dev.lbr.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lbr.k8s.Json;
import dev.lbr.k8s.K8sObject;
import dev.lbr.k8s.K8sService;
import dev.lbr.k8s.K8sTargetGroupBinding;
import dev.lbr.k8s.Kind;
import java.util.Optional;

/**
 * The object projection the event contract carries: a Kubernetes object as the API server (or a
 * manifest) gives it, trimmed to the fields the reconciler reads. Pure. Never keeps managedFields,
 * ownerReferences, finalizers or status (except a Node's condition types and statuses).
 */
public final class Projection {

  private Projection() {}

  /**
   * The kind we carry for this raw object, judged by {@code kind} and the API group of {@code
   * apiVersion} (a Knative {@code serving.knative.dev/v1} Service is not ours). An object without
   * apiVersion is judged by its kind alone. Empty for kinds we do not carry (Namespace, Pod, ...).
   */
  public static Optional<Kind> carriedKind(JsonNode raw) {
    Optional<Kind> kind = Kind.fromWireName(raw.path("kind").asText(""));
    JsonNode apiVersion = raw.get("apiVersion");
    if (kind.isEmpty() || apiVersion == null || apiVersion.isNull()) {
      return kind;
    }
    return kind.filter(k -> group(apiVersion.asText()).equals(group(apiVersion(k))));
  }

  /**
   * Projects a raw object of a carried kind.
   *
   * @throws IllegalArgumentException if the kind is not carried, metadata.name is missing, or a
   *     field has an impossible shape
   */
  public static ObjectNode project(JsonNode raw) {
    Kind kind =
        carriedKind(raw)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "not a kind the contract carries: "
                            + raw.path("apiVersion").asText("")
                            + " "
                            + raw.path("kind").asText("<no kind>")));
    ObjectNode out = Json.mapper().createObjectNode();
    out.put("apiVersion", raw.path("apiVersion").asText(apiVersion(kind)));
    out.put("kind", kind.wireName());
    out.set("metadata", ProjectionRules.metadata(raw.path("metadata")));
    ProjectionRules.body(kind, raw, out);
    return out;
  }

  /** The typed record for a projection, chosen by its {@code kind}. */
  public static K8sObject toObject(JsonNode projected) {
    Kind kind = Kind.fromWireName(projected.path("kind").asText(""), IllegalArgumentException::new);
    return toObject(kind, projected);
  }

  /**
   * The typed record of the given kind for a projection (its own {@code kind} field is not read).
   *
   * @throws IllegalArgumentException if metadata.name is missing or a field has the wrong type
   */
  public static K8sObject toObject(Kind kind, JsonNode projected) {
    if (projected.path("metadata").path("name").asText("").isEmpty()) {
      throw new IllegalArgumentException(kind.wireName() + " without metadata.name");
    }
    try {
      return Json.mapper().treeToValue(projected, kind.recordType());
    } catch (JsonProcessingException | IllegalArgumentException e) {
      String message =
          e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
      String at = e instanceof JsonMappingException m ? fieldPath(m) : "";
      throw new IllegalArgumentException(
          "does not fit the "
              + kind.wireName()
              + " schema: "
              + (at.isEmpty() ? "" : at + ": ")
              + firstLine(message),
          e);
    }
  }

  /**
   * The projection of a typed record: {@code apiVersion}, {@code kind} and the record's fields,
   * with a numeric Service targetPort (and binding serviceRef port) written as a number, as
   * Kubernetes does.
   */
  public static ObjectNode toJson(K8sObject object) {
    ObjectNode out = Json.mapper().createObjectNode();
    out.put("apiVersion", apiVersion(object.kind()));
    out.put("kind", object.kind().wireName());
    out.setAll((ObjectNode) Json.mapper().valueToTree(object));
    if (object instanceof K8sService) {
      for (JsonNode port : out.path("spec").path("ports")) {
        intOrString(port, "targetPort");
      }
    } else if (object instanceof K8sTargetGroupBinding) {
      intOrString(out.path("spec").path("serviceRef"), "port");
    }
    return out;
  }

  /** An IntOrString kept as text is written as a number when it is one, as Kubernetes does. */
  private static void intOrString(JsonNode parent, String field) {
    JsonNode value = parent.get(field);
    if (value != null && value.isTextual() && value.asText().matches("\\d{1,9}")) {
      ((ObjectNode) parent).set(field, IntNode.valueOf(Integer.parseInt(value.asText())));
    }
  }

  /** The apiVersion we write for a kind (its current stable version). */
  public static String apiVersion(Kind kind) {
    return switch (kind) {
      case SERVICE, NODE, POD -> "v1";
      case ENDPOINT_SLICE -> "discovery.k8s.io/v1";
      case INGRESS, INGRESS_CLASS -> "networking.k8s.io/v1";
      case INGRESS_CLASS_PARAMS, TARGET_GROUP_BINDING -> "elbv2.k8s.aws/v1beta1";
    };
  }

  private static String group(String apiVersion) {
    int slash = apiVersion.indexOf('/');
    return slash < 0 ? "" : apiVersion.substring(0, slash);
  }

  /** The field a mapping error is at, as {@code spec.ports[0].port}; empty if unknown. */
  private static String fieldPath(JsonMappingException e) {
    StringBuilder out = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        out.append(out.isEmpty() ? "" : ".").append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        out.append('[').append(ref.getIndex()).append(']');
      }
    }
    return out.toString();
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
