package dev.lbr.forwarder.kube;

import static dev.lbr.forwarder.kube.FakeKubeApiServer.SERVICES;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lbr.k8s.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The in-test API server's writes behave as a real API server's. */
class FakeKubeWritesTest {
  static final String WEB = "/api/v1/namespaces/shop/services/web";

  FakeKubeApiServer api;
  final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void server() throws Exception {
    api = new FakeKubeApiServer();
    api.apply(SERVICES, Objects.nlbService("shop", "web", "one"));
  }

  @AfterEach
  void stop() {
    api.close();
  }

  record Reply(int code, JsonNode body) {}

  Reply send(String method, String path, String contentType, String body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(api.url() + path));
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body.replace('\'', '"')));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    return new Reply(r.statusCode(), Json.mapper().readTree(r.body()));
  }

  String rv() {
    return api.get(SERVICES, "shop", "web")
        .orElseThrow()
        .path("metadata")
        .path("resourceVersion")
        .asText();
  }

  @Test
  void getReturnsOneObjectAndPostRefusesAnExistingName() throws Exception {
    assertThat(send("GET", WEB, null, null).body().path("metadata").path("name").asText())
        .isEqualTo("web");
    assertThat(send("GET", WEB + "x", null, null).code()).isEqualTo(404);
    String svc = "{'metadata': {'name': 'web'}, 'spec': {'type': 'ClusterIP'}}";
    assertThat(send("POST", "/api/v1/namespaces/shop/services", "application/json", svc).code())
        .isEqualTo(409);
    Reply created =
        send(
            "POST",
            "/api/v1/namespaces/shop/services",
            "application/json",
            svc.replace("web", "api"));
    assertThat(created.code()).isEqualTo(201);
    assertThat(created.body().path("metadata").path("generation").asLong()).isEqualTo(1);
  }

  @Test
  void putNeedsTheCurrentResourceVersionAndBumpsTheGenerationOnASpecChange() throws Exception {
    JsonNode web = send("GET", WEB, null, null).body();
    ((com.fasterxml.jackson.databind.node.ObjectNode) web.path("spec")).put("type", "NodePort");
    String stale = web.toString().replace(rv(), "1");
    assertThat(send("PUT", WEB, "application/json", stale).code()).isEqualTo(409);

    Reply put = send("PUT", WEB, "application/json", web.toString());
    assertThat(put.code()).isEqualTo(200);
    assertThat(put.body().path("metadata").path("generation").asLong()).isEqualTo(2);
    assertThat(put.body().path("spec").path("type").asText()).isEqualTo("NodePort");
  }

  @Test
  void theStatusSubresourceWritesOnlyStatusAndTheObjectNeverStatus() throws Exception {
    send(
        "PATCH",
        WEB + "/status",
        "application/merge-patch+json",
        "{'spec': {'type': 'NodePort'}, 'status': {'loadBalancer': {'ingress': [{'hostname': 'a'}]}}}");
    send(
        "PATCH",
        WEB,
        "application/merge-patch+json",
        "{'status': {'loadBalancer': {}}, 'metadata': {'labels': {'x': 'y'}}}");

    JsonNode web = api.get(SERVICES, "shop", "web").orElseThrow();
    assertThat(web.path("spec").path("type").asText()).isEqualTo("LoadBalancer");
    assertThat(
            web.path("status")
                .path("loadBalancer")
                .path("ingress")
                .get(0)
                .path("hostname")
                .asText())
        .isEqualTo("a");
    assertThat(web.path("metadata").path("labels").path("x").asText()).isEqualTo("y");
  }

  @Test
  void patchesCheckTheirPreconditions() throws Exception {
    String merge = "{'metadata': {'resourceVersion': '1', 'labels': {'a': 'b'}}}";
    assertThat(send("PATCH", WEB, "application/merge-patch+json", merge).code()).isEqualTo(409);
    String test =
        "[{'op': 'test', 'path': '/metadata/resourceVersion', 'value': '1'},"
            + " {'op': 'add', 'path': '/metadata/finalizers', 'value': ['f']}]";
    assertThat(send("PATCH", WEB, "application/json-patch+json", test).code()).isEqualTo(422);
    assertThat(
            send("PATCH", WEB, "application/json-patch+json", test.replace("'1'", "'" + rv() + "'"))
                .code())
        .isEqualTo(200);
    assertThat(
            api.get(SERVICES, "shop", "web")
                .orElseThrow()
                .path("metadata")
                .path("finalizers")
                .get(0)
                .asText())
        .isEqualTo("f");
    assertThat(send("PATCH", WEB, "application/strategic-merge-patch+json", "{}").code())
        .isEqualTo(415);
  }

  @Test
  void aDeleteWaitsForTheFinalizersAndTheLastOneRemovedDeletes() throws Exception {
    String before = rv();
    String same = "{'metadata': {'annotations': {'marker': 'one'}}}";
    send("PATCH", WEB, "application/merge-patch+json", same);
    assertThat(rv()).as("a write that changes nothing").isEqualTo(before);

    send("PATCH", WEB, "application/merge-patch+json", "{'metadata': {'finalizers': ['f', 'g']}}");
    assertThat(send("DELETE", WEB, null, null).code()).isEqualTo(200);
    JsonNode deleting = api.get(SERVICES, "shop", "web").orElseThrow();
    assertThat(deleting.path("metadata").has("deletionTimestamp")).isTrue();

    Reply added =
        send(
            "PATCH",
            WEB,
            "application/merge-patch+json",
            "{'metadata': {'finalizers': ['f', 'g', 'h']}}");
    assertThat(added.code()).isEqualTo(422);
    send("PATCH", WEB, "application/merge-patch+json", "{'metadata': {'finalizers': ['g']}}");
    assertThat(api.get(SERVICES, "shop", "web")).isPresent();
    send("PATCH", WEB, "application/merge-patch+json", "{'metadata': {'finalizers': null}}");
    assertThat(api.get(SERVICES, "shop", "web")).isEmpty();
  }

  @Test
  void everyWriteShowsOnWatches() throws Exception {
    RecordingSink sink = new RecordingSink();
    io.kubernetes.client.openapi.ApiClient client =
        new io.kubernetes.client.openapi.ApiClient().setBasePath(api.url()).setReadTimeout(0);
    try (KubeInformers informers =
        new KubeInformers(client, sink, java.time.Duration.ZERO, s -> {})) {
      informers.start();
      KubeInformersTest.await("synced", informers::hasSynced);
      send(
          "PATCH",
          WEB,
          "application/merge-patch+json",
          "{'metadata': {'annotations': {'marker': 'two'}}}");
      KubeInformersTest.await("the patch is watched", () -> sink.upsertsOf("web").size() == 2);
      send("DELETE", WEB, null, null);
      KubeInformersTest.await("the delete is watched", () -> !sink.deletes().isEmpty());
    }
  }

  @Test
  void aStrategicMergePatchOfPodStatusMergesConditionsByTypeAndChecksTheUid() throws Exception {
    api.apply(
        FakeKubeApiServer.PODS, Objects.pod("shop", "web-1", "target-health.elbv2.k8s.aws/tg", 0));
    String path = "/api/v1/namespaces/shop/pods/web-1/status";
    String uid =
        api.get(FakeKubeApiServer.PODS, "shop", "web-1")
            .orElseThrow()
            .path("metadata")
            .path("uid")
            .asText();
    String patch =
        "{'metadata': {'uid': '%s'}, 'status': {'conditions': ["
            + "{'type': 'target-health.elbv2.k8s.aws/tg', 'status': 'True'},"
            + "{'type': 'Ready', 'status': 'True'}]}}";

    Reply ok = send("PATCH", path, StrategicMerge.TYPE, patch.formatted(uid));
    assertThat(ok.code()).isEqualTo(200);
    JsonNode conditions = ok.body().path("status").path("conditions");
    assertThat(conditions.findValuesAsText("type"))
        .containsExactly(
            "PodScheduled", "ContainersReady", "Ready", "target-health.elbv2.k8s.aws/tg");
    assertThat(conditions.get(1).path("lastTransitionTime").asText())
        .isEqualTo("2026-01-01T00:00:05Z"); // the kubelet's, untouched
    assertThat(conditions.get(2).path("status").asText()).isEqualTo("True");
    assertThat(conditions.get(2).path("reason").asText()) // merged into, not replaced
        .isEqualTo("ReadinessGatesNotReady");
    assertThat(ok.body().path("status").path("containerStatuses")).hasSize(1);

    Reply other = send("PATCH", path, StrategicMerge.TYPE, patch.formatted("another-uid"));
    assertThat(other.code()).isEqualTo(409);
    assertThat(other.body().path("message").asText())
        .isEqualTo(
            "Precondition failed: UID in precondition: another-uid, UID in object meta: " + uid);
  }
}
