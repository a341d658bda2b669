package dev.lbr.functions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbr.emulator.MachineImage;
import dev.lbr.event.StackResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;

/**
 * Only the cluster's pods and nodes become targets: an EndpointSlice or Node naming anything else
 * (a database's interface, another VPC's address, an instance that is no node of the cluster) is
 * refused, reported as a warning, and the rest is registered.
 */
class ClusterTargetsTest {
  private static final Path ECHO = Harness.scenario("01-echo-nlb");
  private static final Path INSTANCE = Harness.scenario("08-instance-mode");

  @TempDir Path dir;

  @Test
  void aForgedEndpointOfADatabaseOrAnotherVpcIsRefusedWhileThePodsAreRegistered()
      throws IOException {
    Harness h = new Harness().withStatusQueue();
    h.step(ECHO.resolve("step1.yaml"));
    h.results();
    Ec2Client ec2 = h.testClients().ec2();
    String subnet = subnetHolding(ec2, h.world.vpcId(), "192.168.0.0/19");
    String dbGroup =
        ec2.createSecurityGroup(
                r -> r.groupName("db").description("database").vpcId(h.world.vpcId()))
            .groupId();
    ec2.createNetworkInterface(
        r -> r.subnetId(subnet).privateIpAddress("192.168.5.5").groups(dbGroup));
    String otherVpc = ec2.createVpc(r -> r.cidrBlock("10.9.0.0/16")).vpc().vpcId();
    String otherSubnet =
        ec2.createSubnet(r -> r.vpcId(otherVpc).cidrBlock("10.9.0.0/24")).subnet().subnetId();
    ec2.createNetworkInterface(r -> r.subnetId(otherSubnet).privateIpAddress("10.9.0.5"));

    String forged =
        Files.readString(ECHO.resolve("step1.yaml"))
                .replace("resourceVersion: \"2001\"", "resourceVersion: \"2009\"")
            + endpoint("192.168.5.5", "db-0")
            + endpoint("10.9.0.5", "elsewhere-0");
    Path file = dir.resolve("forged.yaml");
    Files.writeString(file, forged);
    var response = h.step(file);

    assertThat(response.batchItemFailures()).isEmpty();
    assertThat(targets(h)).containsExactlyInAnyOrder("192.168.1.187", "192.168.3.104");
    List<StackResult> results = h.results();
    assertThat(results).as("a newly refused target is reported").isNotEmpty();
    StackResult last = results.get(results.size() - 1);
    assertThat(last.outcome()).isEqualTo(StackResult.Outcome.RECONCILED);
    assertThat(last.warnings()).hasSize(1);
    assertThat(last.warnings().get(0).reason()).isEqualTo(StackResult.REASON_TARGETS_REFUSED);
    assertThat(last.warnings().get(0).message())
        .contains("192.168.5.5")
        .contains("10.9.0.5")
        .contains(otherVpc);

    // the same slice again: nothing to do, nothing asked of EC2
    h.calls.reset();
    h.step(file);
    assertThat(h.calls.total(dev.lbr.aws.CallCounter.EC2)).isZero();
    assertThat(h.calls.total(dev.lbr.aws.CallCounter.ELBV2)).isZero();
  }

  @Test
  void anAddressNoInterfaceHoldsAsAddressOrPrefixIsRefusedWhileThePodsAreRegistered()
      throws IOException {
    Harness h = new Harness().withStatusQueue();
    h.step(ECHO.resolve("step1.yaml"));
    h.results();
    String stray =
        Files.readString(ECHO.resolve("step1.yaml"))
                .replace("resourceVersion: \"2001\"", "resourceVersion: \"2009\"")
            + endpoint("192.168.6.20", "stray-0");
    Path file = dir.resolve("stray.yaml");
    Files.writeString(file, stray);

    h.calls.reset();
    var response = h.step(file);

    assertThat(response.batchItemFailures()).isEmpty();
    assertThat(targets(h)).containsExactlyInAnyOrder("192.168.1.187", "192.168.3.104");
    List<StackResult> results = h.results();
    assertThat(results).isNotEmpty();
    assertThat(results.get(results.size() - 1).warnings())
        .singleElement()
        .satisfies(
            w ->
                assertThat(w.message())
                    .contains("192.168.6.20")
                    .contains("no network interface holds it in any VPC"));
  }

  @Test
  void anInstanceThatIsNoNodeOfTheClusterIsRefused() throws IOException {
    Harness h = new Harness().withStatusQueue();
    h.step(INSTANCE.resolve("step1.yaml"));
    Set<String> nodes = targets(h);
    h.results();
    Ec2Client ec2 = h.testClients().ec2();
    String subnet = subnetHolding(ec2, h.world.vpcId(), "192.168.7.0/24");
    String rogue =
        ec2.runInstances(
                r ->
                    r.imageId(MachineImage.id(ec2))
                        .instanceType("t3.micro")
                        .minCount(1)
                        .maxCount(1)
                        .subnetId(subnet))
            .instances()
            .get(0)
            .instanceId();

    String step =
        Files.readString(INSTANCE.resolve("step1.yaml"))
            + "\n---\n"
            + """
            apiVersion: v1
            kind: Node
            metadata:
              name: node-x
              resourceVersion: "299"
              labels:
                kubernetes.io/hostname: "node-x"
            spec:
              providerID: aws:///us-east-1a/%s
            status:
              conditions:
              - type: Ready
                status: "True"
            """
                .formatted(rogue);
    Path file = dir.resolve("rogue.yaml");
    Files.writeString(file, step);
    var response = h.step(file);

    assertThat(response.batchItemFailures()).isEmpty();
    assertThat(targets(h)).isEqualTo(nodes).doesNotContain(rogue);
    List<StackResult> results = h.results();
    assertThat(results)
        .flatMap(StackResult::warnings)
        .isNotEmpty()
        .allSatisfy(
            w ->
                assertThat(w.message())
                    .contains(rogue)
                    .contains("is not tagged for cluster " + Harness.CLUSTER));
  }

  private static String endpoint(String ip, String pod) {
    return "  - addresses: [\""
        + ip
        + "\"]\n"
        + "    conditions: {ready: true, serving: true, terminating: false}\n"
        + "    zone: us-east-1a\n"
        + "    targetRef: {kind: Pod, namespace: default, name: "
        + pod
        + "}\n";
  }

  private static String subnetHolding(Ec2Client ec2, String vpcId, String cidr) {
    return ec2.describeSubnets(
            r ->
                r.filters(
                    Filter.builder().name("vpc-id").values(vpcId).build(),
                    Filter.builder().name("cidr-block").values(cidr).build()))
        .subnets()
        .get(0)
        .subnetId();
  }

  private static Set<String> targets(Harness h) {
    var elb = h.testClients().elbv2();
    Set<String> ids = new TreeSet<>();
    elb.describeTargetGroups()
        .targetGroups()
        .forEach(
            tg ->
                elb.describeTargetHealth(r -> r.targetGroupArn(tg.targetGroupArn()))
                    .targetHealthDescriptions()
                    .forEach(d -> ids.add(d.target().id())));
    return ids;
  }
}
