package dev.lbr.forwarder.status;

import static dev.lbr.forwarder.kube.FakeKubeApiServer.PODS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lbr.event.PodConditions;
import dev.lbr.forwarder.kube.FakeKubeApiServer;
import dev.lbr.forwarder.publish.ForwarderMetrics;
import dev.lbr.forwarder.publish.JsonLog;
import dev.lbr.k8s.K8sPod;
import dev.lbr.testing.MutableClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Target health becomes the pods' readiness gate conditions, as LBC writes them. */
class PodConditionWriterTest {
  static final String GATE = K8sPod.gateFor("k8s-shop-web-6d5c4b3a2f");
  static final String STATUS_PATCH = "PATCH /api/v1/namespaces/shop/pods/web-1/status";

  FakeKubeApiServer api;
  MutableClock clock = MutableClock.start();
  ForwarderMetrics metrics = new ForwarderMetrics(clock);
  PodConditionWriter writer;
  final ByteArrayOutputStream logs = new ByteArrayOutputStream();

  @BeforeEach
  void apiServer() throws Exception {
    api = new FakeKubeApiServer();
    api.apply(PODS, Fixtures.pod("shop", "web-1", GATE));
    writer = new PodConditionWriter(Fixtures.kube(api), Fixtures.CLUSTER, clock, metrics);
    JsonLog.to(new PrintStream(logs, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void stop() {
    JsonLog.to(System.err);
    api.close();
  }

  /** The writes: every request but the reads. */
  List<String> writes() {
    return api.writeRequests().stream().filter(r -> !r.startsWith("GET ")).toList();
  }

  String uid() {
    return api.get(PODS, "shop", "web-1").orElseThrow().path("metadata").path("uid").asText();
  }

  PodConditions.Pod health(String uid, String status, String reason, String message) {
    return new PodConditions.Pod("shop", "web-1", uid, GATE, status, reason, message);
  }

  PodConditionWriter.Applied apply(String cluster, PodConditions.Pod... pods) {
    return apply(cluster, clock.millis() - 1500, pods);
  }

  PodConditionWriter.Applied apply(String cluster, long checkedAt, PodConditions.Pod... pods) {
    return writer.apply(new PodConditions(cluster, "service/shop/web", checkedAt, List.of(pods)));
  }

  /** {@code type status reason lastTransitionTime} of each condition of the pod. */
  List<String> conditions() {
    List<String> out = new ArrayList<>();
    for (JsonNode c :
        api.get(PODS, "shop", "web-1").orElseThrow().path("status").path("conditions")) {
      out.add(
          (c.path("type").asText()
                  + " "
                  + c.path("status").asText()
                  + " "
                  + c.path("reason").asText()
                  + " "
                  + c.path("lastTransitionTime").asText())
              .strip());
    }
    return out;
  }

  @Test
  void aHealthyTargetSetsTheGateTrueBesideTheKubeletsConditionsAndIsLogged() {
    String now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();

    PodConditionWriter.Applied applied = apply(Fixtures.CLUSTER, health(uid(), "True", "", ""));

    assertThat(applied).isEqualTo(new PodConditionWriter.Applied(false, 1, 0, 0));
    assertThat(conditions())
        .containsExactly(
            "ContainersReady True  2026-01-01T00:00:05Z",
            "Ready False ReadinessGatesNotReady",
            GATE + " True  " + now);
    assertThat(writes()).containsExactly(STATUS_PATCH);
    String log = logs.toString(StandardCharsets.UTF_8);
    assertThat(log)
        .contains("\"message\":\"pod condition patched\"")
        .contains("\"pod\":\"shop/web-1\"")
        .contains("\"conditionType\":\"" + GATE + "\"")
        .contains("\"status\":\"True\"")
        .contains("\"sinceCheckMs\":\"1500\"");
    assertThat(metrics.podConditionsPatched()).isEqualTo(1);
    assertThat(metrics.render()).contains("lbr_forwarder_pod_condition_latency_seconds_sum 1.5");
  }

  @Test
  void theSameConditionIsNotPatchedAgainAndANewReasonKeepsTheTransitionTime() {
    String uid = uid();
    String first = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    apply(Fixtures.CLUSTER, health(uid, "False", "Elb.RegistrationInProgress", "registering"));
    clock.advance(Duration.ofSeconds(10));

    PodConditionWriter.Applied again =
        apply(Fixtures.CLUSTER, health(uid, "False", "Elb.RegistrationInProgress", "registering"));
    assertThat(again).isEqualTo(new PodConditionWriter.Applied(false, 0, 1, 0));
    assertThat(writes()).containsExactly(STATUS_PATCH);

    apply(Fixtures.CLUSTER, health(uid, "False", "Elb.InitialHealthChecking", "checking"));
    assertThat(conditions()).contains(GATE + " False Elb.InitialHealthChecking " + first);

    clock.advance(Duration.ofSeconds(10));
    String flipped = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    apply(Fixtures.CLUSTER, health(uid, "True", "", ""));
    assertThat(conditions()).contains(GATE + " True  " + flipped);
    assertThat(writes()).hasSize(3);
  }

  @Test
  void aPodOfThatNameWithAnotherUidAPodWithoutTheGateAndAPodGoneAreSkipped() {
    api.apply(PODS, Fixtures.pod("shop", "other-gate", "example.com/feature"));
    String otherUid =
        api.get(PODS, "shop", "other-gate").orElseThrow().path("metadata").path("uid").asText();

    PodConditionWriter.Applied applied =
        apply(
            Fixtures.CLUSTER,
            health("a-former-pod-of-that-name", "True", "", ""),
            new PodConditions.Pod("shop", "other-gate", otherUid, GATE, "True", "", ""),
            new PodConditions.Pod("shop", "gone", "some-uid", GATE, "True", "", ""));

    assertThat(applied).isEqualTo(new PodConditionWriter.Applied(false, 0, 0, 3));
    assertThat(writes()).isEmpty();
    assertThat(conditions()).hasSize(2);
  }

  @Test
  void aCheckOlderThanOneAppliedIsSkipped() {
    String uid = uid();
    long checked = clock.millis();
    apply(Fixtures.CLUSTER, checked, health(uid, "True", "", ""));

    PodConditionWriter.Applied late =
        apply(Fixtures.CLUSTER, checked - 5000, health(uid, "False", "Target.Timeout", "late"));

    assertThat(late).isEqualTo(new PodConditionWriter.Applied(false, 0, 0, 1));
    assertThat(conditions()).anyMatch(c -> c.startsWith(GATE + " True"));
    assertThat(writes()).containsExactly(STATUS_PATCH);
  }

  @Test
  void anotherClustersConditionsAreNotApplied() {
    PodConditionWriter.Applied applied = apply("other", health(uid(), "True", "", ""));

    assertThat(applied.otherCluster()).isTrue();
    assertThat(writes()).isEmpty();
  }

  @Test
  void aFailingPatchIsThrownSoTheMessageIsDeliveredAgain() {
    String uid = uid();
    api.failWrites(500);

    assertThatThrownBy(() -> apply(Fixtures.CLUSTER, health(uid, "True", "", "")))
        .isInstanceOf(KubeApiException.class);
    assertThat(metrics.podConditionsPatched()).isZero();
  }

  @Test
  void thePatchNamesThePodsUidAsAPrecondition() {
    JsonNode patch =
        PodConditionWriter.patch(health("uid-1", "True", "", ""), "2026-01-01T00:00:00Z");
    assertThat(patch.toString())
        .isEqualTo(
            ("{'metadata':{'uid':'uid-1'},'status':{'conditions':[{'type':'"
                    + GATE
                    + "','status':'True','reason':'','message':'','lastTransitionTime':"
                    + "'2026-01-01T00:00:00Z'}]}}")
                .replace('\'', '"'));
  }
}
