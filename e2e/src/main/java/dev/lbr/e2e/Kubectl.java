package dev.lbr.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lbr.k8s.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What a user does with kubectl (get, list, delete), over the API server's HTTP interface. */
public final class Kubectl {
  private final HttpClient http = HttpClient.newHttpClient();
  private final String base;

  Kubectl(String base) {
    this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }

  /** {@code kubectl get} of one object by its API path; empty when it does not exist. */
  public Optional<JsonNode> get(String path) {
    HttpResponse<String> response = send(path);
    if (response.statusCode() == 404) {
      return Optional.empty();
    }
    if (response.statusCode() != 200) {
      throw new IllegalStateException("GET " + path + ": " + response.statusCode());
    }
    return Optional.of(read(response.body()));
  }

  /** The items of a list path (e.g. {@code /api/v1/namespaces/default/events}). */
  public List<JsonNode> list(String path) {
    List<JsonNode> items = new ArrayList<>();
    get(path).ifPresent(list -> list.path("items").forEach(items::add));
    return items;
  }

  /**
   * {@code kubectl create}: POSTs the object to its collection, through the API server's admission
   * webhooks; returns the object as stored.
   */
  public JsonNode create(String collectionPath, JsonNode object) {
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create(base + collectionPath))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(object.toString()))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 201 && response.statusCode() != 200) {
        throw new IllegalStateException(
            "POST " + collectionPath + ": " + response.statusCode() + " " + response.body());
      }
      return read(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** {@code kubectl delete}: an object with finalizers is only marked for deletion. */
  public void delete(String path) {
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create(base + path)).DELETE().build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200 && response.statusCode() != 202) {
        throw new IllegalStateException("DELETE " + path + ": " + response.statusCode());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public Optional<JsonNode> service(String namespace, String name) {
    return get("/api/v1/namespaces/" + namespace + "/services/" + name);
  }

  public Optional<JsonNode> ingress(String namespace, String name) {
    return get("/apis/networking.k8s.io/v1/namespaces/" + namespace + "/ingresses/" + name);
  }

  public List<JsonNode> events(String namespace) {
    return list("/api/v1/namespaces/" + namespace + "/events");
  }

  public List<JsonNode> targetGroupBindings(String namespace) {
    return list("/apis/elbv2.k8s.aws/v1beta1/namespaces/" + namespace + "/targetgroupbindings");
  }

  /** The first {@code status.loadBalancer.ingress[].hostname} of an object, or empty. */
  public static Optional<String> hostname(JsonNode object) {
    JsonNode h =
        object.path("status").path("loadBalancer").path("ingress").path(0).path("hostname");
    return h.isTextual() ? Optional.of(h.asText()) : Optional.empty();
  }

  public static List<String> finalizers(JsonNode object) {
    List<String> out = new ArrayList<>();
    object.path("metadata").path("finalizers").forEach(f -> out.add(f.asText()));
    return out;
  }

  private HttpResponse<String> send(String path) {
    try {
      return http.send(
          HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode read(String body) {
    try {
      return Json.mapper().readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
