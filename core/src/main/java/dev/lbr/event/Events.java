package dev.lbr.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lbr.k8s.Json;
import dev.lbr.k8s.K8sObject;
import dev.lbr.k8s.Kind;
import dev.lbr.k8s.ObjectKey;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Builds contract envelopes (version {@value EventContract#SCHEMA_VERSION}), for the CLI, the
 * forwarder and tests. Pure: no clock (the time is an argument, {@link Instant#EPOCH} when not
 * given), and the envelope {@code id} is derived from cluster, key, resourceVersion and operation,
 * so the same change always gets the same id. Everything built is checked with {@link
 * EventValidator}: a builder never returns what the reconciler would reject. The JSON is compact
 * (whitespace counts towards the size limit).
 */
public final class Events {

  /**
   * The envelope's account and region: EventBridge fills the real ones; the reconciler ignores
   * them.
   */
  static final String SAMPLE_ACCOUNT = "000000000000";

  static final String SAMPLE_REGION = "us-east-1";

  private Events() {}

  /** An object event at {@link Instant#EPOCH}. */
  public static String envelope(String cluster, K8sObject object, Operation op) {
    return envelope(cluster, object, op, Instant.EPOCH);
  }

  /**
   * An event carrying the object (an upsert, or a delete with the last known state).
   *
   * @throws InvalidEventException if the object has no numeric resourceVersion, or the event is
   *     over {@link EventContract#MAX_EVENT_BYTES} ({@link EventTooLargeException})
   */
  public static String envelope(String cluster, K8sObject object, Operation op, Instant time) {
    return envelope(cluster, Projection.toJson(object), op, time);
  }

  /** An object event from a projection ({@link Projection#project}), as the forwarder has it. */
  public static String envelope(String cluster, JsonNode projected, Operation op, Instant time) {
    JsonNode meta = projected.path("metadata");
    String kindName = projected.path("kind").asText("");
    Kind kind =
        Kind.fromWireName(
            kindName,
            message ->
                new InvalidEventException(kindName.isEmpty() ? "unknown" : kindName, message));
    ObjectKey key =
        new ObjectKey(kind, meta.path("namespace").asText(""), meta.path("name").asText(""));
    return objectEnvelope(
        cluster,
        key,
        op,
        meta.path("uid").asText(""),
        meta.path("resourceVersion").asText(""),
        projected,
        time);
  }

  /** A delete event without the object: the key and the resourceVersion of the deletion. */
  public static String deleteEnvelope(
      String cluster, ObjectKey key, String uid, String resourceVersion, Instant time) {
    return objectEnvelope(cluster, key, Operation.DELETE, uid, resourceVersion, null, time);
  }

  /**
   * An inventory event of every namespace: the live keys of each reported kind (a kind left out is
   * not reported; an empty collection says there are none). Keys are written sorted.
   *
   * @param resourceVersion the version up to which every reported listing is complete (the lowest
   *     last-synced version of the forwarder's informers)
   */
  public static String inventory(
      String cluster,
      Instant generatedAt,
      String resourceVersion,
      Map<Kind, ? extends Collection<ObjectKey>> keys) {
    return inventory(cluster, generatedAt, resourceVersion, keys, Set.of());
  }

  /**
   * An inventory event of a forwarder that watches only {@code namespaces} (all when empty). The
   * namespaced kinds of a scoped inventory go under {@code namespacedKeys}, which readers that do
   * not know the field ignore: they conclude nothing about those kinds rather than take every
   * object of an unwatched namespace for deleted.
   */
  public static String inventory(
      String cluster,
      Instant generatedAt,
      String resourceVersion,
      Map<Kind, ? extends Collection<ObjectKey>> keys,
      Set<String> namespaces) {
    ObjectNode detail = detailHead(cluster, EventContract.INVENTORY_DETAIL_TYPE);
    detail.put("generatedAt", seconds(generatedAt).toString());
    detail.put("resourceVersion", resourceVersion == null ? "" : resourceVersion);
    ObjectNode keysNode = detail.putObject("keys");
    ObjectNode scopedNode = null;
    if (!namespaces.isEmpty()) {
      ObjectNode scoped = detail.putObject("namespacedKeys");
      namespaces.stream().sorted().forEach(scoped.putArray("namespaces")::add);
      scopedNode = scoped.putObject("keys");
    }
    for (Kind kind : Kind.values()) {
      if (keys.containsKey(kind)) {
        ObjectNode target = kind.namespaced() && scopedNode != null ? scopedNode : keysNode;
        ArrayNode list = target.putArray(kind.wireName());
        keys.get(kind).stream()
            .map(k -> k.namespace().isEmpty() ? k.name() : k.namespace() + "/" + k.name())
            .sorted(Comparator.naturalOrder())
            .distinct()
            .forEach(list::add);
      }
    }
    String id =
        id(cluster, EventContract.INVENTORY_DETAIL_TYPE, generatedAt.toString(), resourceVersion);
    return finish(cluster, id, EventContract.INVENTORY_DETAIL_TYPE, generatedAt, detail);
  }

  private static String objectEnvelope(
      String cluster,
      ObjectKey key,
      Operation op,
      String uid,
      String rv,
      JsonNode object,
      Instant time) {
    ObjectNode detail = detailHead(cluster, key.kind().wireName());
    detail.put("operation", op.wireName());
    if (!key.namespace().isEmpty()) {
      detail.put("namespace", key.namespace());
    }
    detail.put("name", key.name());
    if (uid != null && !uid.isEmpty()) {
      detail.put("uid", uid);
    }
    detail.put("resourceVersion", rv == null ? "" : rv);
    if (object != null) {
      detail.set("object", object);
    }
    String id = id(cluster, key.toString(), rv, op.wireName());
    return finish(cluster, id, key.kind().wireName(), time, detail);
  }

  private static ObjectNode detailHead(String cluster, String kind) {
    ObjectNode detail = Json.mapper().createObjectNode();
    detail.put("schemaVersion", EventContract.SCHEMA_VERSION);
    detail.put("cluster", cluster);
    detail.put("kind", kind);
    return detail;
  }

  private static String finish(
      String cluster, String id, String detailType, Instant time, ObjectNode detail) {
    ObjectNode envelope = Json.mapper().createObjectNode();
    envelope.put("version", EventContract.ENVELOPE_VERSION);
    envelope.put("id", id);
    envelope.put("detail-type", detailType);
    envelope.put("source", EventContract.SOURCE);
    envelope.put("account", SAMPLE_ACCOUNT);
    envelope.put("time", seconds(time).toString());
    envelope.put("region", SAMPLE_REGION);
    envelope.putArray("resources");
    envelope.set("detail", detail);
    String json;
    try {
      json = Json.mapper().writeValueAsString(envelope);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise an event", e);
    }
    new EventValidator(cluster).parse(json);
    return json;
  }

  /** EventBridge times have second precision. */
  private static Instant seconds(Instant time) {
    return time.truncatedTo(ChronoUnit.SECONDS);
  }

  private static String id(String... parts) {
    return UUID.nameUUIDFromBytes(String.join("\n", parts).getBytes(StandardCharsets.UTF_8))
        .toString();
  }
}
