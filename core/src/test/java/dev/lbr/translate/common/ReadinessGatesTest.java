package dev.lbr.translate.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbr.k8s.K8sEndpointSlice;
import dev.lbr.k8s.K8sPod;
import dev.lbr.k8s.K8sService;
import dev.lbr.k8s.Kind;
import dev.lbr.k8s.ObjectKey;
import dev.lbr.k8s.ObjectMeta;
import dev.lbr.model.Target;
import dev.lbr.model.TargetHealth;
import dev.lbr.model.TargetSource;
import dev.lbr.translate.service.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReadinessGatesTest {
  private static final String GATE = "target-health.elbv2.k8s.aws/k8s-default-echo-0123456789";
  private static final K8sService.Port HTTP = new K8sService.Port("http", "TCP", 80, "8080", null);

  private static K8sPod pod(String ip, boolean containersReady, String gateStatus, String gate) {
    List<K8sPod.Condition> conditions = new ArrayList<>();
    conditions.add(new K8sPod.Condition("ContainersReady", containersReady ? "True" : "False"));
    if (gateStatus != null) {
      conditions.add(new K8sPod.Condition(GATE, gateStatus));
    }
    return new K8sPod(
        new ObjectMeta(Fixtures.NS, "pod-" + ip, "uid-" + ip, "1", Map.of(), Map.of(), null, null),
        new K8sPod.Spec(
            "node-1", gate == null ? List.of() : List.of(new K8sPod.ReadinessGate(gate))),
        new K8sPod.Status(ip, conditions));
  }

  private static Optional<K8sPod> lookup(ObjectKey key, K8sPod... pods) {
    for (K8sPod p : pods) {
      if (p.key().equals(key)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  private static List<Target> targets(List<K8sEndpointSlice> slices) {
    return List.copyOf(
        new EndpointResolver(Fixtures.service().build(), slices).targets(HTTP, "ipv4"));
  }

  @Test
  void anEndpointHeldOnlyByItsGateIsATargetOnceItsContainersAreReady() {
    var slice =
        Fixtures.slice(
            "IPv4",
            List.of(new K8sEndpointSlice.Port("http", 8080, "TCP")),
            Fixtures.endpoint("10.0.1.1", true, false),
            Fixtures.endpoint("10.0.1.2", false, false), // gated, containers ready
            Fixtures.endpoint("10.0.1.3", false, false), // gated, containers not ready
            Fixtures.endpoint("10.0.1.4", false, false), // containers ready, no gate
            Fixtures.endpoint("10.0.1.5", false, true)); // gated, terminating
    K8sPod[] pods = {
      pod("10.0.1.2", true, null, GATE),
      pod("10.0.1.3", false, null, GATE),
      pod("10.0.1.4", true, null, null),
      pod("10.0.1.5", true, "True", GATE)
    };

    List<K8sEndpointSlice> view = ReadinessGates.registrable(List.of(slice), k -> lookup(k, pods));

    assertThat(targets(view))
        .containsExactly(new Target("10.0.1.1", 8080), new Target("10.0.1.2", 8080));
    assertThat(targets(List.of(slice))).containsExactly(new Target("10.0.1.1", 8080));
    TargetSource source =
        TargetSource.pods(Fixtures.NS, Fixtures.NAME, "http", "TCP", "8080", "ipv4");
    assertThat(ReadinessGates.heldBack(source, List.of(slice), k -> lookup(k, pods)))
        .as("only the target the gate holds back, with its pod")
        .containsExactly(
            Map.entry(
                new Target("10.0.1.2", 8080),
                new ObjectKey(Kind.POD, Fixtures.NS, "pod-10.0.1.2")));
  }

  @Test
  void thePodsAwaitingTheGateAreThoseWhoseConditionIsNotTrueYet() {
    var slice =
        Fixtures.slice(
            "IPv4",
            List.of(new K8sEndpointSlice.Port("http", 8080, "TCP")),
            Fixtures.endpoint("10.0.1.1", true, false),
            Fixtures.endpoint("10.0.1.2", true, false),
            Fixtures.endpoint("10.0.1.3", true, false));
    K8sPod[] pods = {
      pod("10.0.1.1", true, "True", GATE),
      pod("10.0.1.2", true, "False", GATE),
      pod("10.0.1.3", true, null, "target-health.elbv2.k8s.aws/another-binding")
    };
    TargetSource source =
        TargetSource.pods(Fixtures.NS, Fixtures.NAME, "http", "TCP", "8080", "ipv4");

    var byTarget = ReadinessGates.podsByTarget(source, List.of(slice));
    assertThat(byTarget).hasSize(3);
    assertThat(byTarget.get(new Target("10.0.1.2", 8080)))
        .isEqualTo(new ObjectKey(Kind.POD, Fixtures.NS, "pod-10.0.1.2"));

    assertThat(ReadinessGates.awaiting(byTarget, GATE, k -> lookup(k, pods)))
        .containsOnlyKeys(new Target("10.0.1.2", 8080));
  }

  @Test
  void theGateIsTrueOnlyWhenTheTargetIsHealthyOtherwiseFalseWithElbsWords() {
    assertThat(ReadinessGates.condition(new TargetHealth("healthy", null, null)))
        .isEqualTo(new ReadinessGates.Condition("True", "", ""));
    assertThat(
            ReadinessGates.condition(
                new TargetHealth(
                    "initial", "Elb.InitialHealthChecking", "Initial health checks in progress")))
        .isEqualTo(
            new ReadinessGates.Condition(
                "False", "Elb.InitialHealthChecking", "Initial health checks in progress"));
    assertThat(ReadinessGates.condition(TargetHealth.REGISTRATION_IN_PROGRESS))
        .isEqualTo(
            new ReadinessGates.Condition(
                "False", "Elb.RegistrationInProgress", "Target registration is in progress"));
  }
}
