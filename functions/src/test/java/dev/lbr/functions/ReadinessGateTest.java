package dev.lbr.functions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbr.event.PodConditions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetDescription;

/**
 * Pod readiness gates on the AWS side, against the emulator: a pod carrying the target group's gate
 * is registered as soon as its containers are ready (before it is Ready, which it cannot be until
 * its gate is True), its target's health is checked through a delayed message, and the result goes
 * to the status queue as the gate's condition. Scenario 01's NLB Service, ip targets.
 */
class ReadinessGateTest {
  private static final Path SCENARIO = Harness.scenario("01-echo-nlb");
  private static final String OLD = "192.168.1.187";
  private static final String NEW = "192.168.2.96";

  @TempDir Path dir;
  private Harness h;
  private String arn;
  private String gate;
  private int version = 3000;

  @BeforeEach
  void anNlbWithOneReadyPod() throws IOException {
    h = new Harness().withStatusQueue().withHealthQueue();
    h.objects(SCENARIO.resolve("step1.yaml")); // the network only
    step(slice(endpoint(OLD, "p1", true)));
    var group = h.testClients().elbv2().describeTargetGroups().targetGroups().get(0);
    arn = group.targetGroupArn();
    gate = "target-health.elbv2.k8s.aws/" + group.targetGroupName();
    assertThat(targets()).containsExactly(OLD);
    h.statusMessages(); // the stack's own result
  }

  @Test
  void aGatedPodIsRegisteredOnceItsContainersAreReadyAndItsGateTurnsTrueWhenHealthy()
      throws IOException {
    // the new pod: created with the gate, containers not ready yet
    step(
        pod("p3", NEW, false, null) + slice(endpoint(OLD, "p1", true), endpoint(NEW, "p3", false)));
    assertThat(targets()).as("containers not ready: not a target").containsExactly(OLD);

    // its containers are ready; it is not Ready (the gate), and is registered all the same
    step(pod("p3", NEW, true, null));
    assertThat(targets()).containsExactlyInAnyOrder(OLD, NEW);

    assertThat(h.runHealthChecks(Duration.ofSeconds(10))).as("one delayed check").isEqualTo(1);
    List<PodConditions.Pod> conditions = podConditions();
    assertThat(conditions)
        .containsExactly(
            new PodConditions.Pod(
                "default", "deploy-echo-857b6cfb88-p3", uid("p3"), gate, "True", "", ""));

    // the forwarder patched the gate: the pod turns Ready, and nothing is checked any more
    step(
        pod("p3", NEW, true, "True") + slice(endpoint(OLD, "p1", true), endpoint(NEW, "p3", true)));
    assertThat(h.runHealthChecks(Duration.ofSeconds(7))).as("the chain ended").isZero();
    assertThat(targets()).containsExactlyInAnyOrder(OLD, NEW);
  }

  @Test
  void aGatedTargetThatIsNotRegisteredStaysFalseWithElbsReasonAndIsCheckedAgain()
      throws IOException {
    step(pod("p3", NEW, true, null) + slice(endpoint(OLD, "p1", true), endpoint(NEW, "p3", false)));
    assertThat(targets()).containsExactlyInAnyOrder(OLD, NEW);
    h.testClients()
        .elbv2()
        .deregisterTargets(
            r ->
                r.targetGroupArn(arn)
                    .targets(TargetDescription.builder().id(NEW).port(8080).build()));

    assertThat(h.runHealthChecks(Duration.ofSeconds(10))).isEqualTo(1);
    assertThat(podConditions())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.status()).isEqualTo("False");
              assertThat(p.reason()).isEqualTo("Elb.RegistrationInProgress");
              assertThat(p.message()).isEqualTo("Target registration is in progress");
            });
    assertThat(h.runHealthChecks(Duration.ofSeconds(10))).as("checked again").isEqualTo(1);
    assertThat(podConditions())
        .singleElement()
        .extracting(PodConditions.Pod::status)
        .isEqualTo("False");
  }

  @Test
  void aDriftRunRestartsTheChecksOfAPodStillWaitingWhoseChainWasLost() throws IOException {
    step(pod("p3", NEW, true, null) + slice(endpoint(OLD, "p1", true), endpoint(NEW, "p3", false)));
    assertThat(h.dropHealthChecks(Duration.ofSeconds(10))).as("the chain's message lost").isOne();

    DriftScenarioTest.drift(h, DriftScenarioTest.now());
    assertThat(h.runHealthChecks(Duration.ofSeconds(3)))
        .as("a pending chain is not replaced before it is overdue")
        .isZero();

    h.clock.advance(Duration.ofMinutes(6));
    DriftScenarioTest.drift(h, DriftScenarioTest.now());
    assertThat(h.runHealthChecks(Duration.ofSeconds(10))).isEqualTo(1);
    assertThat(podConditions())
        .extracting(PodConditions.Pod::name, PodConditions.Pod::status)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("deploy-echo-857b6cfb88-p3", "True"));
  }

  @Test
  void anUnreadyEndpointWithoutAGatedPodIsNotRegistered() throws IOException {
    step(slice(endpoint(OLD, "p1", true), endpoint(NEW, "p3", false)));
    assertThat(targets()).containsExactly(OLD);
    assertThat(h.runHealthChecks(Duration.ofSeconds(6))).isZero();
  }

  private List<PodConditions.Pod> podConditions() {
    List<PodConditions.Pod> pods = new ArrayList<>();
    for (String m : h.statusMessages()) {
      if (PodConditions.isOne(m)) {
        PodConditions c = PodConditions.fromJson(m);
        assertThat(c.stack()).isEqualTo("service/default/svc-nlb-ip-type");
        pods.addAll(c.pods());
      }
    }
    return pods;
  }

  private String lastSlice = "";

  /**
   * One step: the cluster as it is now (the Service, the slice given or the last one, the pods
   * given), routed as EventBridge routes it (slices and pods to the targets function).
   */
  private void step(String yaml) throws IOException {
    if (yaml.contains("kind: EndpointSlice")) {
      lastSlice = "";
    }
    String cluster = service() + yaml + lastSlice;
    if (yaml.contains("kind: EndpointSlice")) {
      lastSlice = yaml.substring(yaml.indexOf("apiVersion: discovery.k8s.io/v1"));
    }
    Path file = Files.createTempFile(dir, "step", ".yaml");
    Files.writeString(file, cluster);
    h.routedStep(file);
  }

  private static String service() {
    return """
        apiVersion: v1
        kind: Service
        metadata:
          name: svc-nlb-ip-type
          namespace: default
          resourceVersion: "1001"
          annotations:
            service.beta.kubernetes.io/aws-load-balancer-nlb-target-type: ip
            service.beta.kubernetes.io/aws-load-balancer-scheme: internet-facing
        spec:
          type: LoadBalancer
          loadBalancerClass: service.k8s.aws/nlb
          selector: {app: deploy-websrv}
          ports: [{port: 80, targetPort: 8080, protocol: TCP}]
        ---
        """;
  }

  private static String uid(String pod) {
    return "7b1c2d3e-0001-4a5b-9c8d-0000000000" + pod.substring(1) + "0";
  }

  /** A gated pod of the Deployment; {@code gateStatus} null when its condition is not there yet. */
  private String pod(String name, String ip, boolean containersReady, String gateStatus) {
    String gateCondition =
        gateStatus == null
            ? ""
            : "\n    - {type: \"%s\", status: \"%s\"}".formatted(gate, gateStatus);
    return """
        apiVersion: v1
        kind: Pod
        metadata:
          name: deploy-echo-857b6cfb88-%s
          namespace: default
          uid: %s
          resourceVersion: "%d"
          labels: {app: deploy-websrv, pod-template-hash: 857b6cfb88}
        spec:
          nodeName: ip-192-168-2-10.ap-northeast-2.compute.internal
          readinessGates: [{conditionType: "%s"}]
        status:
          podIP: %s
          conditions:
            - {type: ContainersReady, status: "%s"}
            - {type: Ready, status: "%s"}%s
        ---
        """
        .formatted(
            name,
            uid(name),
            ++version,
            gate,
            ip,
            containersReady ? "True" : "False",
            "True".equals(gateStatus) && containersReady ? "True" : "False",
            gateCondition);
  }

  private static String endpoint(String ip, String pod, boolean ready) {
    return """
          - addresses: ["%s"]
            conditions: {ready: %s, serving: %s, terminating: false}
            zone: us-east-1a
            targetRef: {kind: Pod, namespace: default, name: deploy-echo-857b6cfb88-%s}
        """
        .formatted(ip, ready, ready, pod);
  }

  private String slice(String... endpoints) {
    return """
        apiVersion: discovery.k8s.io/v1
        kind: EndpointSlice
        metadata:
          name: svc-nlb-ip-type-x7k2p
          namespace: default
          resourceVersion: "%d"
          labels: {kubernetes.io/service-name: svc-nlb-ip-type}
        addressType: IPv4
        ports: [{name: "", port: 8080, protocol: TCP}]
        endpoints:
        %s---
        """
        .formatted(++version, String.join("", endpoints));
  }

  private Set<String> targets() {
    Set<String> ids = new TreeSet<>();
    h.testClients()
        .elbv2()
        .describeTargetHealth(r -> r.targetGroupArn(arn))
        .targetHealthDescriptions()
        .forEach(d -> ids.add(d.target().id()));
    return ids;
  }
}
