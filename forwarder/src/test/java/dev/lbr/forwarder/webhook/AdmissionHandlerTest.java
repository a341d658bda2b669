package dev.lbr.forwarder.webhook;

import static dev.lbr.forwarder.webhook.Fixtures.binding;
import static dev.lbr.forwarder.webhook.Fixtures.patchOf;
import static dev.lbr.forwarder.webhook.Fixtures.pod;
import static dev.lbr.forwarder.webhook.Fixtures.review;
import static dev.lbr.forwarder.webhook.Fixtures.service;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lbr.k8s.K8sService;
import dev.lbr.k8s.K8sTargetGroupBinding;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AdmissionHandlerTest {
  final AdmissionHandler handler =
      new AdmissionHandler(
          Fixtures.lookup(
              List.of(binding("web-tg", "ip", "web")),
              List.of(service("web", Map.of("app", "web")))));

  @Test
  void aSelectedPodIsAllowedWithAJsonPatchAddingItsGate() throws Exception {
    ObjectNode answer = handler.review(bytes(review("u-1", "shop", pod(Map.of("app", "web")))));
    assertThat(answer.path("apiVersion").asText()).isEqualTo("admission.k8s.io/v1");
    assertThat(answer.path("kind").asText()).isEqualTo("AdmissionReview");
    assertThat(answer.path("response").path("uid").asText()).isEqualTo("u-1");
    assertThat(answer.path("response").path("allowed").asBoolean()).isTrue();
    assertThat(answer.path("response").path("patchType").asText()).isEqualTo("JSONPatch");
    assertThat(patchOf(answer).get(0).path("value").get(0).path("conditionType").asText())
        .isEqualTo("target-health.elbv2.k8s.aws/web-tg");
  }

  @Test
  void aPodNobodySelectsIsAllowedWithoutPatch() throws Exception {
    ObjectNode answer = handler.review(bytes(review("u-2", "shop", pod(Map.of("app", "x")))));
    assertThat(answer.path("response").path("allowed").asBoolean()).isTrue();
    assertThat(answer.path("response").has("patch")).isFalse();
    assertThat(answer.path("response").has("patchType")).isFalse();
  }

  @Test
  void theNamespaceComesFromTheRequest() throws Exception {
    ObjectNode answer = handler.review(bytes(review("u-3", "other", pod(Map.of("app", "web")))));
    assertThat(patchOf(answer)).isNull();
  }

  @Test
  void anInternalFailureAdmitsThePodUnchanged() throws Exception {
    BindingLookup broken =
        new BindingLookup() {
          @Override
          public boolean synced() {
            return true;
          }

          @Override
          public List<K8sTargetGroupBinding> bindings(String namespace) {
            throw new IllegalStateException("boom");
          }

          @Override
          public Optional<K8sService> service(String namespace, String name) {
            return Optional.empty();
          }
        };
    ObjectNode answer =
        new AdmissionHandler(broken)
            .review(bytes(review("u-4", "shop", pod(Map.of("app", "web")))));
    assertThat(answer.path("response").path("uid").asText()).isEqualTo("u-4");
    assertThat(answer.path("response").path("allowed").asBoolean()).isTrue();
    assertThat(answer.path("response").has("patch")).isFalse();
  }

  @Test
  void beforeTheCachesSyncPodsAreAdmittedUnchanged() throws Exception {
    BindingLookup unsynced =
        new BindingLookup() {
          @Override
          public boolean synced() {
            return false;
          }

          @Override
          public List<K8sTargetGroupBinding> bindings(String namespace) {
            return List.of(binding("web-tg", "ip", "web"));
          }

          @Override
          public Optional<K8sService> service(String namespace, String name) {
            return Optional.of(Fixtures.service("web", Map.of("app", "web")));
          }
        };
    ObjectNode answer =
        new AdmissionHandler(unsynced)
            .review(bytes(review("u-5", "shop", pod(Map.of("app", "web")))));
    assertThat(answer.path("response").path("allowed").asBoolean()).isTrue();
    assertThat(answer.path("response").has("patch")).isFalse();
  }

  @Test
  void updatesAndOtherKindsAreAdmittedUnchanged() throws Exception {
    ObjectNode update = review("u-6", "shop", pod(Map.of("app", "web")));
    ((ObjectNode) update.get("request")).put("operation", "UPDATE");
    assertThat(handler.review(bytes(update)).path("response").has("patch")).isFalse();
  }

  @Test
  void aBodyThatIsNoReviewIsRefused() {
    assertThatThrownBy(() -> handler.review("nope".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(AdmissionHandler.NotAReview.class);
    assertThatThrownBy(() -> handler.review("{\"request\":{}}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(AdmissionHandler.NotAReview.class);
  }

  static byte[] bytes(ObjectNode node) {
    return node.toString().getBytes(StandardCharsets.UTF_8);
  }
}
