package dev.lbr.forwarder.kube;

import static dev.lbr.forwarder.kube.FakeKubeApiServer.INGRESSES;
import static dev.lbr.forwarder.kube.FakeKubeApiServer.PODS;
import static dev.lbr.forwarder.kube.FakeKubeApiServer.SERVICES;
import static dev.lbr.forwarder.kube.FakeKubeApiServer.TARGET_GROUP_BINDINGS;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.lbr.forwarder.kube.FakeKubeApiServer.Resource;
import dev.lbr.k8s.Json;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What the in-test API server does beyond list and watch, as a real one: GET of one object; POST
 * (409 when it exists); PUT (409 unless the resourceVersion matches); PATCH as merge patch (409
 * when a resourceVersion is given and differs), strategic merge patch (pods only: {@link
 * StrategicMerge}) or JSON patch (422 when an operation, a {@code test} included, fails), each 409
 * when the patch names a {@code metadata.uid} that is not the object's; the {@code /status}
 * subresource (writes only status, while writes of the object leave status alone); {@code
 * metadata.generation} bumped when the spec changes; DELETE of an object with finalizers only sets
 * {@code deletionTimestamp}, and removing the last finalizer of such an object deletes it. A write
 * that changes nothing keeps the resourceVersion; every other write takes the next one and shows on
 * watches.
 */
final class FakeKubeWrites {
  static final Set<Resource> WITH_STATUS = Set.of(SERVICES, INGRESSES, TARGET_GROUP_BINDINGS, PODS);
  static final String DELETION_TIME = "2026-01-02T00:00:00Z";

  private record Answer(int code, JsonNode body) {}

  private final FakeKubeApiServer server;

  /** Every request handled here: {@code METHOD path}. */
  final List<String> requests = new CopyOnWriteArrayList<>();

  /** When non-zero, every write is answered with this HTTP status. */
  volatile int failWrites;

  FakeKubeWrites(FakeKubeApiServer server) {
    this.server = server;
  }

  void handle(HttpExchange exchange, Resource r, String ns, String name, String sub)
      throws IOException {
    String method = exchange.getRequestMethod();
    requests.add(method + " " + exchange.getRequestURI().getPath());
    byte[] raw = exchange.getRequestBody().readAllBytes();
    Answer answer;
    if (sub != null && !("status".equals(sub) && WITH_STATUS.contains(r))) {
      answer = failure(404, "NotFound", "no subresource " + sub);
    } else if (!"GET".equals(method) && failWrites != 0) {
      answer = failure(failWrites, "InternalError", "failing writes on purpose");
    } else {
      JsonNode body = raw.length == 0 ? null : Json.mapper().readTree(raw);
      String type = exchange.getRequestHeaders().getFirst("Content-Type");
      FakeAdmission.Refused refused = null;
      if ("POST".equals(method) && name == null && body instanceof ObjectNode o) {
        try {
          body = server.admission.admit(r, ns, o); // mutating webhooks, outside the lock
        } catch (FakeAdmission.Refused e) {
          refused = e;
        }
      }
      if (refused != null) {
        answer = failure(refused.code, "InternalError", refused.getMessage());
      } else {
        synchronized (server.lock) {
          answer = answer(method, r, ns, name, sub != null, type, body);
        }
      }
    }
    byte[] out = Json.mapper().writeValueAsBytes(answer.body());
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(answer.code(), out.length);
    exchange.getResponseBody().write(out);
  }

  private Answer answer(
      String method,
      Resource r,
      String ns,
      String name,
      boolean status,
      String type,
      JsonNode body) {
    if ("POST".equals(method)) {
      return name == null ? create(r, ns, (ObjectNode) body) : failure(405, "MethodNotAllowed", "");
    }
    String key = ns == null ? name : ns + "/" + name;
    ObjectNode stored = server.stored(r, key);
    if (stored == null) {
      return failure(404, "NotFound", r.plural() + " \"" + name + "\" not found");
    }
    return switch (method) {
      case "GET" -> new Answer(200, stored.deepCopy());
      case "PUT" -> replace(r, key, stored, status, (ObjectNode) body);
      case "PATCH" -> patch(r, key, stored, status, type, body);
      case "DELETE" -> delete(r, key, stored);
      default -> failure(405, "MethodNotAllowed", method);
    };
  }

  private Answer create(Resource r, String ns, ObjectNode body) {
    ObjectNode meta = body.with("metadata");
    String key = ns == null ? meta.path("name").asText() : ns + "/" + meta.path("name").asText();
    if (server.stored(r, key) != null) {
      return failure(409, "AlreadyExists", r.plural() + " \"" + key + "\" already exists");
    }
    ObjectNode o = body.deepCopy();
    ObjectNode m = o.with("metadata");
    if (ns != null) {
      m.put("namespace", ns);
    }
    m.put("uid", UUID.randomUUID().toString());
    m.put("creationTimestamp", "2026-01-01T00:00:00Z");
    m.put("generation", 1);
    m.remove("deletionTimestamp");
    if (WITH_STATUS.contains(r)) {
      o.remove("status");
    }
    return new Answer(201, server.commit(r, key, o, "ADDED"));
  }

  private Answer replace(
      Resource r, String key, ObjectNode stored, boolean status, ObjectNode body) {
    String rv = body.path("metadata").path("resourceVersion").asText("");
    if (rv.isEmpty()) {
      return failure(422, "Invalid", "metadata.resourceVersion: must be specified for an update");
    }
    if (!rv.equals(version(stored))) {
      return failure(409, "Conflict", "the object has been modified");
    }
    return write(r, key, stored, status, body);
  }

  private Answer patch(
      Resource r, String key, ObjectNode stored, boolean status, String type, JsonNode body) {
    ObjectNode patched;
    String uidConflict = StrategicMerge.uidConflict(stored, body);
    if (uidConflict != null) {
      return failure(409, "Conflict", uidConflict);
    }
    if (StrategicMerge.TYPE.equals(type) && StrategicMerge.SERVED.contains(r)) {
      patched = (ObjectNode) StrategicMerge.apply(stored, body);
    } else if ("application/merge-patch+json".equals(type)) {
      String rv = body.path("metadata").path("resourceVersion").asText("");
      if (!rv.isEmpty() && !rv.equals(version(stored))) {
        return failure(409, "Conflict", "the object has been modified");
      }
      patched = (ObjectNode) JsonPatches.merge(stored, body);
    } else if ("application/json-patch+json".equals(type)) {
      try {
        patched = JsonPatches.jsonPatch(stored, body);
      } catch (JsonPatches.Failed e) {
        return failure(422, "Invalid", e.getMessage());
      }
    } else {
      return failure(415, "UnsupportedMediaType", "unsupported patch type " + type);
    }
    return write(r, key, stored, status, patched);
  }

  /** The common end of PUT and PATCH: {@code next} is the object as the client wants it. */
  private Answer write(Resource r, String key, ObjectNode stored, boolean status, ObjectNode next) {
    ObjectNode o;
    if (status) {
      o = stored.deepCopy();
      setOrRemove(o, "status", next.get("status"));
    } else {
      o = next.deepCopy();
      if (WITH_STATUS.contains(r)) {
        setOrRemove(o, "status", stored.get("status"));
      }
    }
    ObjectNode m = o.with("metadata");
    JsonNode was = stored.path("metadata");
    for (String fixed :
        List.of("name", "namespace", "uid", "creationTimestamp", "deletionTimestamp")) {
      setOrRemove(m, fixed, was.get(fixed));
    }
    m.put("resourceVersion", version(stored));
    if (m.path("finalizers").isArray() && m.path("finalizers").isEmpty()) {
      m.remove("finalizers");
    }
    if (was.has("deletionTimestamp")) {
      Set<JsonNode> before = new HashSet<>();
      was.path("finalizers").forEach(before::add);
      for (JsonNode f : m.path("finalizers")) {
        if (!before.contains(f)) {
          return failure(
              422, "Forbidden", "no new finalizers can be added if the object is being deleted");
        }
      }
    }
    if (o.path("spec").equals(stored.path("spec"))) {
      setOrRemove(m, "generation", was.get("generation"));
    } else {
      m.put("generation", was.path("generation").asLong(1) + 1);
    }
    if (o.equals(stored)) {
      return new Answer(200, stored.deepCopy()); // nothing changed: no new resourceVersion
    }
    boolean gone = was.has("deletionTimestamp") && !m.has("finalizers");
    return new Answer(200, server.commit(r, key, o, gone ? "DELETED" : "MODIFIED"));
  }

  Answer delete(Resource r, String key, ObjectNode stored) {
    if (stored.path("metadata").path("finalizers").isEmpty()) {
      return new Answer(200, server.commit(r, key, stored, "DELETED"));
    }
    if (stored.path("metadata").has("deletionTimestamp")) {
      return new Answer(200, stored.deepCopy());
    }
    ObjectNode o = stored.deepCopy();
    o.with("metadata").put("deletionTimestamp", DELETION_TIME);
    return new Answer(200, server.commit(r, key, o, "MODIFIED"));
  }

  /**
   * Equality-based label selectors: {@code k=v}, {@code k==v}, {@code k!=v}, {@code k}, {@code !k}.
   */
  static boolean matches(String selector, JsonNode labels) {
    if (selector == null || selector.isBlank()) {
      return true;
    }
    for (String term : selector.split(",")) {
      String t = term.trim();
      boolean ok;
      if (t.contains("!=")) {
        String[] kv = t.split("!=", 2);
        ok = !kv[1].equals(labels.path(kv[0]).asText(null));
      } else if (t.contains("=")) {
        String[] kv = t.split("==?", 2);
        ok = kv[1].equals(labels.path(kv[0]).asText(null));
      } else if (t.startsWith("!")) {
        ok = !labels.has(t.substring(1));
      } else {
        ok = labels.has(t);
      }
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static String version(JsonNode o) {
    return o.path("metadata").path("resourceVersion").asText();
  }

  private static void setOrRemove(ObjectNode o, String field, JsonNode value) {
    if (value == null || value.isNull()) {
      o.remove(field);
    } else {
      o.set(field, value.deepCopy());
    }
  }

  private static Answer failure(int code, String reason, String message) {
    return new Answer(code, FakeKubeApiServer.statusNode(code, reason, message));
  }
}
