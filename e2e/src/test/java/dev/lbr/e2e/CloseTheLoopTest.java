package dev.lbr.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lbr.k8s.Json;
import dev.lbr.testing.RepoFixtures;
import dev.lbr.testing.RepoPaths;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;

/**
 * The must-show of "close the loop": through the real forwarder jar, {@code lbr serve} and the
 * emulator, the cluster sees what lbr did. Scenario 01: the Service gets the NLB's hostname, a
 * {@code SuccessfullyReconciled} event, a TargetGroupBinding and the finalizer; scaling reaches the
 * target group; an invalid annotation is a Warning naming it and changes nothing; deleting the
 * Service removes the NLB, then the finalizer, then the object. An IngressGroup of two: both
 * members get the address.
 */
class CloseTheLoopTest {
  private static final Path SCENARIO = RepoPaths.scenarios().resolve("01-echo-nlb");
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String SVC = "svc-nlb-ip-type";

  private Loop loop;

  @AfterEach
  void stop() throws Exception {
    if (loop != null) {
      loop.close();
    }
  }

  @Test
  void scenario01ShowsTheNlbInTheClusterAndDeletionWaitsForIt() throws Exception {
    loop = Loop.prepare(SCENARIO);
    List<ObjectNode> step1 = withUnknownFields(Manifests.parse(loop.scenario.step(1)));
    Manifests.apply(loop.api, loop.kube, step1);
    loop.startServe(Duration.ZERO).startForwarder();

    loop.await("the Service's hostname", WAIT, () -> hostname().isPresent());
    LoadBalancer nlb = onlyLoadBalancer();
    JsonNode svc = loop.kube.service("default", SVC).orElseThrow();
    assertThat(Kubectl.hostname(svc)).contains(nlb.dnsName().toLowerCase());
    assertThat(svc.path("status").path("loadBalancer").path("ingress").path(0).path("ports"))
        .extracting(JsonNode::toString)
        .asString()
        .contains("80")
        .contains("TCP");
    assertThat(Kubectl.finalizers(svc)).contains("service.k8s.aws/resources");
    assertThat(condition(svc, "LoadBalancerReconciled")).contains("True");
    loop.await(
        "a SuccessfullyReconciled event", WAIT, () -> event("SuccessfullyReconciled") != null);
    assertThat(event("SuccessfullyReconciled").path("type").asText()).isEqualTo("Normal");
    String tgArn = loop.aws.elbv2().describeTargetGroups().targetGroups().get(0).targetGroupArn();
    loop.await(
        "a TargetGroupBinding naming the target group",
        WAIT,
        () ->
            loop.kube.targetGroupBindings("default").stream()
                .anyMatch(b -> b.path("spec").path("targetGroupARN").asText().equals(tgArn)));
    assertThat(readyz()).isEqualTo(200);

    // step 2: scaled to one pod, through the watch
    Manifests.apply(loop.api, loop.kube, Manifests.parse(loop.scenario.step(2)));
    loop.await("one registered target", WAIT, () -> targets(tgArn) == 1);

    // an invalid annotation: a Warning naming it, and the NLB as it was
    ObjectNode invalid = service(Manifests.parse(loop.scenario.step(2)));
    invalid
        .with("metadata")
        .with("annotations")
        .put("service.beta.kubernetes.io/aws-load-balancer-scheme", "sideways");
    Manifests.apply(loop.api, loop.kube, List.of(invalid));
    loop.await("a FailedBuildModel warning", WAIT, () -> event("FailedBuildModel") != null);
    JsonNode warning = event("FailedBuildModel");
    assertThat(warning.path("type").asText()).isEqualTo("Warning");
    assertThat(warning.path("message").asText())
        .startsWith("Failed build model due to")
        .contains("aws-load-balancer-scheme");
    assertThat(onlyLoadBalancer().loadBalancerArn()).isEqualTo(nlb.loadBalancerArn());
    assertThat(onlyLoadBalancer().schemeAsString()).isEqualTo("internet-facing");
    assertThat(hostname()).contains(nlb.dnsName().toLowerCase());

    // deletion: the object waits (finalizer) until the NLB is gone
    loop.kube.delete("/api/v1/namespaces/default/services/" + SVC);
    assertThat(loop.kube.service("default", SVC))
        .as("kept by the finalizer while the NLB exists")
        .hasValueSatisfying(s -> assertThat(s.path("metadata").has("deletionTimestamp")).isTrue());
    loop.await("the Service gone", WAIT, () -> loop.kube.service("default", SVC).isEmpty());
    assertThat(loop.aws.elbv2().describeLoadBalancers().loadBalancers())
        .as("the NLB was deleted before the finalizer was removed")
        .isEmpty();
  }

  @Test
  void everyMemberOfAnIngressGroupGetsTheAlbsAddressAndTheGroupFinalizer() throws Exception {
    loop = Loop.prepare(null);
    Manifests.apply(loop.api, loop.kube, Manifests.parse(RepoFixtures.ingressGroupOfTwo()));
    loop.startServe(Duration.ZERO).startForwarder();

    loop.await(
        "both Ingresses' hostnames",
        WAIT,
        () ->
            loop.kube.ingress("default", "cart").flatMap(Kubectl::hostname).isPresent()
                && loop.kube.ingress("web", "front").flatMap(Kubectl::hostname).isPresent());
    String dns = onlyLoadBalancer().dnsName().toLowerCase();
    for (JsonNode ing :
        List.of(
            loop.kube.ingress("default", "cart").orElseThrow(),
            loop.kube.ingress("web", "front").orElseThrow())) {
      assertThat(Kubectl.hostname(ing)).contains(dns);
      assertThat(Kubectl.finalizers(ing)).contains("group.ingress.k8s.aws/shop");
    }
  }

  @Test
  void aSigtermStopsTheForwarderWithOnlyJsonLinesAndNoErrors() throws Exception {
    loop = Loop.prepare(SCENARIO);
    Manifests.apply(loop.api, loop.kube, Manifests.parse(loop.scenario.step(1)));
    loop.startServe(Duration.ZERO).startForwarder();
    loop.await("the Service's hostname", WAIT, () -> hostname().isPresent());

    loop.stopForwarder();

    List<String> lines = loop.forwarderLog();
    assertThat(lines).isNotEmpty();
    for (String line : lines) {
      JsonNode json = Json.mapper().readTree(line);
      assertThat(json.isObject()).as("a JSON object: %s", line).isTrue();
      assertThat(json.path("level").asText()).as(line).isNotIn("error", "ERROR");
    }
  }

  private Optional<String> hostname() {
    return loop.kube.service("default", SVC).flatMap(Kubectl::hostname);
  }

  private JsonNode event(String reason) {
    return loop.kube.events("default").stream()
        .filter(e -> e.path("reason").asText().equals(reason))
        .filter(e -> e.path("involvedObject").path("name").asText().equals(SVC))
        .findFirst()
        .orElse(null);
  }

  private static Optional<String> condition(JsonNode object, String type) {
    for (JsonNode c : object.path("status").path("conditions")) {
      if (c.path("type").asText().equals(type)) {
        return Optional.of(c.path("status").asText());
      }
    }
    return Optional.empty();
  }

  private LoadBalancer onlyLoadBalancer() {
    List<LoadBalancer> lbs = loop.aws.elbv2().describeLoadBalancers().loadBalancers();
    assertThat(lbs).hasSize(1);
    return lbs.get(0);
  }

  private int targets(String tgArn) {
    return loop.aws
        .elbv2()
        .describeTargetHealth(r -> r.targetGroupArn(tgArn))
        .targetHealthDescriptions()
        .size();
  }

  private int readyz() throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + loop.forwarderPort() + "/readyz"))
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .statusCode();
  }

  private static ObjectNode service(List<ObjectNode> objects) {
    return objects.stream()
        .filter(o -> o.path("kind").asText().equals("Service"))
        .findFirst()
        .orElseThrow();
  }

  /** Fields client-java 27 does not know, as a newer cluster sends them. */
  private static List<ObjectNode> withUnknownFields(List<ObjectNode> objects) {
    for (ObjectNode o : objects) {
      o.put("futureTopLevel", "x");
      o.with("metadata").put("futureMeta", 1);
      if (o.has("spec")) {
        o.with("spec").with("futureSpec").put("enabled", true);
      }
      o.path("endpoints").forEach(e -> ((ObjectNode) e).put("futureEndpointField", "y"));
    }
    return objects;
  }
}
