package dev.lbr.forwarder.status;

import static dev.lbr.forwarder.kube.FakeKubeApiServer.INGRESSES;
import static dev.lbr.forwarder.kube.FakeKubeApiServer.TARGET_GROUP_BINDINGS;
import static dev.lbr.forwarder.status.Fixtures.DNS;
import static dev.lbr.forwarder.status.Fixtures.TG;
import static dev.lbr.forwarder.status.Fixtures.binding;
import static dev.lbr.forwarder.status.Fixtures.events;
import static dev.lbr.forwarder.status.Fixtures.finalizers;
import static dev.lbr.forwarder.status.Fixtures.ingress;
import static dev.lbr.forwarder.status.Fixtures.member;
import static dev.lbr.forwarder.status.Fixtures.parse;
import static dev.lbr.forwarder.status.Fixtures.result;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lbr.event.StackResult.Outcome;
import dev.lbr.forwarder.ForwarderOptions.BindingsSetting;
import dev.lbr.forwarder.kube.FakeKubeApiServer;
import dev.lbr.testing.MutableClock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * IngressGroup results: every member gets the address and the group finalizer; leavers released.
 */
class IngressWriteBackTest {
  static final String GROUP = "group.ingress.k8s.aws/team";
  static final JsonNode ADDRESS =
      parse(
          "{'ingress': [{'hostname': '%s', 'ports': [{'port': 80}, {'port': 443}]}]}"
              .formatted(DNS));

  FakeKubeApiServer api;
  StatusWriter writer;

  @BeforeEach
  void twoMembersInTwoNamespaces() throws Exception {
    api = new FakeKubeApiServer();
    api.apply(INGRESSES, ingress("shop", "front", "team"));
    api.apply(INGRESSES, ingress("blog", "front", "team"));
    writer = Fixtures.writer(api, BindingsSetting.ON, MutableClock.start());
  }

  @AfterEach
  void stop() {
    api.close();
  }

  JsonNode get(String ns, String name) {
    return api.get(INGRESSES, ns, name).orElseThrow();
  }

  @Test
  void bothMembersOfAGroupGetTheAddressTheGroupFinalizerAndAnEvent() {
    writer.apply(
        result(
            "ingress/team",
            1,
            Outcome.RECONCILED,
            List.of(
                member(api, INGRESSES, "shop", "front"), member(api, INGRESSES, "blog", "front")),
            List.of(binding("shop", "web"))));

    for (String ns : List.of("shop", "blog")) {
      JsonNode ing = get(ns, "front");
      assertThat(ing.path("status").path("loadBalancer")).as(ns).isEqualTo(ADDRESS);
      assertThat(ing.path("status").has("conditions")).isFalse();
      assertThat(finalizers(ing)).as(ns).containsExactly(GROUP);
      assertThat(events(api, ns, "front"))
          .containsExactly("Normal SuccessfullyReconciled Successfully reconciled x1");
    }
    assertThat(
            api.get(TARGET_GROUP_BINDINGS, "shop", TG)
                .orElseThrow()
                .path("metadata")
                .path("labels"))
        .isEqualTo(
            parse("{'ingress.k8s.aws/stack': 'team', 'app.kubernetes.io/managed-by': 'lbr'}"));
  }

  @Test
  void anIngressThatLeftTheGroupIsReleasedAndOthersFinalizersStay() {
    ObjectNode other = ingress("blog", "other", "elsewhere");
    other.with("metadata").putArray("finalizers").add("group.ingress.k8s.aws/elsewhere");
    api.apply(INGRESSES, other);
    writer.apply(
        result(
            "ingress/team",
            1,
            Outcome.RECONCILED,
            List.of(
                member(api, INGRESSES, "shop", "front"), member(api, INGRESSES, "blog", "front")),
            null));
    ObjectNode leaving = get("blog", "front").deepCopy();
    leaving.with("metadata").withArray("finalizers").insert(0, "example.com/keep");
    api.apply(INGRESSES, leaving);

    writer.apply(
        result(
            "ingress/team",
            2,
            Outcome.RECONCILED,
            List.of(member(api, INGRESSES, "shop", "front")),
            null));

    assertThat(finalizers(get("blog", "front"))).containsExactly("example.com/keep");
    assertThat(get("blog", "front").path("status").path("loadBalancer")).isEqualTo(parse("{}"));
    assertThat(finalizers(get("shop", "front"))).containsExactly(GROUP);
    assertThat(get("shop", "front").path("status").path("loadBalancer")).isEqualTo(ADDRESS);
    assertThat(finalizers(get("blog", "other"))).containsExactly("group.ingress.k8s.aws/elsewhere");
  }

  @Test
  void anImplicitGroupUsesLbcsResourcesFinalizerAndStackLabels() {
    writer.apply(
        result(
            "ingress/shop/front",
            1,
            Outcome.FAILED,
            List.of(member(api, INGRESSES, "shop", "front")),
            List.of(binding("shop", "web"))));

    assertThat(finalizers(get("shop", "front"))).containsExactly("ingress.k8s.aws/resources");
    assertThat(get("shop", "front").path("status").path("loadBalancer").has("ingress")).isFalse();
    assertThat(events(api, "shop", "front"))
        .containsExactly("Warning FailedDeployModel Failed deploy model due to AccessDenied x1");
    assertThat(
            api.get(TARGET_GROUP_BINDINGS, "shop", TG)
                .orElseThrow()
                .path("metadata")
                .path("labels"))
        .isEqualTo(
            parse(
                """
                {'ingress.k8s.aws/stack-namespace': 'shop', 'ingress.k8s.aws/stack-name': 'front',
                 'app.kubernetes.io/managed-by': 'lbr'}
                """));

    writer.apply(result("ingress/shop/front", 2, Outcome.DELETED, List.of(), List.of()));
    assertThat(finalizers(get("shop", "front"))).isEmpty();
    assertThat(api.objects(TARGET_GROUP_BINDINGS)).isEmpty();
  }
}
