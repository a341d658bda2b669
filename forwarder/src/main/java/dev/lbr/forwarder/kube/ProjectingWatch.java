package dev.lbr.forwarder.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lbr.k8s.Json;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.models.V1Status;
import io.kubernetes.client.util.Watch;
import io.kubernetes.client.util.Watchable;
import java.io.IOException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import okhttp3.Call;
import okhttp3.Response;
import okio.BufferedSource;

/**
 * A watch's stream of events, one JSON line each, read and projected one at a time. It behaves as
 * client-java's {@code Watch} does for the reflector: {@link #hasNext} blocks until the next event
 * or the end of the stream; an I/O error there is reported as client-java's ("IO Exception during
 * hasNext method."), which the reflector takes for a dropped connection and re-lists quietly; an
 * ERROR event carries its Status; a BOOKMARK only its resourceVersion. An event of an object the
 * informers drop ({@link ObjectProjector#dropped}) is handed over as a BOOKMARK at its version.
 */
final class ProjectingWatch implements Watchable<Projected> {

  private final KubeResource resource;
  private final Call call;
  private final Response response;
  private final BufferedSource source;

  ProjectingWatch(KubeResource resource, Call call, Response response) {
    this.resource = resource;
    this.call = call;
    this.response = response;
    this.source = response.body().source();
  }

  @Override
  public boolean hasNext() {
    try {
      return !source.exhausted();
    } catch (IOException e) {
      throw new RuntimeException("IO Exception during hasNext method.", e);
    }
  }

  @Override
  public Watch.Response<Projected> next() {
    String line;
    try {
      line = source.readUtf8Line();
    } catch (IOException e) {
      throw new RuntimeException("IO Exception during next method.", e);
    }
    if (line == null) {
      throw new NoSuchElementException("the watch has ended");
    }
    return event(line);
  }

  private Watch.Response<Projected> event(String line) {
    JsonNode event;
    try {
      event = Json.mapper().readTree(line);
    } catch (IOException e) {
      throw new IllegalStateException("a watch event that is not JSON: " + e.getMessage(), e);
    }
    String type = event.path("type").asText(null);
    JsonNode object = event.path("object");
    if (!(object instanceof ObjectNode raw)) {
      throw new IllegalStateException("a " + type + " watch event without an object");
    }
    if ("Status".equals(raw.path("kind").asText())
        && "v1".equals(raw.path("apiVersion").asText())) {
      return new Watch.Response<>(type, JSON.deserialize(raw.toString(), V1Status.class));
    }
    if ("BOOKMARK".equals(type)) {
      return new Watch.Response<>(
          type, Projected.bookmark(raw.path("metadata").path("resourceVersion").asText(null)));
    }
    Projected projected = ObjectProjector.project(resource, raw);
    if (ObjectProjector.dropped(projected)) {
      // Nothing to store or send; its version still moves the informer on, as a bookmark's.
      return new Watch.Response<>("BOOKMARK", Projected.bookmark(projected.resourceVersion()));
    }
    return new Watch.Response<>(type, projected);
  }

  @Override
  public Iterator<Watch.Response<Projected>> iterator() {
    return this;
  }

  /** Ends the call: a read blocked in {@link #hasNext} fails at once. */
  @Override
  public void close() {
    call.cancel();
    response.close();
  }
}
