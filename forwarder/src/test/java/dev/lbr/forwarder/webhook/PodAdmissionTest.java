package dev.lbr.forwarder.webhook;

import static dev.lbr.forwarder.kube.FakeKubeApiServer.MUTATING_WEBHOOKS;
import static dev.lbr.forwarder.kube.FakeKubeApiServer.NAMESPACES;
import static dev.lbr.forwarder.kube.FakeKubeApiServer.PODS;
import static dev.lbr.forwarder.kube.FakeKubeApiServer.SERVICES;
import static dev.lbr.forwarder.kube.FakeKubeApiServer.TARGET_GROUP_BINDINGS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.lbr.forwarder.kube.BindingCache;
import dev.lbr.forwarder.kube.FakeKubeApiServer;
import dev.lbr.forwarder.status.ApiResource;
import dev.lbr.forwarder.status.KubeRest;
import dev.lbr.k8s.Json;
import io.kubernetes.client.openapi.ApiClient;
import java.io.File;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Pods created through the in-test API server, which calls the webhook as configured by
 * forwarder/deploy/40-webhook.yaml, over TLS with the CA the webhook wrote into caBundle.
 */
class PodAdmissionTest {
  static final ApiResource POD = new ApiResource("", "v1", "pods", "Pod", true);
  static final String GATE = "target-health.elbv2.k8s.aws/k8s-shop-web-1a2b3c4d5e";

  FakeKubeApiServer api;
  KubeRest kube;
  PodReadinessWebhook webhook;

  @BeforeEach
  void start() throws Exception {
    api = new FakeKubeApiServer();
    kube = new KubeRest(new ApiClient().setBasePath(api.url()));
    api.apply(MUTATING_WEBHOOKS, manifest("MutatingWebhookConfiguration"));
    api.apply(
        NAMESPACES,
        json(
            "{\"metadata\": {\"name\": \"shop\", \"labels\":"
                + " {\"elbv2.k8s.aws/pod-readiness-gate-inject\": \"enabled\"}}}"));
    api.apply(NAMESPACES, json("{\"metadata\": {\"name\": \"plain\"}}"));
    for (String ns : List.of("shop", "plain")) {
      api.apply(
          SERVICES,
          json(
              "{\"metadata\": {\"name\": \"web\", \"namespace\": \""
                  + ns
                  + "\"},"
                  + " \"spec\": {\"type\": \"ClusterIP\", \"selector\": {\"app\": \"web\"},"
                  + " \"ports\": [{\"port\": 80, \"targetPort\": 8080}]}}"));
      api.apply(
          TARGET_GROUP_BINDINGS,
          json(
              "{\"metadata\": {\"name\": \"k8s-shop-web-1a2b3c4d5e\","
                  + " \"namespace\": \""
                  + ns
                  + "\", \"labels\": {\"app.kubernetes.io/managed-by\": \"lbr\"}},"
                  + " \"spec\": {\"targetGroupARN\": \"arn:aws:elasticloadbalancing:eu-west-1:1:targetgroup/t/1\","
                  + " \"targetType\": \"ip\", \"serviceRef\": {\"name\": \"web\", \"port\": 80}}}"));
    }
    BindingCache cache =
        new BindingCache(
            new ApiClient().setBasePath(api.url()).setReadTimeout(0), Set.of(), p -> {});
    webhook =
        new PodReadinessWebhook(
            0,
            WebhookTls.Config.of("lbr-system", false),
            kube,
            PodReadinessWebhook.cache(cache),
            () -> true,
            Clock.systemUTC());
    api.webhookEndpoint(
        "lbr-system", "lbr-webhook", URI.create("https://127.0.0.1:" + webhook.port()));
    assertThat(webhook.refresh()).isTrue();
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!webhook.synced() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(webhook.synced()).isTrue();
  }

  @AfterEach
  void stop() {
    webhook.close();
    api.close();
  }

  static ObjectNode manifest(String kind) throws Exception {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    try (var docs =
        yaml.readerFor(JsonNode.class).<JsonNode>readValues(new File("deploy/40-webhook.yaml"))) {
      while (docs.hasNext()) {
        JsonNode doc = docs.next();
        if (kind.equals(doc.path("kind").asText())) {
          return (ObjectNode) Json.mapper().readTree(doc.toString());
        }
      }
    }
    throw new IllegalStateException("no " + kind + " in 40-webhook.yaml");
  }

  static ObjectNode json(String text) {
    try {
      return (ObjectNode) Json.mapper().readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  ObjectNode create(String namespace, String name, String appLabel) {
    ObjectNode pod =
        json(
            "{\"apiVersion\": \"v1\", \"kind\": \"Pod\", \"metadata\": {\"name\": \""
                + name
                + "\", \"labels\": {\"app\": \"web\", \"app.kubernetes.io/name\": \""
                + appLabel
                + "\"}}, \"spec\": {\"containers\": [{\"name\": \"web\", \"image\": \"nginx\"}]}}");
    kube.create(POD.collection(namespace), pod);
    return api.get(PODS, namespace, name).orElseThrow();
  }

  static List<String> gates(JsonNode pod) {
    List<String> out = new ArrayList<>();
    pod.path("spec").path("readinessGates").forEach(g -> out.add(g.path("conditionType").asText()));
    return out;
  }

  @Test
  void aPodInALabelledNamespaceGetsTheGateOfTheBindingSelectingIt() {
    assertThat(gates(create("shop", "web-1", "web"))).containsExactly(GATE);
    assertThat(api.webhookCalls()).containsExactly("mpod.lbr.elbv2.k8s.aws: patched");
  }

  @Test
  void aPodInAnUnlabelledNamespaceIsNotSentToTheWebhook() {
    assertThat(gates(create("plain", "web-1", "web"))).isEmpty();
    assertThat(api.webhookCalls()).isEmpty();
  }

  @Test
  void theForwardersOwnPodsAreNotSentToTheWebhook() {
    assertThat(gates(create("shop", "lbr-1", "lbr-forwarder"))).isEmpty();
    assertThat(api.webhookCalls()).isEmpty();
  }

  @Test
  void withTheWebhookDownPodsAreCreatedWithoutGates() {
    webhook.close();
    assertThat(gates(create("shop", "web-2", "web"))).isEmpty();
    assertThat(api.webhookCalls())
        .singleElement()
        .asString()
        .startsWith("mpod.lbr.elbv2.k8s.aws: ignored");
  }
}
