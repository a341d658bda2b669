package dev.lbr.forwarder.kube;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.Pair;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import okhttp3.Call;

/**
 * A call on the Kubernetes API through client-java's {@link ApiClient} (its base path, TLS and
 * credentials) whose response the caller reads as raw JSON: no generated model is involved.
 */
public final class ApiCalls {

  private ApiCalls() {}

  /**
   * @param body the request body, or null
   * @param contentType the body's media type, or null
   */
  public static Call newCall(
      ApiClient client,
      String method,
      String path,
      List<Pair> query,
      byte[] body,
      String contentType)
      throws ApiException {
    Map<String, String> headers = new HashMap<>();
    headers.put("Accept", "application/json");
    if (contentType != null) {
      headers.put("Content-Type", contentType);
    }
    return client.buildCall(
        client.getBasePath(),
        path,
        method,
        query,
        List.of(),
        body,
        headers,
        Map.of(),
        Map.of(),
        new String[] {"BearerToken"},
        null);
  }
}
