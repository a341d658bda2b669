package dev.lbr.forwarder.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lbr.forwarder.kube.ApiCalls;
import dev.lbr.k8s.Json;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.Pair;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import okhttp3.Call;
import okhttp3.Response;

/**
 * Raw JSON on the Kubernetes API through client-java's {@link ApiClient} (its base path, TLS and
 * credentials). Not the typed models, which refuse fields they do not know, nor {@code
 * DynamicKubernetesApi}, which cannot PATCH a {@code /status} subresource: objects stay Jackson
 * trees, written with JSON merge patches that carry the resourceVersion read (optimistic locking,
 * as LBC's {@code MergeFromWithOptimisticLock}).
 */
public final class KubeRest {
  public static final String MERGE_PATCH = "application/merge-patch+json";
  public static final String STRATEGIC_MERGE_PATCH = "application/strategic-merge-patch+json";
  static final int ATTEMPTS = 5;

  private final ApiClient client;

  public KubeRest(ApiClient client) {
    this.client = client;
  }

  /** The object, or empty when it does not exist. */
  public Optional<ObjectNode> get(String path) {
    try {
      return Optional.of(call("GET", path, List.of(), null, null));
    } catch (KubeApiException e) {
      if (e.notFound()) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** The items of a collection, optionally filtered by a label selector. */
  public List<ObjectNode> list(String path, String labelSelector) {
    List<Pair> query = new ArrayList<>();
    if (labelSelector != null) {
      query.add(new Pair("labelSelector", labelSelector));
    }
    List<ObjectNode> out = new ArrayList<>();
    call("GET", path, query, null, null).path("items").forEach(i -> out.add((ObjectNode) i));
    return out;
  }

  public ObjectNode create(String collection, ObjectNode body) {
    return call("POST", collection, List.of(), body, "application/json");
  }

  public ObjectNode replace(String path, ObjectNode body) {
    return call("PUT", path, List.of(), body, "application/json");
  }

  public ObjectNode mergePatch(String path, JsonNode patch) {
    return call("PATCH", path, List.of(), patch, MERGE_PATCH);
  }

  /** A strategic merge patch: lists with a merge key (a pod's conditions, by type) are merged. */
  public ObjectNode strategicMergePatch(String path, JsonNode patch) {
    return call("PATCH", path, List.of(), patch, STRATEGIC_MERGE_PATCH);
  }

  /** Deletes; false when it was already gone. */
  public boolean delete(String path) {
    try {
      call("DELETE", path, List.of(), null, null);
      return true;
    } catch (KubeApiException e) {
      if (e.notFound()) {
        return false;
      }
      throw e;
    }
  }

  /**
   * An optimistic write of {@code current}: {@code change} turns the object into a merge patch
   * (null when there is nothing to do), which is sent with the object's resourceVersion to the
   * object or, with {@code status}, to its {@code /status}. On a conflict (409) the object is read
   * again and {@code change} asked again, up to {@value #ATTEMPTS} times. Returns the object as
   * written (or as read when nothing was to do); empty once the object is gone.
   */
  public Optional<ObjectNode> update(
      ApiResource r, ObjectNode current, boolean status, Function<ObjectNode, ObjectNode> change) {
    ObjectNode object = current;
    for (int attempt = 1; ; attempt++) {
      ObjectNode patch = change.apply(object);
      if (patch == null) {
        return Optional.of(object);
      }
      JsonNode meta = object.path("metadata");
      String ns = meta.path("namespace").asText(null);
      String name = meta.path("name").asText();
      patch.with("metadata").put("resourceVersion", meta.path("resourceVersion").asText());
      try {
        return Optional.of(mergePatch(status ? r.status(ns, name) : r.item(ns, name), patch));
      } catch (KubeApiException e) {
        if (e.notFound()) {
          return Optional.empty();
        }
        if (!e.conflict() || attempt == ATTEMPTS) {
          throw e;
        }
        Optional<ObjectNode> again = get(r.item(ns, name));
        if (again.isEmpty()) {
          return again;
        }
        object = again.get();
      }
    }
  }

  private ObjectNode call(
      String method, String path, List<Pair> query, JsonNode body, String contentType) {
    try {
      Call call =
          ApiCalls.newCall(
              client,
              method,
              path,
              query,
              body == null ? null : Json.mapper().writeValueAsBytes(body),
              contentType);
      try (Response response = call.execute()) {
        String text = response.body() == null ? "" : response.body().string();
        if (!response.isSuccessful()) {
          throw new KubeApiException(
              response.code(), method + " " + path + ": " + response.code() + " " + reason(text));
        }
        JsonNode node =
            text.isBlank() ? Json.mapper().createObjectNode() : Json.mapper().readTree(text);
        return node instanceof ObjectNode o ? o : Json.mapper().createObjectNode();
      }
    } catch (IOException | ApiException e) {
      throw new KubeApiException(method + " " + path + ": " + e.getMessage(), e);
    }
  }

  /** The message of a Kubernetes Status body, else the body. */
  private static String reason(String body) {
    try {
      JsonNode status = Json.mapper().readTree(body);
      return status.path("message").asText(body);
    } catch (IOException | RuntimeException e) {
      return body;
    }
  }
}
