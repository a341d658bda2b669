package dev.lbr.forwarder.status;

import static dev.lbr.forwarder.kube.FakeKubeApiServer.SERVICES;
import static dev.lbr.forwarder.kube.FakeKubeApiServer.TARGET_GROUP_BINDINGS;
import static dev.lbr.forwarder.status.Fixtures.DNS;
import static dev.lbr.forwarder.status.Fixtures.TG;
import static dev.lbr.forwarder.status.Fixtures.binding;
import static dev.lbr.forwarder.status.Fixtures.count;
import static dev.lbr.forwarder.status.Fixtures.events;
import static dev.lbr.forwarder.status.Fixtures.finalizers;
import static dev.lbr.forwarder.status.Fixtures.member;
import static dev.lbr.forwarder.status.Fixtures.parse;
import static dev.lbr.forwarder.status.Fixtures.result;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lbr.event.StackResult;
import dev.lbr.event.StackResult.Outcome;
import dev.lbr.forwarder.ForwarderOptions.BindingsSetting;
import dev.lbr.forwarder.kube.FakeKubeApiServer;
import dev.lbr.forwarder.status.StatusWriter.Applied;
import dev.lbr.testing.MutableClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A Service stack's results written back: status, condition, events, finalizer, binding. */
class ServiceWriteBackTest {
  static final String STACK = "service/shop/web";
  static final String STATUS_PATCH = "PATCH /api/v1/namespaces/shop/services/web/status";

  FakeKubeApiServer api;
  MutableClock clock = MutableClock.start();
  StatusWriter writer;

  @BeforeEach
  void serviceOnTheApiServer() throws Exception {
    api = new FakeKubeApiServer();
    api.apply(SERVICES, Fixtures.service("shop", "web"));
    writer = Fixtures.writer(api, BindingsSetting.ON, clock);
  }

  @AfterEach
  void stop() {
    api.close();
  }

  StackResult reconciled(long sequence) {
    return result(
        STACK,
        sequence,
        Outcome.RECONCILED,
        List.of(member(api, SERVICES, "shop", "web")),
        List.of(binding("shop", "web")));
  }

  StackResult invalid(long sequence) {
    return result(
        STACK, sequence, Outcome.INVALID, List.of(member(api, SERVICES, "shop", "web")), null);
  }

  JsonNode web() {
    return api.get(SERVICES, "shop", "web").orElseThrow();
  }

  JsonNode condition() {
    for (JsonNode c : web().path("status").path("conditions")) {
      if (c.path("type").asText().equals("LoadBalancerReconciled")) {
        return c;
      }
    }
    return null;
  }

  @Test
  void eachWarningOfAResultBecomesAWarningEventBesideTheNormalOne() {
    StackResult r =
        StackResult.fromJson(
            reconciled(1)
                .withWarnings(
                    List.of(
                        new StackResult.Warning(
                            StackResult.REASON_TARGETS_REFUSED,
                            "refused 1 target not of cluster demo: 10.9.0.5 (database)")))
                .toJson());

    assertThat(writer.apply(r)).isEqualTo(Applied.APPLIED);

    assertThat(events(api, "shop", "web"))
        .containsExactlyInAnyOrder(
            "Normal SuccessfullyReconciled Successfully reconciled x1",
            "Warning RefusedTargets refused 1 target not of cluster demo: 10.9.0.5 (database) x1");
  }

  @Test
  void aResultWithoutWarningsCarriesNoWarningsField() {
    assertThat(reconciled(1).toJson()).doesNotContain("warnings");
    assertThat(StackResult.fromJson(reconciled(1).toJson()).warnings()).isEmpty();
  }

  @Test
  void aReconciledResultWritesAddressConditionEventFinalizerAndBinding() {
    assertThat(writer.apply(reconciled(1))).isEqualTo(Applied.APPLIED);

    assertThat(web().path("status").path("loadBalancer"))
        .isEqualTo(
            parse(
                """
                {'ingress': [{'hostname': '%s', 'ports': [
                  {'port': 80, 'protocol': 'TCP'}, {'port': 53, 'protocol': 'UDP'}]}]}
                """
                    .formatted(DNS)));
    JsonNode c = condition();
    assertThat(c.path("status").asText()).isEqualTo("True");
    assertThat(c.path("reason").asText()).isEqualTo("SuccessfullyReconciled");
    assertThat(c.path("observedGeneration").asLong()).isEqualTo(3);
    assertThat(c.path("lastTransitionTime").asText()).isNotBlank();
    assertThat(finalizers(web())).containsExactly("service.k8s.aws/resources");
    assertThat(events(api, "shop", "web"))
        .containsExactly("Normal SuccessfullyReconciled Successfully reconciled x1");
    ObjectNode event = api.objects(FakeKubeApiServer.EVENTS).get(0);
    assertThat(event.path("source").path("component").asText()).isEqualTo("lbr");
    assertThat(event.path("involvedObject").path("uid").asText())
        .isEqualTo(web().path("metadata").path("uid").asText());
    assertThat(event.path("involvedObject").path("apiVersion").asText()).isEqualTo("v1");

    JsonNode tgb = api.get(TARGET_GROUP_BINDINGS, "shop", TG).orElseThrow();
    assertThat(tgb.path("metadata").path("labels"))
        .isEqualTo(
            parse(
                """
                {'service.k8s.aws/stack-namespace': 'shop', 'service.k8s.aws/stack-name': 'web',
                 'app.kubernetes.io/managed-by': 'lbr'}
                """));
    JsonNode spec = tgb.path("spec");
    assertThat(spec.path("targetGroupARN").asText())
        .endsWith("targetgroup/" + TG + "/0123456789abcdef");
    assertThat(spec.path("serviceRef")).isEqualTo(parse("{'name': 'web', 'port': 80}"));
    assertThat(spec.path("targetType").asText()).isEqualTo("ip");
    assertThat(spec.path("vpcID").asText()).isEqualTo("vpc-0123");
    assertThat(spec.path("targetGroupProtocol").asText()).isEqualTo("TCP");
    assertThat(spec.path("ipAddressType").asText()).isEqualTo("ipv4");
    assertThat(tgb.path("status").path("observedGeneration").asLong()).isEqualTo(1);
  }

  @Test
  void aResultThatChangesNothingPatchesNoStatus() {
    writer.apply(reconciled(1));
    long before = api.writeRequests().size();
    writer.apply(reconciled(2));

    List<String> after = api.writeRequests().subList((int) before, api.writeRequests().size());
    assertThat(count(api.writeRequests(), STATUS_PATCH)).isEqualTo(1);
    assertThat(after).noneMatch(r -> r.startsWith("PATCH /api/v1/namespaces/shop/services/web"));
    assertThat(after).noneMatch(r -> r.startsWith("PUT") || r.startsWith("POST"));
  }

  @Test
  void anInvalidResultWarnsWithTheMessageAndKeepsTheAddress() {
    writer.apply(reconciled(1));
    String transition = condition().path("lastTransitionTime").asText();
    clock.advance(Duration.ofMinutes(3));
    writer.apply(invalid(2));

    assertThat(events(api, "shop", "web"))
        .contains(
            "Warning FailedBuildModel Failed build model due to unknown scheme"
                + " \"internal-facing\" x1");
    assertThat(
            web()
                .path("status")
                .path("loadBalancer")
                .path("ingress")
                .get(0)
                .path("hostname")
                .asText())
        .isEqualTo(DNS);
    JsonNode c = condition();
    assertThat(c.path("status").asText()).isEqualTo("False");
    assertThat(c.path("reason").asText()).isEqualTo("FailedBuildModel");
    assertThat(c.path("message").asText()).contains("internal-facing");
    assertThat(c.path("lastTransitionTime").asText()).isNotEqualTo(transition);
    assertThat(api.get(TARGET_GROUP_BINDINGS, "shop", TG)).isPresent();
  }

  @Test
  void aRepeatedIdenticalResultAggregatesIntoOneEventWithCountTwo() {
    writer.apply(invalid(1));
    clock.advance(Duration.ofMinutes(1));
    writer.apply(invalid(2));

    assertThat(events(api, "shop", "web"))
        .containsExactly(
            "Warning FailedBuildModel Failed build model due to unknown scheme"
                + " \"internal-facing\" x2");
    ObjectNode event = api.objects(FakeKubeApiServer.EVENTS).get(0);
    assertThat(event.path("lastTimestamp").asText())
        .isNotEqualTo(event.path("firstTimestamp").asText());
  }

  @Test
  void aResultWithAStaleSequenceIsDropped() {
    writer.apply(reconciled(5));
    assertThat(writer.apply(invalid(4))).isEqualTo(Applied.STALE);
    assertThat(writer.apply(invalid(5))).isEqualTo(Applied.STALE);

    assertThat(condition().path("status").asText()).isEqualTo("True");
    assertThat(events(api, "shop", "web")).noneMatch(e -> e.startsWith("Warning"));
  }

  @Test
  void aResultOfAnotherClusterIsIgnored() {
    StackResult r = reconciled(1);
    StackResult other =
        new StackResult(
            1,
            "other",
            r.stack(),
            1,
            r.outcome(),
            r.reason(),
            r.message(),
            r.objects(),
            r.loadBalancer(),
            r.targetGroups(),
            List.of());
    assertThat(writer.apply(other)).isEqualTo(Applied.OTHER_CLUSTER);
    assertThat(api.writeRequests()).isEmpty();
  }

  @Test
  void aDeletedStackClearsStatusAndFinalizerAndDeletesOnlyLbrsBindings() {
    writer.apply(reconciled(1));
    api.apply(TARGET_GROUP_BINDINGS, usersBinding());
    writer.apply(result(STACK, 2, Outcome.DELETED, List.of(), List.of()));

    assertThat(web().path("status").path("loadBalancer")).isEqualTo(parse("{}"));
    assertThat(condition()).isNull();
    assertThat(finalizers(web())).isEmpty();
    assertThat(api.get(TARGET_GROUP_BINDINGS, "shop", TG)).isEmpty();
    assertThat(api.get(TARGET_GROUP_BINDINGS, "shop", "users-own")).isPresent();
  }

  @Test
  void aDeletingServiceDisappearsOnceItsStackIsDeleted() {
    writer.apply(reconciled(1));
    api.deleteGracefully(SERVICES, "shop", "web");
    assertThat(web().path("metadata").has("deletionTimestamp")).isTrue();

    writer.apply(result(STACK, 2, Outcome.DELETED, List.of(), List.of()));

    assertThat(api.get(SERVICES, "shop", "web")).isEmpty();
    assertThat(api.get(TARGET_GROUP_BINDINGS, "shop", TG)).isEmpty();
  }

  @Test
  void noBindingIsWrittenWhileLbcsWebhookExists() {
    api.apply(
        FakeKubeApiServer.MUTATING_WEBHOOKS,
        parse("{'metadata': {'name': 'aws-load-balancer-webhook'}, 'webhooks': []}"));
    StatusWriter auto = Fixtures.writer(api, BindingsSetting.AUTO, clock);
    auto.apply(reconciled(1));

    assertThat(api.objects(TARGET_GROUP_BINDINGS)).isEmpty();
    assertThat(finalizers(web())).containsExactly("service.k8s.aws/resources");
  }

  /** Carries the stack's labels, not lbr's: someone else's. */
  static ObjectNode usersBinding() {
    return parse(
        """
        {'metadata': {'namespace': 'shop', 'name': 'users-own', 'labels': {
           'service.k8s.aws/stack-namespace': 'shop', 'service.k8s.aws/stack-name': 'web'}},
         'spec': {'targetGroupARN': 'arn:aws:elasticloadbalancing:eu-west-1:1:targetgroup/x/1',
           'serviceRef': {'name': 'web', 'port': 80}}}
        """);
  }
}
