package dev.lbr.forwarder.kube;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lbr.k8s.Json;
import io.kubernetes.client.common.KubernetesListObject;
import io.kubernetes.client.informer.ListerWatcher;
import io.kubernetes.client.informer.exception.WatchExpiredException;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.Pair;
import io.kubernetes.client.openapi.models.V1ListMeta;
import io.kubernetes.client.util.CallGeneratorParams;
import io.kubernetes.client.util.Watch;
import io.kubernetes.client.util.Watchable;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Response;

/**
 * List and watch of one resource in one namespace (or across all when {@code namespace} is null),
 * read as a stream: a list's items are projected one at a time as they are parsed, so the response
 * is never held whole and an object's JSON only while it is projected (an object the informers
 * drop, {@link ObjectProjector#dropped}, is left out); a watch's events are projected line by line
 * ({@link ProjectingWatch}). Watches ask for bookmarks. Tells {@code attempts} how each call went:
 * a list that succeeded (an inventory follows), a watch that is established, or a call that failed
 * (410 Gone is no failure: the reflector re-lists).
 *
 * <p>A resource that {@link KubeResource#mayBeUnserved may be unserved} (its CRD is missing) and
 * answers a list with 404 is listed as empty, which is no failure either: the watch that follows
 * sends nothing and, after a delay that doubles with every such list (from {@code unservedRetry} up
 * to {@link #UNSERVED_RETRY_CAP}), makes the reflector list again. A 404 on its watch (the CRD went
 * away) makes the reflector list again at once, which then empties the kind.
 */
final class RelistingListerWatcher
    implements ListerWatcher<Projected, RelistingListerWatcher.Listing> {

  /** The longest wait before an unserved kind is listed again. */
  static final Duration UNSERVED_RETRY_CAP = Duration.ofMinutes(5);

  /** What became of the calls. */
  interface Attempts {
    /** A list succeeded: its changes and an inventory follow. */
    void listed();

    /** A list found the kind not served (404): it is listed as empty; an inventory follows. */
    void unserved(Throwable error);

    void watching();

    void failed(String call, Throwable error);
  }

  /**
   * A list as the reflector reads it: its resourceVersion and the projected items (the kind keeps
   * the reflector from looking the item type up in client-java's model registry).
   */
  record Listing(KubeResource resource, String resourceVersion, List<Projected> items)
      implements KubernetesListObject {
    @Override
    public V1ListMeta getMetadata() {
      return new V1ListMeta().resourceVersion(resourceVersion);
    }

    @Override
    public List<Projected> getItems() {
      return items;
    }

    @Override
    public String getApiVersion() {
      return resource.apiVersion();
    }

    @Override
    public String getKind() {
      return resource.kind.wireName() + "List";
    }
  }

  private final KubeResource resource;
  private final ApiClient client;
  private final String namespace;
  private final Attempts attempts;
  private final Duration unservedRetry;

  /** Lists in a row that found the kind not served (reflector thread only). */
  private int unservedLists;

  RelistingListerWatcher(
      KubeResource resource,
      ApiClient client,
      String namespace,
      Attempts attempts,
      Duration unservedRetry) {
    this.resource = resource;
    this.client = client;
    this.namespace = namespace;
    this.attempts = attempts;
    this.unservedRetry = unservedRetry;
  }

  @Override
  public Listing list(CallGeneratorParams params) throws ApiException {
    Listing listing;
    try {
      listing =
          attempt(
              "list",
              () -> {
                try (Response response = execute(call(params, false))) {
                  return read(response);
                }
              });
    } catch (ApiException e) {
      if (!unserved(e)) {
        throw e;
      }
      unservedLists++;
      attempts.unserved(e);
      // No version: the inventory does not wait for a kind that is not there (and a mutable list:
      // the FIFO's replace empties it).
      return new Listing(resource, null, new ArrayList<>());
    }
    unservedLists = 0;
    attempts.listed();
    return listing;
  }

  @Override
  public Watchable<Projected> watch(CallGeneratorParams params) throws ApiException {
    if (unservedLists > 0) {
      return new UnservedWatch(unservedDelay());
    }
    Watchable<Projected> watch;
    try {
      watch =
          attempt(
              "watch",
              () -> {
                Call call = call(params, true);
                return new ProjectingWatch(resource, call, execute(call));
              });
    } catch (ApiException e) {
      if (unserved(e)) {
        throw new WatchExpiredException(); // the reflector lists again, and finds it unserved
      }
      throw e;
    }
    attempts.watching();
    return watch;
  }

  /** Whether the call found a kind that may be unserved not served. */
  private boolean unserved(ApiException e) {
    return resource.mayBeUnserved && e.getCode() == 404;
  }

  /** {@code unservedRetry}, doubled for each further list that found the kind unserved. */
  private Duration unservedDelay() {
    long millis = unservedRetry.toMillis() << Math.min(unservedLists - 1, 20);
    return Duration.ofMillis(Math.min(millis, UNSERVED_RETRY_CAP.toMillis()));
  }

  /** One list or watch call. */
  private interface Attempt<T> {
    T run() throws ApiException, IOException;
  }

  /**
   * Runs a call; an I/O error becomes an {@link ApiException}, as client-java's calls have it, and
   * a failure is reported to {@code attempts} unless it is 410 Gone or the kind is not served.
   */
  private <T> T attempt(String name, Attempt<T> call) throws ApiException {
    try {
      return call.run();
    } catch (IOException e) {
      ApiException failed = new ApiException(e);
      attempts.failed(name, failed);
      throw failed;
    } catch (ApiException | RuntimeException e) {
      if (!(e instanceof ApiException api && (api.getCode() == 410 || unserved(api)))) {
        attempts.failed(name, e);
      }
      throw e;
    }
  }

  private Call call(CallGeneratorParams params, boolean watch) throws ApiException {
    List<Pair> query = new ArrayList<>();
    if (params.resourceVersion != null) {
      query.add(new Pair("resourceVersion", params.resourceVersion));
    }
    if (params.timeoutSeconds != null) {
      query.add(new Pair("timeoutSeconds", params.timeoutSeconds.toString()));
    }
    query.add(new Pair("watch", Boolean.toString(watch)));
    if (watch) {
      // Bookmarks move the resume point along while a kind is quiet: a 410 Gone after a quiet
      // spell becomes much less likely (the reflector resumes from a bookmark's version).
      query.add(new Pair("allowWatchBookmarks", "true"));
    }
    return ApiCalls.newCall(client, "GET", resource.collection(namespace), query, null, null);
  }

  /** The open response; an HTTP error is an {@link ApiException} with the status and body. */
  private static Response execute(Call call) throws ApiException, IOException {
    Response response = call.execute();
    if (!response.isSuccessful()) {
      try (response) {
        String body = response.body() == null ? null : response.body().string();
        throw new ApiException(
            response.message(), response.code(), response.headers().toMultimap(), body);
      }
    }
    return response;
  }

  /** Parses a list as it arrives: each item is projected as soon as it is read, then dropped. */
  private Listing read(Response response) throws IOException {
    String resourceVersion = null;
    List<Projected> items = new ArrayList<>();
    try (JsonParser parser = Json.mapper().createParser(response.body().byteStream())) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException("a list is not a JSON object");
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        if (field.equals("metadata") && value == JsonToken.START_OBJECT) {
          JsonNode meta = parser.readValueAsTree();
          resourceVersion = meta.path("resourceVersion").asText(null);
        } else if (field.equals("items") && value == JsonToken.START_ARRAY) {
          for (JsonToken item = parser.nextToken();
              item != JsonToken.END_ARRAY;
              item = parser.nextToken()) {
            if (item == null) {
              throw new IOException("the list ends before its items do");
            } else if (item == JsonToken.START_OBJECT) {
              Projected p =
                  ObjectProjector.project(resource, (ObjectNode) parser.readValueAsTree());
              if (!ObjectProjector.dropped(p)) {
                items.add(p);
              }
            } else {
              parser.skipChildren();
            }
          }
        } else {
          parser.skipChildren();
        }
      }
    }
    return new Listing(resource, resourceVersion, items);
  }

  /**
   * The watch of a kind that is not served: no events; once {@code wait} has passed it ends as an
   * expired watch does, so the reflector lists again. Closing it (stopping) ends it at once.
   */
  private static final class UnservedWatch implements Watchable<Projected> {
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Duration wait;

    UnservedWatch(Duration wait) {
      this.wait = wait;
    }

    @Override
    public boolean hasNext() {
      try {
        if (closed.await(wait.toMillis(), TimeUnit.MILLISECONDS)) {
          return false;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt(); // stopping: the reflector returns
      }
      throw new WatchExpiredException();
    }

    @Override
    public Watch.Response<Projected> next() {
      throw new NoSuchElementException("an unserved kind has no events");
    }

    @Override
    public Iterator<Watch.Response<Projected>> iterator() {
      return this;
    }

    @Override
    public void close() {
      closed.countDown();
    }
  }
}
