package dev.lbr.forwarder.kube;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.lbr.k8s.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An in-test Kubernetes API server on the JDK's HTTP server: list with a resourceVersion in the
 * list metadata, and {@code watch=true} as a chunked stream of JSON lines (ADDED, MODIFIED,
 * DELETED, BOOKMARK) from a given resourceVersion, with one global resourceVersion counter as etcd
 * has. Test hooks change objects, break open watches, answer the next watch with 410 Gone (as an
 * HTTP status or as an ERROR event), compact history (older watches then get 410), send bookmarks,
 * and make a resource's lists and watches fail (500, 404 as for a missing CRD, or a body that is
 * not JSON). Single objects, creates, updates, patches and deletes: {@link FakeKubeWrites}.
 */
public final class FakeKubeApiServer implements AutoCloseable {

  /** How the next watch is refused. */
  enum Gone {
    HTTP_STATUS,
    ERROR_EVENT
  }

  /** How {@link #fail} breaks a resource's lists and watches. */
  enum Failure {
    /** 500 with a Status body. */
    SERVER_ERROR,
    /** 200 with a body that is not JSON. */
    GARBAGE,
    /** Lists work; watches answer with an ERROR event (a 500 Status). */
    ERROR_EVENT,
    /** 404 NotFound, as for a custom resource whose CRD is not installed. */
    NOT_FOUND
  }

  public record Resource(
      String group, String version, String plural, String kind, boolean namespaced) {
    String apiVersion() {
      return group.isEmpty() ? version : group + "/" + version;
    }

    public String prefix() {
      return group.isEmpty() ? "/api/" + version : "/apis/" + group + "/" + version;
    }
  }

  public static final Resource SERVICES = new Resource("", "v1", "services", "Service", true);
  public static final Resource NODES = new Resource("", "v1", "nodes", "Node", false);
  public static final Resource PODS = new Resource("", "v1", "pods", "Pod", true);
  public static final Resource INGRESSES =
      new Resource("networking.k8s.io", "v1", "ingresses", "Ingress", true);
  public static final Resource INGRESS_CLASSES =
      new Resource("networking.k8s.io", "v1", "ingressclasses", "IngressClass", false);
  public static final Resource ENDPOINT_SLICES =
      new Resource("discovery.k8s.io", "v1", "endpointslices", "EndpointSlice", true);
  public static final Resource INGRESS_CLASS_PARAMS =
      new Resource("elbv2.k8s.aws", "v1beta1", "ingressclassparams", "IngressClassParams", false);
  public static final Resource EVENTS = new Resource("", "v1", "events", "Event", true);
  public static final Resource TARGET_GROUP_BINDINGS =
      new Resource("elbv2.k8s.aws", "v1beta1", "targetgroupbindings", "TargetGroupBinding", true);
  public static final Resource MUTATING_WEBHOOKS =
      new Resource(
          "admissionregistration.k8s.io",
          "v1",
          "mutatingwebhookconfigurations",
          "MutatingWebhookConfiguration",
          false);

  public static final Resource NAMESPACES =
      new Resource("", "v1", "namespaces", "Namespace", false);
  public static final Resource SECRETS = new Resource("", "v1", "secrets", "Secret", true);

  static final List<Resource> RESOURCES =
      List.of(
          NAMESPACES,
          PODS,
          SECRETS,
          SERVICES,
          NODES,
          INGRESSES,
          INGRESS_CLASSES,
          ENDPOINT_SLICES,
          INGRESS_CLASS_PARAMS,
          EVENTS,
          TARGET_GROUP_BINDINGS,
          MUTATING_WEBHOOKS);

  private record Event(String type, long rv, ObjectNode object) {}

  private final HttpServer server;
  final Object lock = new Object();
  private final FakeKubeWrites writes = new FakeKubeWrites(this);
  final FakeAdmission admission = new FakeAdmission(this);
  private long resourceVersion = 100;
  private long compactedBelow = 0;
  private final Map<Resource, Map<String, ObjectNode>> store = new LinkedHashMap<>();
  private final Map<Resource, List<Event>> history = new LinkedHashMap<>();
  private final Map<Resource, Gone> goneNext = new ConcurrentHashMap<>();
  private final Map<Resource, Long> bookmarks = new ConcurrentHashMap<>();
  private final Map<Resource, Failure> failing = new ConcurrentHashMap<>();
  private int watchGeneration;
  private boolean paused;

  /** Every watch request: plural and the resourceVersion it asked for. */
  final List<String> watchRequests = new CopyOnWriteArrayList<>();

  final List<String> listRequests = new CopyOnWriteArrayList<>();

  /** Every list or watch refused with 404 ({@link Failure#NOT_FOUND}): {@code plural list}. */
  final List<String> notFoundRequests = new CopyOnWriteArrayList<>();

  public FakeKubeApiServer() throws IOException {
    for (Resource r : RESOURCES) {
      store.put(r, new LinkedHashMap<>());
      history.put(r, new ArrayList<>());
    }
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/", this::handle);
    server.start();
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** A kubeconfig that points a client (the forwarder's --kubeconfig) at this server. */
  public String kubeconfig() {
    return """
        apiVersion: v1
        kind: Config
        clusters:
        - name: fake
          cluster: {server: "%s"}
        users:
        - name: fake
          user: {token: "t"}
        contexts:
        - name: fake
          context: {cluster: fake, user: fake}
        current-context: fake
        """
        .formatted(url());
  }

  // ---- test hooks ----

  /** Creates or replaces an object (raw Kubernetes JSON); returns its new resourceVersion. */
  public String apply(Resource r, ObjectNode object) {
    synchronized (lock) {
      ObjectNode copy = object.deepCopy();
      ObjectNode meta = copy.with("metadata");
      String key = key(meta);
      ObjectNode existing = store.get(r).get(key);
      long rv = ++resourceVersion;
      meta.put("resourceVersion", Long.toString(rv));
      meta.put(
          "uid",
          existing == null
              ? UUID.randomUUID().toString()
              : existing.path("metadata").path("uid").asText());
      meta.put("creationTimestamp", "2026-01-01T00:00:00Z");
      copy.put("apiVersion", r.apiVersion());
      copy.put("kind", r.kind());
      store.get(r).put(key, copy);
      history.get(r).add(new Event(existing == null ? "ADDED" : "MODIFIED", rv, copy));
      lock.notifyAll();
      return Long.toString(rv);
    }
  }

  /** Deletes an object; returns the deletion's resourceVersion. */
  public String delete(Resource r, String namespace, String name) {
    synchronized (lock) {
      ObjectNode gone = store.get(r).remove(namespace == null ? name : namespace + "/" + name);
      if (gone == null) {
        throw new IllegalArgumentException("no " + r.kind() + " " + namespace + "/" + name);
      }
      long rv = ++resourceVersion;
      ObjectNode copy = gone.deepCopy();
      copy.with("metadata").put("resourceVersion", Long.toString(rv));
      history.get(r).add(new Event("DELETED", rv, copy));
      lock.notifyAll();
      return Long.toString(rv);
    }
  }

  /** The object as stored now, if any (a copy). */
  public Optional<ObjectNode> get(Resource r, String namespace, String name) {
    synchronized (lock) {
      ObjectNode o = store.get(r).get(namespace == null ? name : namespace + "/" + name);
      return Optional.ofNullable(o == null ? null : o.deepCopy());
    }
  }

  /** Every stored object of {@code r} (copies). */
  public List<ObjectNode> objects(Resource r) {
    synchronized (lock) {
      return store.get(r).values().stream().map(ObjectNode::deepCopy).toList();
    }
  }

  /** Deletes as a client's DELETE does: an object with finalizers only gets a deletionTimestamp. */
  public void deleteGracefully(Resource r, String namespace, String name) {
    synchronized (lock) {
      String key = namespace == null ? name : namespace + "/" + name;
      writes.delete(r, key, store.get(r).get(key));
    }
  }

  /** The requests beyond list and watch, as {@code METHOD path}, in order. */
  public List<String> writeRequests() {
    return List.copyOf(writes.requests);
  }

  /**
   * Where the webhook behind a {@code clientConfig.service} answers (tests cannot resolve the
   * Service's DNS name); TLS still verifies the Service's name ({@link FakeAdmission}).
   */
  public void webhookEndpoint(String namespace, String service, URI address) {
    admission.endpoint(namespace, service, address);
  }

  /** Every admission webhook call, as {@code webhook-name: outcome}. */
  public List<String> webhookCalls() {
    return List.copyOf(admission.calls);
  }

  /** Answers every write with {@code code} from now on (0: stop failing). */
  public void failWrites(int code) {
    writes.failWrites = code;
  }

  // ---- for FakeKubeWrites (the caller holds the lock) ----

  ObjectNode stored(Resource r, String key) {
    return store.get(r).get(key);
  }

  /** Stores (or, for DELETED, removes) at the next resourceVersion, as a watch event. */
  ObjectNode commit(Resource r, String key, ObjectNode object, String type) {
    long rv = ++resourceVersion;
    ObjectNode copy = object.deepCopy();
    copy.with("metadata").put("resourceVersion", Long.toString(rv));
    copy.put("apiVersion", r.apiVersion());
    copy.put("kind", r.kind());
    if ("DELETED".equals(type)) {
      store.get(r).remove(key);
    } else {
      store.get(r).put(key, copy);
    }
    history.get(r).add(new Event(type, rv, copy));
    lock.notifyAll();
    return copy.deepCopy();
  }

  /** The next watch on {@code r} is refused with 410 Gone. */
  void goneOnNextWatch(Resource r, Gone how) {
    goneNext.put(r, how);
  }

  /** Forgets history: watches from before now are answered 410 Gone, as after etcd compaction. */
  void compact() {
    synchronized (lock) {
      compactedBelow = resourceVersion;
    }
  }

  /** Ends every open watch stream (the client reconnects from its last resourceVersion). */
  void breakWatches() {
    synchronized (lock) {
      watchGeneration++;
      lock.notifyAll();
    }
  }

  /** Holds back watch events (the watches stay open) until {@link #resumeWatches}. */
  void pauseWatches() {
    synchronized (lock) {
      paused = true;
    }
  }

  void resumeWatches() {
    synchronized (lock) {
      paused = false;
      lock.notifyAll();
    }
  }

  /**
   * Sends a BOOKMARK at a new resourceVersion to the open watches on {@code r} that asked for
   * bookmarks ({@code allowWatchBookmarks=true}), as a real API server does.
   */
  String bookmark(Resource r) {
    synchronized (lock) {
      long rv = ++resourceVersion;
      bookmarks.put(r, rv);
      lock.notifyAll();
      return Long.toString(rv);
    }
  }

  /**
   * Lists and watches of {@code r} fail (as {@code how} says) until {@link #heal}; open watches
   * end.
   */
  void fail(Resource r, Failure how) {
    failing.put(r, how);
    breakWatches();
  }

  /** Lists and watches of {@code r} are answered again. */
  void heal(Resource r) {
    failing.remove(r);
  }

  long watchCount(Resource r) {
    return watchRequests.stream().filter(w -> w.startsWith(r.plural() + "@")).count();
  }

  @Override
  public void close() {
    breakWatches();
    server.stop(0);
  }

  // ---- HTTP ----

  private static final Pattern PATH =
      Pattern.compile(
          "(/api/v1|/apis/[^/]+/[^/]+)(?:/namespaces/([^/]+))?/([^/]+)(?:/([^/]+))?(?:/([^/]+))?");

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      URI uri = exchange.getRequestURI();
      Matcher m = PATH.matcher(uri.getPath());
      if (m.matches()
          && "/apis/coordination.k8s.io/v1".equals(m.group(1))
          && "leases".equals(m.group(3))
          && m.group(2) != null) {
        lease(exchange, m.group(2), m.group(4));
        return;
      }
      Resource resource = null;
      if (m.matches()) {
        for (Resource r : RESOURCES) {
          if (r.prefix().equals(m.group(1)) && r.plural().equals(m.group(3))) {
            resource = r;
          }
        }
      }
      if (resource == null) {
        status(exchange, 404, "NotFound", "not served: " + uri.getPath());
        return;
      }
      if (!"GET".equals(exchange.getRequestMethod()) || m.group(4) != null) {
        writes.handle(exchange, resource, m.group(2), m.group(4), m.group(5));
        return;
      }
      Map<String, String> query = query(uri.getRawQuery());
      Failure failure = failing.get(resource);
      if (failure == Failure.SERVER_ERROR) {
        status(exchange, 500, "InternalError", "etcd is on fire");
        return;
      }
      if (failure == Failure.NOT_FOUND) {
        notFoundRequests.add(
            resource.plural()
                + scope(m.group(2))
                + ("true".equals(query.get("watch")) ? " watch" : " list"));
        status(exchange, 404, "NotFound", "the server could not find the requested resource");
        return;
      }
      if (failure == Failure.GARBAGE) {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, 0);
        exchange.getResponseBody().write("{\"type\": ADDED, <html>oops\n".getBytes(UTF_8));
        return;
      }
      if (failure == Failure.ERROR_EVENT && "true".equals(query.get("watch"))) {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, 0);
        line(exchange.getResponseBody(), event("ERROR", statusNode(500, "InternalError", "boom")));
        return;
      }
      if ("true".equals(query.get("watch"))) {
        watch(
            exchange,
            resource,
            m.group(2),
            query.get("resourceVersion"),
            "true".equals(query.get("allowWatchBookmarks")));
      } else {
        list(exchange, resource, m.group(2), query.get("labelSelector"));
      }
    }
  }

  private final Map<String, ObjectNode> leases = new LinkedHashMap<>();

  /** Leases: get, create (409 if present), replace (409 unless the resourceVersion matches). */
  private void lease(HttpExchange exchange, String namespace, String name) throws IOException {
    String method = exchange.getRequestMethod();
    ObjectNode body =
        "GET".equals(method)
            ? null
            : (ObjectNode) Json.mapper().readTree(exchange.getRequestBody().readAllBytes());
    if (body != null && name == null) {
      name = body.path("metadata").path("name").asText();
    }
    String key = namespace + "/" + name;
    ObjectNode answer;
    int code = 200;
    synchronized (lock) {
      ObjectNode stored = leases.get(key);
      switch (method) {
        case "GET" -> {
          if (stored == null) {
            status(exchange, 404, "NotFound", "lease " + key + " not found");
            return;
          }
          answer = stored;
        }
        case "POST" -> {
          if (stored != null) {
            status(exchange, 409, "AlreadyExists", "lease " + key + " exists");
            return;
          }
          code = 201;
          answer = storeLease(key, body);
        }
        case "PUT" -> {
          String rv = body.path("metadata").path("resourceVersion").asText();
          if (stored == null
              || !rv.equals(stored.path("metadata").path("resourceVersion").asText())) {
            status(exchange, 409, "Conflict", "lease " + key + " was modified");
            return;
          }
          answer = storeLease(key, body);
        }
        default -> {
          status(exchange, 405, "MethodNotAllowed", method);
          return;
        }
      }
    }
    byte[] bytes = Json.mapper().writeValueAsBytes(answer);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(code, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  private ObjectNode storeLease(String key, ObjectNode body) {
    ObjectNode copy = body.deepCopy();
    copy.put("apiVersion", "coordination.k8s.io/v1");
    copy.put("kind", "Lease");
    copy.with("metadata").put("resourceVersion", Long.toString(++resourceVersion));
    leases.put(key, copy);
    return copy;
  }

  /** The holder of a lease, or null. */
  String leaseHolder(String namespace, String name) {
    synchronized (lock) {
      ObjectNode lease = leases.get(namespace + "/" + name);
      return lease == null ? null : lease.path("spec").path("holderIdentity").asText(null);
    }
  }

  /**
   * How requests are recorded: {@code services@12} across namespaces, {@code services[shop]@12}.
   */
  private static String scope(String namespace) {
    return namespace == null ? "" : "[" + namespace + "]";
  }

  private void list(HttpExchange exchange, Resource r, String namespace, String labelSelector)
      throws IOException {
    ObjectNode out = Json.mapper().createObjectNode();
    synchronized (lock) {
      listRequests.add(r.plural() + scope(namespace) + "@" + resourceVersion);
      out.put("apiVersion", r.apiVersion());
      out.put("kind", r.kind() + "List");
      out.with("metadata").put("resourceVersion", Long.toString(resourceVersion));
      var items = out.putArray("items");
      for (ObjectNode o : store.get(r).values()) {
        if ((namespace == null || namespace.equals(o.path("metadata").path("namespace").asText()))
            && FakeKubeWrites.matches(labelSelector, o.path("metadata").path("labels"))) {
          ObjectNode item = o.deepCopy();
          if (!r.group().endsWith("k8s.aws")) { // built-in list items have no apiVersion/kind
            item.remove("apiVersion");
            item.remove("kind");
          }
          items.add(item);
        }
      }
    }
    byte[] body = Json.mapper().writeValueAsBytes(out);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, body.length);
    exchange.getResponseBody().write(body);
  }

  private void watch(
      HttpExchange exchange,
      Resource r,
      String namespace,
      String fromText,
      boolean bookmarksAllowed)
      throws IOException {
    watchRequests.add(r.plural() + scope(namespace) + "@" + fromText);
    Gone gone = goneNext.remove(r);
    long from = fromText == null || fromText.isEmpty() ? 0 : Long.parseLong(fromText);
    synchronized (lock) {
      if (gone == null && from != 0 && from < compactedBelow) {
        gone = Gone.ERROR_EVENT;
      }
    }
    if (gone == Gone.HTTP_STATUS) {
      status(exchange, 410, "Expired", "too old resource version: " + from);
      return;
    }
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, 0); // chunked
    OutputStream out = exchange.getResponseBody();
    out.flush(); // the headers now, as an API server sends them: the watch is established
    if (gone == Gone.ERROR_EVENT) {
      ObjectNode event = Json.mapper().createObjectNode();
      event.put("type", "ERROR");
      event.set("object", statusNode(410, "Expired", "too old resource version: " + from));
      line(out, event);
      return;
    }
    int generation;
    List<ObjectNode> initial = new ArrayList<>();
    long sentUpTo;
    synchronized (lock) {
      generation = watchGeneration;
      if (from == 0) {
        for (ObjectNode o : store.get(r).values()) {
          initial.add(event("ADDED", o));
        }
        sentUpTo = resourceVersion;
      } else {
        sentUpTo = from;
      }
    }
    for (ObjectNode e : initial) {
      line(out, e);
    }
    int next = 0;
    long bookmarkSent = bookmarks.getOrDefault(r, 0L);
    while (true) {
      List<ObjectNode> batch = new ArrayList<>();
      synchronized (lock) {
        if (generation != watchGeneration) {
          return;
        }
        if (paused) {
          try {
            lock.wait(200);
          } catch (InterruptedException e) {
            return;
          }
          continue;
        }
        List<Event> events = history.get(r);
        while (next < events.size() && events.get(next).rv() <= sentUpTo) {
          next++;
        }
        for (; next < events.size(); next++) {
          Event e = events.get(next);
          if (namespace == null
              || namespace.equals(e.object().path("metadata").path("namespace").asText())) {
            batch.add(event(e.type(), e.object()));
          }
          sentUpTo = e.rv();
        }
        long bm = bookmarks.getOrDefault(r, 0L);
        if (bm > bookmarkSent && bookmarksAllowed) {
          bookmarkSent = bm;
          ObjectNode bookmark = Json.mapper().createObjectNode();
          bookmark.put("apiVersion", r.apiVersion());
          bookmark.put("kind", r.kind());
          bookmark.with("metadata").put("resourceVersion", Long.toString(bm));
          batch.add(event("BOOKMARK", bookmark));
        }
        if (batch.isEmpty()) {
          if (generation != watchGeneration) {
            return;
          }
          try {
            lock.wait(200);
          } catch (InterruptedException e) {
            return;
          }
          continue;
        }
      }
      for (ObjectNode e : batch) {
        line(out, e);
      }
    }
  }

  private static ObjectNode event(String type, ObjectNode object) {
    ObjectNode e = Json.mapper().createObjectNode();
    e.put("type", type);
    e.set("object", object);
    return e;
  }

  private static void line(OutputStream out, JsonNode node) throws IOException {
    out.write(Json.mapper().writeValueAsBytes(node));
    out.write('\n');
    out.flush();
  }

  private static void status(HttpExchange exchange, int code, String reason, String message)
      throws IOException {
    byte[] body = Json.mapper().writeValueAsBytes(statusNode(code, reason, message));
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(code, body.length);
    exchange.getResponseBody().write(body);
  }

  static ObjectNode statusNode(int code, String reason, String message) {
    ObjectNode s = Json.mapper().createObjectNode();
    s.put("kind", "Status");
    s.put("apiVersion", "v1");
    s.with("metadata");
    s.put("status", "Failure");
    s.put("message", message);
    s.put("reason", reason);
    s.put("code", code);
    return s;
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> out = new LinkedHashMap<>();
    if (raw == null) {
      return out;
    }
    for (String part : raw.split("&")) {
      int eq = part.indexOf('=');
      String k = eq < 0 ? part : part.substring(0, eq);
      String v = eq < 0 ? "" : part.substring(eq + 1);
      out.put(
          URLDecoder.decode(k, StandardCharsets.UTF_8),
          URLDecoder.decode(v, StandardCharsets.UTF_8));
    }
    return out;
  }

  private static String key(ObjectNode meta) {
    String ns = meta.path("namespace").asText("");
    return ns.isEmpty() ? meta.path("name").asText() : ns + "/" + meta.path("name").asText();
  }

  static Set<Resource> resources() {
    return Set.copyOf(RESOURCES);
  }

  /** The served resource of a kind ({@code Service}, {@code EndpointSlice}, …). */
  public static Resource ofKind(String kind) {
    return RESOURCES.stream()
        .filter(r -> r.kind().equals(kind))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("not served: " + kind));
  }
}
