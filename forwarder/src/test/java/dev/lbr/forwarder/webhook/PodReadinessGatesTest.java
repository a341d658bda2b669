package dev.lbr.forwarder.webhook;

import static dev.lbr.forwarder.webhook.Fixtures.binding;
import static dev.lbr.forwarder.webhook.Fixtures.pod;
import static dev.lbr.forwarder.webhook.Fixtures.service;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lbr.k8s.Json;
import dev.lbr.k8s.K8sService;
import dev.lbr.k8s.K8sTargetGroupBinding;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PodReadinessGatesTest {
  static final Map<String, String> WEB = Map.of("app", "web", "tier", "front");
  static final List<K8sService> SERVICES =
      List.of(
          service("web", Map.of("app", "web")),
          service("api", Map.of("app", "api")),
          service("headless", Map.of()));

  static List<String> wanted(Map<String, String> labels, K8sTargetGroupBinding... bindings) {
    return PodReadinessGates.wanted(
        labels,
        List.of(bindings),
        name -> SERVICES.stream().filter(s -> s.metadata().name().equals(name)).findFirst());
  }

  @Test
  void anIpBindingWhoseServiceSelectsThePodGivesItsGate() {
    assertThat(wanted(WEB, binding("k8s-shop-web-1a2b", "ip", "web")))
        .containsExactly("target-health.elbv2.k8s.aws/k8s-shop-web-1a2b");
  }

  @Test
  void lbrsOwnBindingsCountAsTheUsersDo() {
    var lbr =
        binding("k8s-shop-web-lbr", "ip", "web", Map.of("app.kubernetes.io/managed-by", "lbr"));
    assertThat(wanted(WEB, lbr, binding("users", "ip", "web")))
        .containsExactly(
            "target-health.elbv2.k8s.aws/k8s-shop-web-lbr", "target-health.elbv2.k8s.aws/users");
  }

  @Test
  void aServiceSelectingOtherLabelsGivesNoGate() {
    assertThat(wanted(WEB, binding("api", "ip", "api"))).isEmpty();
    assertThat(wanted(Map.of(), binding("web", "ip", "web"))).isEmpty();
  }

  @Test
  void aServiceWithoutSelectorSelectsNothing() {
    assertThat(wanted(WEB, binding("headless", "ip", "headless"))).isEmpty();
  }

  @Test
  void instanceAndUnsetTargetTypesGiveNoGate() {
    assertThat(wanted(WEB, binding("inst", "instance", "web"), binding("unset", null, "web")))
        .isEmpty();
  }

  @Test
  void aMissingServiceGivesNoGate() {
    assertThat(wanted(WEB, binding("gone", "ip", "gone"))).isEmpty();
  }

  @Test
  void aPodWithoutGatesGetsTheWholeList() {
    Optional<com.fasterxml.jackson.databind.node.ArrayNode> patch =
        PodReadinessGates.patch(pod(WEB), List.of("target-health.elbv2.k8s.aws/a"));
    assertThat(patch.orElseThrow())
        .isEqualTo(
            json(
                "[{\"op\":\"add\",\"path\":\"/spec/readinessGates\","
                    + "\"value\":[{\"conditionType\":\"target-health.elbv2.k8s.aws/a\"}]}]"));
  }

  @Test
  void aPodWithOtherGatesGetsOnlyTheMissingOnesAppended() {
    var pod = pod(WEB, "example.com/feature", "target-health.elbv2.k8s.aws/a");
    var patch =
        PodReadinessGates.patch(
            pod, List.of("target-health.elbv2.k8s.aws/a", "target-health.elbv2.k8s.aws/b"));
    assertThat(patch.orElseThrow())
        .isEqualTo(
            json(
                "[{\"op\":\"add\",\"path\":\"/spec/readinessGates/-\","
                    + "\"value\":{\"conditionType\":\"target-health.elbv2.k8s.aws/b\"}}]"));
  }

  @Test
  void gatesAlreadyPresentNeedNoPatch() {
    var pod = pod(WEB, "target-health.elbv2.k8s.aws/a");
    assertThat(PodReadinessGates.patch(pod, List.of("target-health.elbv2.k8s.aws/a"))).isEmpty();
    assertThat(PodReadinessGates.patch(pod(WEB), List.of())).isEmpty();
  }

  @Test
  void legacyGatesGoWhenAnyGateIsWanted() {
    var pod = pod(WEB, "target-health.alb.ingress.k8s.aws/web_80", "example.com/feature");
    var patch = PodReadinessGates.patch(pod, List.of("target-health.elbv2.k8s.aws/a"));
    assertThat(patch.orElseThrow())
        .isEqualTo(
            json(
                "[{\"op\":\"replace\",\"path\":\"/spec/readinessGates\",\"value\":["
                    + "{\"conditionType\":\"example.com/feature\"},"
                    + "{\"conditionType\":\"target-health.elbv2.k8s.aws/a\"}]}]"));
  }

  @Test
  void legacyGatesStayWhenNoGateIsWanted() {
    var pod = pod(WEB, "target-health.alb.ingress.k8s.aws/web_80");
    assertThat(PodReadinessGates.patch(pod, List.of())).isEmpty();
  }

  static JsonNode json(String text) {
    try {
      return Json.mapper().readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }
}
