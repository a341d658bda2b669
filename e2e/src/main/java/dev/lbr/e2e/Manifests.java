package dev.lbr.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lbr.forwarder.kube.FakeKubeApiServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Multi-document YAML to API objects, and each object's resource on the in-test API server. */
public final class Manifests {
  private Manifests() {}

  public static List<ObjectNode> parse(String yaml) {
    List<ObjectNode> out = new ArrayList<>();
    try (MappingIterator<JsonNode> docs =
        dev.lbr.manifest.Yaml.mapper().readerFor(JsonNode.class).readValues(yaml)) {
      while (docs.hasNext()) {
        JsonNode doc = docs.next();
        if (doc != null && doc.isObject() && doc.has("kind")) {
          out.add((ObjectNode) doc);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  public static FakeKubeApiServer.Resource resource(JsonNode object) {
    return FakeKubeApiServer.ofKind(object.path("kind").asText());
  }

  /**
   * Applies every object as {@code kubectl apply} does: created, or its spec and metadata replaced
   * while the status and finalizers others wrote are kept.
   */
  public static void apply(FakeKubeApiServer api, Kubectl kube, List<ObjectNode> objects) {
    for (ObjectNode o : objects) {
      ObjectNode copy = o.deepCopy();
      copy.with("metadata").remove("resourceVersion");
      kube.get(path(o))
          .ifPresent(
              live -> {
                if (live.has("status")) {
                  copy.set("status", live.get("status"));
                }
                JsonNode finalizers = live.path("metadata").path("finalizers");
                if (finalizers.isArray()) {
                  copy.with("metadata").set("finalizers", finalizers);
                }
              });
      api.apply(resource(o), copy);
    }
  }

  /** The object's API path. */
  public static String path(JsonNode o) {
    FakeKubeApiServer.Resource r = resource(o);
    String namespace = o.path("metadata").path("namespace").asText("");
    String scope =
        r.namespaced() ? "/namespaces/" + (namespace.isEmpty() ? "default" : namespace) : "";
    return r.prefix() + scope + "/" + r.plural() + "/" + o.path("metadata").path("name").asText();
  }
}
