package dev.lbr.forwarder.kube;

import io.kubernetes.client.common.KubernetesListObject;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.informer.ListerWatcher;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.util.CallGeneratorParams;
import io.kubernetes.client.util.Watchable;
import io.kubernetes.client.util.generic.GenericKubernetesApi;
import io.kubernetes.client.util.generic.options.ListOptions;

/**
 * List and watch of one resource in one namespace (or across all when {@code namespace} is null),
 * telling {@code onList} after each successful (re-)list (the first one, and every one after a 410
 * Gone) so an inventory follows.
 */
final class RelistingListerWatcher<T extends KubernetesObject, L extends KubernetesListObject>
    implements ListerWatcher<T, L> {

  private final GenericKubernetesApi<T, L> api;
  private final String namespace;
  private final Runnable onList;

  RelistingListerWatcher(GenericKubernetesApi<T, L> api, String namespace, Runnable onList) {
    this.api = api;
    this.namespace = namespace;
    this.onList = onList;
  }

  @Override
  public L list(CallGeneratorParams params) throws ApiException {
    ListOptions options = new ListOptions();
    options.setResourceVersion(params.resourceVersion);
    options.setTimeoutSeconds(params.timeoutSeconds);
    L list =
        (namespace == null ? api.list(options) : api.list(namespace, options))
            .throwsApiException()
            .getObject();
    onList.run();
    return list;
  }

  @Override
  public Watchable<T> watch(CallGeneratorParams params) throws ApiException {
    ListOptions options = new ListOptions();
    options.setResourceVersion(params.resourceVersion);
    options.setTimeoutSeconds(params.timeoutSeconds);
    return namespace == null ? api.watch(options) : api.watch(namespace, options);
  }
}
