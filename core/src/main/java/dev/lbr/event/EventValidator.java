package dev.lbr.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lbr.k8s.Json;
import dev.lbr.k8s.Kind;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Checks an event against the contract (version {@value EventContract#SCHEMA_VERSION}) and turns it
 * into a typed {@link ClusterEvent}. Every event is validated before use; a failure is an {@link
 * InvalidEventException} (never retried) whose message names the kind and key when known.
 */
public final class EventValidator {

  private final String cluster;

  /** A validator for the events of one cluster: others are rejected. */
  public EventValidator(String expectedCluster) {
    if (Objects.requireNonNull(expectedCluster, "expectedCluster").isBlank()) {
      throw new IllegalArgumentException("the expected cluster name is blank");
    }
    this.cluster = expectedCluster;
  }

  public String cluster() {
    return cluster;
  }

  /** Parses a full EventBridge envelope, as an SQS message body or an {@code events/} sample. */
  public ClusterEvent parse(String envelopeJson) {
    if (envelopeJson == null || envelopeJson.isBlank()) {
      throw new InvalidEventException("unknown", "empty event");
    }
    JsonNode root = readJson(envelopeJson, "envelope");
    if (!root.isObject()) {
      throw new InvalidEventException(
          "unknown", "the envelope must be a JSON object, got " + root.getNodeType());
    }
    return parse(root, envelopeJson.getBytes(StandardCharsets.UTF_8).length);
  }

  /**
   * Checks a PutEvents entry before it is sent (the forwarder's view: no id, time or account yet).
   * The size counted is that of source, detail-type and detail.
   */
  public ClusterEvent parseEntry(String source, String detailType, String detailJson) {
    JsonNode detail = readJson(detailJson == null ? "" : detailJson, "detail");
    ObjectNode envelope = Json.mapper().createObjectNode();
    envelope.put("source", source);
    envelope.put("detail-type", detailType);
    envelope.set("detail", detail);
    int size = 0;
    for (String part : new String[] {source, detailType, detailJson}) {
      size += part == null ? 0 : part.getBytes(StandardCharsets.UTF_8).length;
    }
    return parse(envelope, size);
  }

  private ClusterEvent parse(JsonNode envelope, int sizeBytes) {
    String subject = subject(envelope);
    if (sizeBytes > EventContract.MAX_EVENT_BYTES) {
      throw new EventTooLargeException(subject, sizeBytes);
    }
    DetailFields fields = new DetailFields(envelope, "", subject);
    String source = fields.requiredText("source");
    if (!EventContract.SOURCE.equals(source)) {
      throw fields.fail("source is '" + source + "', expected '" + EventContract.SOURCE + "'");
    }
    String detailType = fields.requiredText("detail-type");
    boolean inventory = EventContract.INVENTORY_DETAIL_TYPE.equals(detailType);
    Kind kind = inventory ? null : knownKind(detailType, fields);
    DetailFields detail = fields.nested("detail", fields.requiredObject("detail"));

    int version = detail.requiredInt("schemaVersion");
    if (!EventContract.SUPPORTED_SCHEMA_VERSIONS.contains(version)) {
      throw detail.fail(
          "unsupported schemaVersion "
              + version
              + "; this reconciler supports "
              + EventContract.SUPPORTED_SCHEMA_VERSIONS);
    }
    String detailKind = detail.requiredText("kind");
    if (!detailKind.equals(detailType)) {
      if (Kind.fromWireName(detailKind).isEmpty()
          && !EventContract.INVENTORY_DETAIL_TYPE.equals(detailKind)) {
        throw detail.fail("unknown kind '" + detailKind + "' in detail.kind");
      }
      throw detail.fail(
          "detail-type '" + detailType + "' disagrees with detail.kind '" + detailKind + "'");
    }
    String eventCluster = detail.requiredText("cluster");
    if (!eventCluster.equals(cluster)) {
      throw detail.fail(
          "the event is for cluster '"
              + eventCluster
              + "' but this reconciler serves cluster '"
              + cluster
              + "'");
    }
    return inventory
        ? InventoryDetailReader.read(detail, cluster)
        : ObjectDetailReader.read(kind, detail, cluster);
  }

  private static Kind knownKind(String detailType, DetailFields fields) {
    return Kind.fromWireName(detailType)
        .orElseThrow(
            () ->
                fields.fail(
                    "unknown detail-type '"
                        + detailType
                        + "'; expected one of "
                        + EventContract.detailTypes()));
  }

  private static JsonNode readJson(String json, String what) {
    try {
      JsonNode node =
          Json.mapper()
              .reader()
              .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
              .readTree(json);
      if (node == null || node.isMissingNode()) {
        throw new InvalidEventException("unknown", "empty " + what);
      }
      return node;
    } catch (JsonProcessingException e) {
      String where =
          e.getLocation() == null
              ? ""
              : " at line "
                  + e.getLocation().getLineNr()
                  + ", column "
                  + e.getLocation().getColumnNr();
      throw new InvalidEventException(
          "unknown", "malformed JSON in the " + what + where + ": " + e.getOriginalMessage(), e);
    }
  }

  /** What the event is about, as far as it can be read: kind and key, kind only, or "unknown". */
  static String subject(JsonNode envelope) {
    JsonNode detail = envelope.path("detail");
    String kind = detail.path("kind").isTextual() ? detail.path("kind").asText() : "";
    if (kind.isEmpty()) {
      kind = envelope.path("detail-type").isTextual() ? envelope.path("detail-type").asText() : "";
    }
    if (kind.isEmpty()) {
      return "unknown";
    }
    String name = detail.path("name").isTextual() ? detail.path("name").asText() : "";
    String namespace =
        detail.path("namespace").isTextual() ? detail.path("namespace").asText() : "";
    if (name.isEmpty()) {
      return kind;
    }
    return kind + " " + (namespace.isEmpty() ? name : namespace + "/" + name);
  }
}
