package dev.lbr.forwarder.status;

import static dev.lbr.forwarder.kube.FakeKubeApiServer.TARGET_GROUP_BINDINGS;
import static dev.lbr.forwarder.status.Fixtures.CLUSTER;
import static dev.lbr.forwarder.status.Fixtures.TG;
import static dev.lbr.forwarder.status.Fixtures.binding;
import static dev.lbr.forwarder.status.Fixtures.count;
import static dev.lbr.forwarder.status.Fixtures.events;
import static dev.lbr.forwarder.status.Fixtures.finalizers;
import static dev.lbr.forwarder.status.Fixtures.member;
import static dev.lbr.forwarder.status.Fixtures.parse;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lbr.event.StackResult;
import dev.lbr.event.StackResult.Binding;
import dev.lbr.event.StackResult.Member;
import dev.lbr.event.StackResult.Outcome;
import dev.lbr.forwarder.ForwarderOptions.BindingsSetting;
import dev.lbr.forwarder.kube.FakeKubeApiServer;
import dev.lbr.forwarder.status.StatusWriter.Applied;
import dev.lbr.testing.MutableClock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A user's TargetGroupBinding's results ({@code binding/ns/name}) written back as LBC's binding
 * controller does: its finalizer, {@code status.observedGeneration}, events; lbr's own bindings are
 * never touched by them.
 */
class BindingWriteBackTest {
  static final String STACK = "binding/shop/web";
  static final String FINALIZER = "elbv2.k8s.aws/resources";
  static final String STATUS_PATCH =
      "PATCH /apis/elbv2.k8s.aws/v1beta1/namespaces/shop/targetgroupbindings/web/status";
  static final String FAILURE =
      "Failed reconcile due to TargetGroupBinding shop/web: spec.targetGroupName: target group web"
          + " not found";

  FakeKubeApiServer api;
  MutableClock clock = MutableClock.start();
  StatusWriter writer;

  @BeforeEach
  void usersBindingOnTheApiServer() throws Exception {
    api = new FakeKubeApiServer();
    api.apply(TARGET_GROUP_BINDINGS, usersBinding("web"));
    writer = Fixtures.writer(api, BindingsSetting.ON, clock);
  }

  @AfterEach
  void stop() {
    api.close();
  }

  static ObjectNode usersBinding(String name) {
    return parse(
        """
        {'metadata': {'namespace': 'shop', 'name': '%s', 'generation': 2},
         'spec': {'targetGroupARN': 'arn:aws:elasticloadbalancing:eu-west-1:1:targetgroup/web/1',
           'serviceRef': {'name': 'web', 'port': 80}}}
        """
            .formatted(name));
  }

  /** One of lbr's own bindings, for the Service stack shop/web. */
  static ObjectNode lbrsBinding() {
    return parse(
        """
        {'metadata': {'namespace': 'shop', 'name': '%s', 'generation': 1, 'labels': {
           'service.k8s.aws/stack-namespace': 'shop', 'service.k8s.aws/stack-name': 'web',
           'app.kubernetes.io/managed-by': 'lbr'}},
         'spec': {'targetGroupARN': 'arn:aws:elasticloadbalancing:eu-west-1:1:targetgroup/x/1',
           'serviceRef': {'name': 'web', 'port': 80}}}
        """
            .formatted(TG));
  }

  static StackResult result(
      String stack, long sequence, Outcome outcome, List<Member> objects, List<Binding> tgs) {
    String reason =
        switch (outcome) {
          case RECONCILED -> "SuccessfullyReconciled";
          case INVALID, FAILED -> "FailedReconcile";
          case DELETED -> null;
        };
    String message =
        switch (outcome) {
          case RECONCILED -> "Successfully reconciled";
          case INVALID, FAILED -> FAILURE;
          case DELETED -> "targets deregistered";
        };
    return new StackResult(
        StackResult.SCHEMA_VERSION,
        CLUSTER,
        stack,
        sequence,
        outcome,
        reason,
        message,
        objects,
        null,
        tgs,
        List.of());
  }

  StackResult result(long sequence, Outcome outcome) {
    List<Member> objects =
        outcome == Outcome.DELETED
            ? List.of()
            : List.of(member(api, TARGET_GROUP_BINDINGS, "shop", "web"));
    return result(STACK, sequence, outcome, objects, null);
  }

  JsonNode web() {
    return api.get(TARGET_GROUP_BINDINGS, "shop", "web").orElseThrow();
  }

  @Test
  void aReconciledBindingGetsTheFinalizerItsObservedGenerationAndAnEvent() {
    assertThat(writer.apply(result(1, Outcome.RECONCILED))).isEqualTo(Applied.APPLIED);

    assertThat(finalizers(web())).containsExactly(FINALIZER);
    assertThat(web().path("status")).isEqualTo(parse("{'observedGeneration': 2}"));
    assertThat(events(api, "shop", "web"))
        .containsExactly("Normal SuccessfullyReconciled Successfully reconciled x1");
    JsonNode about = api.objects(FakeKubeApiServer.EVENTS).get(0).path("involvedObject");
    assertThat(about.path("kind").asText()).isEqualTo("TargetGroupBinding");
    assertThat(about.path("apiVersion").asText()).isEqualTo("elbv2.k8s.aws/v1beta1");
    assertThat(about.path("uid").asText()).isEqualTo(web().path("metadata").path("uid").asText());
    assertThat(api.objects(TARGET_GROUP_BINDINGS)).hasSize(1);

    writer.apply(result(2, Outcome.RECONCILED));
    assertThat(count(api.writeRequests(), STATUS_PATCH)).isEqualTo(1);
    assertThat(events(api, "shop", "web"))
        .containsExactly("Normal SuccessfullyReconciled Successfully reconciled x2");
  }

  @Test
  void aNewGenerationIsObservedOnceReconciled() {
    writer.apply(result(1, Outcome.RECONCILED));
    ObjectNode changed = (ObjectNode) web().deepCopy();
    changed.with("metadata").put("generation", 3);
    api.apply(TARGET_GROUP_BINDINGS, changed);

    writer.apply(result(2, Outcome.FAILED));
    assertThat(web().path("status").path("observedGeneration").asLong()).isEqualTo(2);
    writer.apply(result(3, Outcome.RECONCILED));
    assertThat(web().path("status").path("observedGeneration").asLong()).isEqualTo(3);
  }

  @Test
  void aResultNamingNoGenerationObservesTheLiveBindings() {
    Member m = member(api, TARGET_GROUP_BINDINGS, "shop", "web");
    Member withoutGeneration = new Member(m.kind(), m.namespace(), m.name(), m.uid(), 0);

    writer.apply(result(STACK, 1, Outcome.RECONCILED, List.of(withoutGeneration), null));

    assertThat(web().path("status")).isEqualTo(parse("{'observedGeneration': 2}"));
  }

  @Test
  void anInvalidBindingGetsAWarningAndNoFinalizer() {
    writer.apply(result(1, Outcome.INVALID));

    assertThat(events(api, "shop", "web"))
        .containsExactly("Warning FailedReconcile " + FAILURE + " x1");
    assertThat(finalizers(web())).isEmpty();
    assertThat(web().has("status")).isFalse();
    assertThat(api.writeRequests())
        .noneMatch(r -> r.startsWith("PATCH /apis/elbv2.k8s.aws/v1beta1"));
  }

  @Test
  void anInvalidResultLeavesTheFinalizerOfAnEarlierPass() {
    writer.apply(result(1, Outcome.RECONCILED));
    writer.apply(result(2, Outcome.INVALID));

    assertThat(finalizers(web())).containsExactly(FINALIZER);
    assertThat(events(api, "shop", "web")).contains("Warning FailedReconcile " + FAILURE + " x1");
  }

  @Test
  void aFailedPassKeepsTheFinalizerAndWarns() {
    writer.apply(result(1, Outcome.FAILED));

    assertThat(finalizers(web())).containsExactly(FINALIZER);
    assertThat(web().has("status")).isFalse();
    assertThat(events(api, "shop", "web"))
        .containsExactly("Warning FailedReconcile " + FAILURE + " x1");
  }

  @Test
  void aDeletingBindingDisappearsOnceItsTargetsAreDeregistered() {
    writer.apply(result(1, Outcome.RECONCILED));
    api.deleteGracefully(TARGET_GROUP_BINDINGS, "shop", "web");
    assertThat(web().path("metadata").has("deletionTimestamp")).isTrue();

    // a failed cleanup pass still lists it: the finalizer holds, no new one is added
    writer.apply(result(2, Outcome.FAILED));
    assertThat(finalizers(web())).containsExactly(FINALIZER);

    writer.apply(result(3, Outcome.DELETED));
    assertThat(api.get(TARGET_GROUP_BINDINGS, "shop", "web")).isEmpty();
    assertThat(events(api, "shop", "web"))
        .containsExactly(
            "Normal SuccessfullyReconciled Successfully reconciled x1",
            "Warning FailedReconcile " + FAILURE + " x1");
  }

  @Test
  void aDeletedResultReleasesTheFinalizerEvenIfItStillListsTheBinding() {
    writer.apply(result(1, Outcome.RECONCILED));
    Member listed = member(api, TARGET_GROUP_BINDINGS, "shop", "web");
    writer.apply(result(STACK, 2, Outcome.DELETED, List.of(listed), null));

    assertThat(finalizers(web())).isEmpty();
    assertThat(web().path("status").path("observedGeneration").asLong()).isEqualTo(2);
    assertThat(events(api, "shop", "web")).hasSize(1);
  }

  @Test
  void aResultAboutAFormerBindingOfThisNameIsSkipped() {
    Member former = new Member("TargetGroupBinding", "shop", "web", "another-uid", 2);
    writer.apply(result(STACK, 1, Outcome.RECONCILED, List.of(former), null));

    assertThat(finalizers(web())).isEmpty();
    assertThat(web().has("status")).isFalse();
    assertThat(events(api, "shop", "web")).isEmpty();
  }

  @Test
  void lbrsOwnBindingsAreNeverWrittenByABindingStack() {
    api.apply(TARGET_GROUP_BINDINGS, lbrsBinding());
    ObjectNode before = api.get(TARGET_GROUP_BINDINGS, "shop", TG).orElseThrow();

    writer.apply(result(1, Outcome.RECONCILED));
    writer.apply(result(2, Outcome.DELETED));
    String own = "binding/shop/" + TG;
    writer.apply(
        result(
            own,
            1,
            Outcome.RECONCILED,
            List.of(member(api, TARGET_GROUP_BINDINGS, "shop", TG)),
            null));

    assertThat(api.get(TARGET_GROUP_BINDINGS, "shop", TG)).contains(before);
    assertThat(events(api, "shop", TG)).isEmpty();
  }

  @Test
  void lbrsOwnBindingKeepsAFinalizerSomeoneElsePutOnIt() {
    ObjectNode own = lbrsBinding();
    own.with("metadata").putArray("finalizers").add(FINALIZER); // LBC's binding controller
    api.apply(TARGET_GROUP_BINDINGS, own);

    writer.apply(result("binding/shop/" + TG, 1, Outcome.DELETED, List.of(), null));

    assertThat(finalizers(api.get(TARGET_GROUP_BINDINGS, "shop", TG).orElseThrow()))
        .containsExactly(FINALIZER);
  }

  @Test
  void targetGroupsOfABindingStackNeitherCreateNorDeleteBindings() {
    api.apply(TARGET_GROUP_BINDINGS, lbrsBinding());
    Member web = member(api, TARGET_GROUP_BINDINGS, "shop", "web");

    writer.apply(result(STACK, 1, Outcome.RECONCILED, List.of(web), List.of(binding("shop", "x"))));
    writer.apply(result(STACK, 2, Outcome.DELETED, List.of(), List.of()));
    writer.apply(result(STACK, 3, Outcome.RECONCILED, List.of(web), List.of()));

    assertThat(api.objects(TARGET_GROUP_BINDINGS))
        .extracting(o -> o.path("metadata").path("name").asText())
        .containsExactlyInAnyOrder("web", TG);
    assertThat(api.writeRequests())
        .filteredOn(r -> r.contains("/targetgroupbindings"))
        .noneMatch(r -> r.startsWith("POST") || r.startsWith("PUT") || r.startsWith("DELETE"));
  }
}
