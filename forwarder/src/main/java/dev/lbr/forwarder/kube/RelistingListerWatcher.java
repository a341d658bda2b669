package dev.lbr.forwarder.kube;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.kubernetes.client.informer.ListerWatcher;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.util.CallGeneratorParams;
import io.kubernetes.client.util.Watchable;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesApi;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesListObject;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;
import io.kubernetes.client.util.generic.options.ListOptions;

/**
 * List and watch of one resource in one namespace (or across all when {@code namespace} is null),
 * as raw JSON. Tells {@code attempts} how each call went: a list that succeeded (an inventory
 * follows), a watch that is established, or a call that failed (410 Gone is no failure: the
 * reflector re-lists).
 */
final class RelistingListerWatcher
    implements ListerWatcher<DynamicKubernetesObject, DynamicKubernetesListObject> {

  /** What became of the calls. */
  interface Attempts {
    void listed();

    void watching();

    void failed(String call, Throwable error);
  }

  private final KubeResource resource;
  private final DynamicKubernetesApi api;
  private final String namespace;
  private final Attempts attempts;

  RelistingListerWatcher(
      KubeResource resource, DynamicKubernetesApi api, String namespace, Attempts attempts) {
    this.resource = resource;
    this.api = api;
    this.namespace = namespace;
    this.attempts = attempts;
  }

  @Override
  public DynamicKubernetesListObject list(CallGeneratorParams params) throws ApiException {
    DynamicKubernetesListObject list;
    try {
      list =
          (namespace == null ? api.list(options(params)) : api.list(namespace, options(params)))
              .throwsApiException()
              .getObject();
      keepOnlyTheVersion(list);
      addTypeMeta(list);
    } catch (ApiException | RuntimeException e) {
      reportUnlessGone("list", e);
      throw e;
    }
    attempts.listed();
    return list;
  }

  @Override
  public Watchable<DynamicKubernetesObject> watch(CallGeneratorParams params) throws ApiException {
    Watchable<DynamicKubernetesObject> watch;
    try {
      watch =
          namespace == null ? api.watch(options(params)) : api.watch(namespace, options(params));
    } catch (ApiException | RuntimeException e) {
      reportUnlessGone("watch", e);
      throw e;
    }
    attempts.watching();
    return watch;
  }

  private void reportUnlessGone(String call, Exception e) {
    if (!(e instanceof ApiException api && api.getCode() == 410)) {
      attempts.failed(call, e);
    }
  }

  private static ListOptions options(CallGeneratorParams params) {
    ListOptions options = new ListOptions();
    options.setResourceVersion(params.resourceVersion);
    options.setTimeoutSeconds(params.timeoutSeconds);
    return options;
  }

  /** List items come without apiVersion and kind, which the reflector reads from each. */
  private void addTypeMeta(DynamicKubernetesListObject list) {
    JsonElement items = list.getRaw().get("items");
    if (items == null || !items.isJsonArray()) {
      list.getRaw().add("items", new JsonArray());
      return;
    }
    for (JsonElement item : items.getAsJsonArray()) {
      if (item.isJsonObject()) {
        JsonObject o = item.getAsJsonObject();
        o.addProperty("apiVersion", resource.apiVersion());
        o.addProperty("kind", resource.kind.wireName());
      }
    }
  }

  /**
   * The reflector reads the list's metadata into a generated model, which would reject a field it
   * does not know: keep only what it reads.
   */
  private static void keepOnlyTheVersion(DynamicKubernetesListObject list) {
    JsonElement meta = list.getRaw().get("metadata");
    JsonObject kept = new JsonObject();
    if (meta != null && meta.isJsonObject() && meta.getAsJsonObject().has("resourceVersion")) {
      kept.add("resourceVersion", meta.getAsJsonObject().get("resourceVersion"));
    }
    list.getRaw().add("metadata", kept);
  }
}
