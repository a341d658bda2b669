package dev.lbr.functions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbr.event.StackResult;
import dev.lbr.model.StackId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetDescription;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;

/**
 * A user's TargetGroupBinding against a target group made outside lbr (Terraform, CloudFormation):
 * the Service's pods follow scale up and down in it, the target group's settings and another
 * registrant's target are untouched, {@code networking} opens the pods' security group to the
 * user's load balancer group, and deleting the binding deregisters only lbr's targets. Scenario
 * 01's network: its pod IPs have ENIs carrying the node group.
 */
class BringYourOwnTargetGroupTest {
  private static final Path SCENARIO = Harness.scenario("01-echo-nlb");
  private static final String OTHER_CLUSTERS_POD = "192.168.1.50";

  @TempDir Path dir;
  private Harness h;
  private String arn;
  private String loadBalancerGroup;

  @BeforeEach
  void aTargetGroupMadeOutsideLbrWithARegistrantOfItsOwn() {
    h = new Harness();
    h.objects(SCENARIO.resolve("step1.yaml")); // builds the scenario's network, sends nothing
    var elb = h.testClients().elbv2();
    arn =
        elb.createTargetGroup(
                r ->
                    r.name("byo-web")
                        .protocol("TCP")
                        .port(8080)
                        .vpcId(h.world.vpcId())
                        .targetType("ip")
                        .healthCheckIntervalSeconds(10)
                        .healthCheckPort("8081"))
            .targetGroups()
            .get(0)
            .targetGroupArn();
    elb.registerTargets(
        r ->
            r.targetGroupArn(arn)
                .targets(TargetDescription.builder().id(OTHER_CLUSTERS_POD).port(8080).build()));
    loadBalancerGroup =
        h.testClients()
            .ec2()
            .createSecurityGroup(
                r ->
                    r.groupName("terraform-nlb")
                        .description("made by terraform")
                        .vpcId(h.world.vpcId()))
            .groupId();
  }

  @Test
  void thePodsFollowScaleAndOnlyLbrsTargetsLeaveWithTheBinding() throws IOException {
    step(binding() + service() + slice("192.168.1.187", "192.168.3.104"));
    assertThat(targets())
        .containsExactlyInAnyOrder("192.168.1.187", "192.168.3.104", OTHER_CLUSTERS_POD);
    assertThat(nodeGroupRulesFrom(loadBalancerGroup))
        .as("networking: the pods' group admits the user's load balancer group on 8080")
        .containsExactly("tcp 8080-8080");

    step(binding() + service() + slice("192.168.1.187", "192.168.3.104", "192.168.2.96"));
    assertThat(targets())
        .containsExactlyInAnyOrder(
            "192.168.1.187", "192.168.3.104", "192.168.2.96", OTHER_CLUSTERS_POD);

    step(binding() + service() + slice("192.168.2.96"));
    assertThat(targets()).containsExactlyInAnyOrder("192.168.2.96", OTHER_CLUSTERS_POD);

    step(service() + slice("192.168.2.96"));
    assertThat(targets()).as("only lbr's targets leave").containsExactly(OTHER_CLUSTERS_POD);
    assertThat(nodeGroupRulesFrom(loadBalancerGroup)).isEmpty();
    TargetGroup group = h.testClients().elbv2().describeTargetGroups().targetGroups().get(0);
    assertThat(group.targetGroupArn()).isEqualTo(arn);
    assertThat(group.healthCheckIntervalSeconds()).isEqualTo(10);
    assertThat(group.healthCheckPort()).isEqualTo("8081");
    assertThat(h.testClients().elbv2().describeTargetGroups().targetGroups())
        .as("lbr made no target group, no load balancer")
        .hasSize(1);
    assertThat(h.testClients().elbv2().describeLoadBalancers().loadBalancers()).isEmpty();
  }

  @Test
  void theClusterIsToldOfTheBindingInLbcsWordsWithoutAnyLbrBindingToWrite() throws IOException {
    h.withStatusQueue();
    step(binding() + service() + slice("192.168.1.187"));
    StackResult reconciled = bindingResults().getLast();
    assertThat(reconciled.outcome()).isEqualTo(StackResult.Outcome.RECONCILED);
    assertThat(reconciled.reason()).isEqualTo("SuccessfullyReconciled");
    assertThat(reconciled.objects())
        .extracting(
            StackResult.Member::kind, StackResult.Member::namespace, StackResult.Member::name)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("TargetGroupBinding", "default", "web"));
    assertThat(reconciled.loadBalancer()).isNull();
    assertThat(reconciled.targetGroups()).as("no lbr binding to write").isNull();

    step(
        binding().replace("byo-web", "no-such-group").replace("\"11\"", "\"31\"")
            + service()
            + slice("192.168.1.187"));
    StackResult invalid = bindingResults().getLast();
    assertThat(invalid.outcome()).isEqualTo(StackResult.Outcome.INVALID);
    assertThat(invalid.reason()).isEqualTo("FailedReconcile");
    assertThat(invalid.message())
        .startsWith("Failed reconcile due to")
        .contains("spec.targetGroupName: target group no-such-group not found");

    step(binding().replace("\"11\"", "\"32\"") + service() + slice("192.168.1.187"));
    step(service() + slice("192.168.1.187"));
    StackResult deleted = bindingResults().getLast();
    assertThat(deleted.outcome()).isEqualTo(StackResult.Outcome.DELETED);
    assertThat(deleted.objects()).isEmpty();
    assertThat(deleted.targetGroups()).as("never 'delete all lbr bindings'").isNull();
  }

  private List<StackResult> bindingResults() {
    List<StackResult> results =
        h.results().stream().filter(r -> r.stack().equals("binding/default/web")).toList();
    assertThat(results).isNotEmpty();
    return results;
  }

  @Test
  void aBindingLbrWroteForItsOwnStackIsNotInput() throws IOException {
    String lbrs =
        binding()
            .replace(
                "  namespace: default\n",
                "  namespace: default\n  labels: {app.kubernetes.io/managed-by: lbr}\n");

    step(lbrs + service() + slice("192.168.1.187"));

    assertThat(targets()).containsExactly(OTHER_CLUSTERS_POD);
  }

  @Test
  void aMissingTargetGroupIsRecordedNamingTheBindingAndChangesNothing() throws IOException {
    step(binding().replace("byo-web", "no-such-group") + service() + slice("192.168.1.187"));

    assertThat(targets()).containsExactly(OTHER_CLUSTERS_POD);
    assertThat(h.state().toString())
        .contains("TargetGroupBinding default/web")
        .contains("spec.targetGroupName: target group no-such-group not found");
  }

  @Test
  void aDriftRunReRegistersAPodTakenOutOfBandAndLeavesTheOtherRegistrant() throws IOException {
    step(binding() + service() + slice("192.168.1.187", "192.168.3.104"));
    h.testClients()
        .elbv2()
        .deregisterTargets(
            r ->
                r.targetGroupArn(arn)
                    .targets(TargetDescription.builder().id("192.168.1.187").port(8080).build()));

    DriftScenarioTest.drift(h, DriftScenarioTest.now());

    assertThat(targets())
        .containsExactlyInAnyOrder("192.168.1.187", "192.168.3.104", OTHER_CLUSTERS_POD);
    assertThat(h.lbr.stores().drift().recentReports(1).getFirst())
        .contains("binding/default/web")
        .contains("REPAIRED");
  }

  @Test
  void aBindingDeletedAfterItsTargetGroupLetsGoOfItsStack() throws IOException {
    step(binding() + service() + slice("192.168.1.187"));
    h.testClients().elbv2().deleteTargetGroup(r -> r.targetGroupArn(arn));

    step(service() + slice("192.168.1.187"));

    assertThat(h.lbr.stores().checkpoints().get(StackId.binding("default", "web"))).isEmpty();
  }

  /**
   * One step, routed as EventBridge routes it: EndpointSlices to the targets function (which finds
   * the binding through the backend index), everything else to the reconcile function.
   */
  private void step(String yaml) throws IOException {
    Path file = Files.createTempFile(dir, "step", ".yaml");
    Files.writeString(file, yaml);
    h.routedStep(file);
  }

  private int version = 100;

  /** The binding and the Service keep their versions: only the slice changes between steps. */
  private String binding() {
    return """
        apiVersion: elbv2.k8s.aws/v1beta1
        kind: TargetGroupBinding
        metadata:
          name: web
          namespace: default
          resourceVersion: "%d"
        spec:
          targetGroupName: byo-web
          targetType: ip
          serviceRef: {name: web, port: 80}
          networking:
            ingress:
              - from: [{securityGroup: {groupID: %s}}]
                ports: [{protocol: TCP, port: 8080}]
        ---
        """
        .formatted(11, loadBalancerGroup);
  }

  private String service() {
    return """
        apiVersion: v1
        kind: Service
        metadata: {name: web, namespace: default, resourceVersion: "%d"}
        spec:
          type: ClusterIP
          selector: {app: web}
          ports: [{port: 80, targetPort: 8080, protocol: TCP}]
        ---
        """
        .formatted(12);
  }

  private String slice(String... ips) {
    StringBuilder endpoints = new StringBuilder();
    for (String ip : ips) {
      endpoints.append(
          """
            - addresses: ["%s"]
              conditions: {ready: true, serving: true, terminating: false}
              zone: us-east-1a
              targetRef: {kind: Pod, namespace: default, name: web-%s}
          """
              .formatted(ip, ip.replace('.', '-')));
    }
    return """
        apiVersion: discovery.k8s.io/v1
        kind: EndpointSlice
        metadata:
          name: web-abc12
          namespace: default
          resourceVersion: "%d"
          labels: {kubernetes.io/service-name: web}
        addressType: IPv4
        ports: [{name: "", port: 8080, protocol: TCP}]
        endpoints:
        %s"""
        .formatted(++version, endpoints.toString().indent(0).stripTrailing());
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

  /** The node group's inbound rules from {@code groupId}, as {@code proto from-to}. */
  private List<String> nodeGroupRulesFrom(String groupId) {
    var groups =
        h.testClients()
            .ec2()
            .describeSecurityGroups(
                r -> r.filters(f -> f.name("group-name").values("eks-scen-nodegroup-sg")))
            .securityGroups();
    assertThat(groups).hasSize(1);
    return groups.get(0).ipPermissions().stream()
        .filter(p -> p.userIdGroupPairs().stream().anyMatch(g -> groupId.equals(g.groupId())))
        .map(BringYourOwnTargetGroupTest::rule)
        .toList();
  }

  private static String rule(IpPermission p) {
    return p.ipProtocol() + " " + p.fromPort() + "-" + p.toPort();
  }
}
