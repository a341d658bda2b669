package dev.lbr.forwarder.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lbr.forwarder.publish.JsonLog;
import dev.lbr.k8s.Json;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Core v1 Events on served objects, aggregated as client-go's EventCorrelator does: an event
 * identical to one sent within {@link #WINDOW} (same object, type, reason, message) increments that
 * Event's {@code count} and moves its {@code lastTimestamp} (one PATCH) instead of creating
 * another, so redelivered or repeated results never make an event storm. The cache of sent events
 * is an LRU of {@link #CAPACITY} entries. Best effort, like client-go's recorder: a failure is
 * logged, never thrown.
 */
final class EventRecorder {
  static final String COMPONENT = "lbr";
  static final Duration WINDOW = Duration.ofMinutes(10);
  static final int CAPACITY = 4096;
  static final int MAX_MESSAGE = 4096;

  private record Key(
      String uid,
      String kind,
      String namespace,
      String name,
      String type,
      String reason,
      String message) {}

  private record Sent(String name, long count, Instant last) {}

  private final KubeRest kube;
  private final String instance;
  private final Clock clock;
  private final Map<Key, Sent> sent =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Sent> eldest) {
          return size() > CAPACITY;
        }
      };
  private long lastNanos;

  EventRecorder(KubeRest kube, String instance, Clock clock) {
    this.kube = kube;
    this.instance = instance;
    this.clock = clock;
  }

  /** Records an event of {@code type} (Normal, Warning) on {@code object}, a {@code kind}. */
  synchronized void record(
      ApiResource kind, JsonNode object, String type, String reason, String message) {
    JsonNode meta = object.path("metadata");
    String ns = meta.path("namespace").asText();
    String text = message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) : message;
    Key key =
        new Key(
            meta.path("uid").asText(),
            kind.kind(),
            ns,
            meta.path("name").asText(),
            type,
            reason,
            text);
    Instant now = clock.instant();
    try {
      Sent previous = sent.get(key);
      if (previous != null && !now.isAfter(previous.last().plus(WINDOW))) {
        ObjectNode patch = Json.mapper().createObjectNode();
        patch.put("count", previous.count() + 1).put("lastTimestamp", time(now));
        try {
          kube.mergePatch(ApiResource.EVENTS.item(ns, previous.name()), patch);
          sent.put(key, new Sent(previous.name(), previous.count() + 1, now));
          return;
        } catch (KubeApiException e) {
          if (!e.notFound()) { // expired (events have a TTL): create a new one
            throw e;
          }
        }
      }
      ObjectNode event = event(kind, meta, type, reason, text, now);
      kube.create(ApiResource.EVENTS.collection(ns), event);
      sent.put(key, new Sent(event.path("metadata").path("name").asText(), 1, now));
    } catch (KubeApiException e) {
      JsonLog.warn(
          "event not recorded",
          "object",
          ns + "/" + key.name(),
          "reason",
          reason,
          "error",
          e.getMessage());
    }
  }

  private ObjectNode event(
      ApiResource kind, JsonNode meta, String type, String reason, String message, Instant now) {
    long nanos = Math.max(lastNanos + 1, now.getEpochSecond() * 1_000_000_000L + now.getNano());
    lastNanos = nanos;
    ObjectNode e = Json.mapper().createObjectNode();
    e.put("apiVersion", "v1").put("kind", "Event");
    e.putObject("metadata")
        .put("name", meta.path("name").asText() + "." + Long.toHexString(nanos))
        .put("namespace", meta.path("namespace").asText());
    e.putObject("involvedObject")
        .put("apiVersion", kind.apiVersion())
        .put("kind", kind.kind())
        .put("namespace", meta.path("namespace").asText())
        .put("name", meta.path("name").asText())
        .put("uid", meta.path("uid").asText());
    e.put("type", type).put("reason", reason).put("message", message);
    e.putObject("source").put("component", COMPONENT);
    e.put("reportingComponent", COMPONENT).put("reportingInstance", instance);
    e.put("firstTimestamp", time(now)).put("lastTimestamp", time(now)).put("count", 1);
    return e;
  }

  private static String time(Instant t) {
    return t.truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
