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
 * List and watch of one resource across all namespaces, telling {@code onList} after each
 * successful (re-)list (the first one, and every one after a 410 Gone) so an inventory follows.
 */
final class RelistingListerWatcher<T extends KubernetesObject, L extends KubernetesListObject>
    implements ListerWatcher<T, L> {

  private final GenericKubernetesApi<T, L> api;
  private final Runnable onList;

  RelistingListerWatcher(GenericKubernetesApi<T, L> api, Runnable onList) {
    this.api = api;
    this.onList = onList;
  }

  @Override
  public L list(CallGeneratorParams params) throws ApiException {
    ListOptions options = new ListOptions();
    options.setResourceVersion(params.resourceVersion);
    options.setTimeoutSeconds(params.timeoutSeconds);
    L list = api.list(options).throwsApiException().getObject();
    onList.run();
    return list;
  }

  @Override
  public Watchable<T> watch(CallGeneratorParams params) throws ApiException {
    ListOptions options = new ListOptions();
    options.setResourceVersion(params.resourceVersion);
    options.setTimeoutSeconds(params.timeoutSeconds);
    return api.watch(options);
  }
}
