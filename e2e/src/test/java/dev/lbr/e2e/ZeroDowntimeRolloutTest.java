package dev.lbr.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lbr.k8s.Json;
import dev.lbr.testing.RepoPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The must-show of pod readiness gates: a rolling update through the real forwarder jar (its
 * webhook included), {@code lbr serve} and the emulator. The test plays the kubelet, the
 * EndpointSlice controller and the Deployment controller (which waits for a new pod to be Ready
 * before it stops an old one). A new pod of the labelled namespace gets the gate; it is registered
 * once its containers are ready; its gate turns True after its target is healthy; only then does it
 * become Ready, and only then is the old pod stopped and deregistered. A pod of an unlabelled
 * namespace gets no gate.
 */
class ZeroDowntimeRolloutTest {
  private static final Path SCENARIO = RepoPaths.scenarios().resolve("01-echo-nlb");
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String SVC = "svc-nlb-ip-type";
  private static final String OLD_1 = "192.168.1.187";
  private static final String OLD_2 = "192.168.3.104";
  private static final String NEW = "192.168.2.96";
  private static final String NEW_POD = "deploy-echo-6f7d9c8b44-n1";

  private Loop loop;

  @AfterEach
  void stop() throws Exception {
    if (loop != null) {
      loop.close();
    }
  }

  @Test
  void aRollingUpdateStopsTheOldPodOnlyAfterTheNewOnesTargetIsHealthy() throws Exception {
    loop = Loop.prepare(SCENARIO);
    Manifests.apply(loop.api, loop.kube, webhookConfiguration());
    Manifests.apply(
        loop.api,
        loop.kube,
        Manifests.parse(
            """
            apiVersion: v1
            kind: Namespace
            metadata:
              name: default
              labels: {elbv2.k8s.aws/pod-readiness-gate-inject: enabled}
            ---
            apiVersion: v1
            kind: Namespace
            metadata: {name: plain}
            """));
    Manifests.apply(loop.api, loop.kube, Manifests.parse(loop.scenario.step(1)));
    loop.startServe(Duration.ZERO).startForwarder();

    loop.await(
        "lbr's TargetGroupBinding",
        WAIT,
        () -> !loop.kube.targetGroupBindings("default").isEmpty());
    String tgArn = loop.aws.elbv2().describeTargetGroups().targetGroups().get(0).targetGroupArn();
    loop.await("the old pods registered", WAIT, () -> targets(tgArn).equals(set(OLD_1, OLD_2)));
    String gate =
        "target-health.elbv2.k8s.aws/"
            + loop.kube
                .targetGroupBindings("default")
                .get(0)
                .path("metadata")
                .path("name")
                .asText();
    loop.await("the webhook's CA in caBundle", WAIT, this::caBundleWritten);
    loop.await("the webhook's caches", WAIT, () -> readyz() == 200);

    // the Deployment controller creates the new pod: the webhook gives it the gate
    JsonNode created = loop.kube.create("/api/v1/namespaces/default/pods", pod("default", NEW_POD));
    assertThat(gates(created)).containsExactly(gate);
    assertThat(gates(loop.kube.create("/api/v1/namespaces/plain/pods", pod("plain", "other-1"))))
        .as("a namespace without the label gets no gate")
        .isEmpty();

    // the kubelet: containers ready, the pod not Ready (its gate); the slice lists it unready
    kubelet(created, true, false);
    slice(
        endpoint(OLD_1, "857b6cfb88-p1", true, false),
        endpoint(OLD_2, "857b6cfb88-p2", true, false),
        endpoint(NEW, "6f7d9c8b44-n1", false, false));
    loop.await(
        "the new pod registered before it is Ready", WAIT, () -> targets(tgArn).contains(NEW));
    long healthy = System.nanoTime(); // the emulator reports a registered ip target healthy
    assertThat(gateStatus(gate)).as("not True before a health check saw it").isNotEqualTo("True");

    loop.await("the gate True", WAIT, () -> "True".equals(gateStatus(gate)));
    long gateTrue = System.nanoTime();
    assertThat(targets(tgArn))
        .as("the old pods still serve while the new one was not Ready")
        .isEqualTo(set(OLD_1, OLD_2, NEW));
    System.out.printf(
        "readiness gate: target healthy -> condition True in %d ms%n",
        (gateTrue - healthy) / 1_000_000);

    // Ready now: the Deployment controller stops an old pod, which then leaves the target group
    kubelet(loop.kube.get("/api/v1/namespaces/default/pods/" + NEW_POD).orElseThrow(), true, true);
    slice(
        endpoint(OLD_1, "857b6cfb88-p1", false, true),
        endpoint(OLD_2, "857b6cfb88-p2", true, false),
        endpoint(NEW, "6f7d9c8b44-n1", true, false));
    loop.await("the old pod deregistered", WAIT, () -> targets(tgArn).equals(set(OLD_2, NEW)));
    assertThat(gateStatus(gate)).isEqualTo("True");
  }

  private boolean caBundleWritten() {
    return loop.kube
        .get(
            "/apis/admissionregistration.k8s.io/v1/mutatingwebhookconfigurations/lbr-pod-readiness-gate")
        .map(
            c ->
                !c.path("webhooks")
                    .path(0)
                    .path("clientConfig")
                    .path("caBundle")
                    .asText()
                    .isEmpty())
        .orElse(false);
  }

  private int readyz() {
    try {
      return java.net.http.HttpClient.newHttpClient()
          .send(
              java.net.http.HttpRequest.newBuilder(
                      java.net.URI.create("http://127.0.0.1:" + loop.forwarderPort() + "/readyz"))
                  .build(),
              java.net.http.HttpResponse.BodyHandlers.ofString())
          .statusCode();
    } catch (Exception e) {
      return 0;
    }
  }

  private static List<ObjectNode> webhookConfiguration() throws Exception {
    return Manifests.parse(
            Files.readString(RepoPaths.root().resolve("forwarder/deploy/40-webhook.yaml")))
        .stream()
        .filter(o -> o.path("kind").asText().equals("MutatingWebhookConfiguration"))
        .toList();
  }

  private static ObjectNode pod(String namespace, String name) {
    return (ObjectNode)
        Json.read(
            """
            {"apiVersion": "v1", "kind": "Pod",
             "metadata": {"name": "%s", "namespace": "%s",
               "labels": {"app": "deploy-websrv", "pod-template-hash": "6f7d9c8b44"}},
             "spec": {"nodeName": "ip-192-168-2-10.ap-northeast-2.compute.internal",
               "containers": [{"name": "echo", "image": "nginx",
                 "ports": [{"containerPort": 8080}]}]}}
            """
                .formatted(name, namespace),
            JsonNode.class);
  }

  /** The kubelet's status: the pod's IP and its containers' and the pod's readiness. */
  private void kubelet(JsonNode live, boolean containersReady, boolean ready) {
    ObjectNode pod = live.deepCopy();
    ObjectNode status = pod.putObject("status");
    status.put("phase", "Running").put("podIP", NEW);
    var conditions = status.putArray("conditions");
    conditions.addObject().put("type", "ContainersReady").put("status", tf(containersReady));
    conditions
        .addObject()
        .put("type", "Ready")
        .put("status", tf(ready))
        .put("reason", ready ? "" : "ReadinessGatesNotReady");
    for (JsonNode c : live.path("status").path("conditions")) {
      if (c.path("type").asText().startsWith("target-health.")) {
        conditions.add(c); // the forwarder's condition stays
      }
    }
    pod.with("metadata").remove("resourceVersion");
    loop.api.apply(Manifests.resource(pod), pod);
  }

  private static String tf(boolean b) {
    return b ? "True" : "False";
  }

  private String gateStatus(String gate) {
    JsonNode pod = loop.kube.get("/api/v1/namespaces/default/pods/" + NEW_POD).orElseThrow();
    for (JsonNode c : pod.path("status").path("conditions")) {
      if (c.path("type").asText().equals(gate)) {
        return c.path("status").asText();
      }
    }
    return "";
  }

  private static List<String> gates(JsonNode pod) {
    List<String> out = new ArrayList<>();
    pod.path("spec").path("readinessGates").forEach(g -> out.add(g.path("conditionType").asText()));
    return out;
  }

  /** The EndpointSlice controller: the Service's one slice, as given. */
  private void slice(String... endpoints) {
    Manifests.apply(
        loop.api,
        loop.kube,
        Manifests.parse(
            """
            apiVersion: discovery.k8s.io/v1
            kind: EndpointSlice
            metadata:
              name: svc-nlb-ip-type-x7k2p
              namespace: default
              labels: {kubernetes.io/service-name: svc-nlb-ip-type}
            addressType: IPv4
            ports: [{name: "", port: 8080, protocol: TCP}]
            endpoints:
            %s"""
                .formatted(String.join("", endpoints))));
  }

  private static String endpoint(String ip, String pod, boolean ready, boolean terminating) {
    return """
          - addresses: ["%s"]
            conditions: {ready: %s, serving: %s, terminating: %s}
            zone: us-east-1a
            targetRef: {kind: Pod, namespace: default, name: deploy-echo-%s}
        """
        .formatted(ip, ready, ready || terminating, terminating, pod);
  }

  private Set<String> targets(String tgArn) {
    Set<String> ids = new TreeSet<>();
    loop.aws
        .elbv2()
        .describeTargetHealth(r -> r.targetGroupArn(tgArn))
        .targetHealthDescriptions()
        .forEach(d -> ids.add(d.target().id()));
    return ids;
  }

  private static Set<String> set(String... ids) {
    return new TreeSet<>(List.of(ids));
  }
}
