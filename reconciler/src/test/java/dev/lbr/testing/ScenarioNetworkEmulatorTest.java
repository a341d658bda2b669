package dev.lbr.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lbr.emulator.GroupRule;
import dev.lbr.emulator.NetworkSpec;
import dev.lbr.emulator.PreparedNetwork;
import dev.lbr.emulator.ScenarioNetwork;
import dev.lbr.k8s.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.NetworkInterface;
import software.amazon.awssdk.services.ec2.model.NetworkInterfacePrivateIpAddress;
import software.amazon.awssdk.services.ec2.model.Tag;

/** {@link ScenarioNetwork} and {@link Scenario} on the emulator: what a network.json makes. */
class ScenarioNetworkEmulatorTest {
  private static final String NETWORK =
      """
      {"notes": "ignored",
       "cidrBlocks": ["10.0.0.0/16", "192.168.50.0/24"],
       "subnets": [{"cidr": "10.0.0.0/24", "zone": "us-east-1a"},
                   {"cidr": "192.168.200.0/25", "zone": "us-east-1a"}],
       "securityGroups": {
         "node-sg": {"name": "eks-nodes", "description": "nodes",
                     "tags": {"kubernetes.io/cluster/scen": "owned"},
                     "rules": [{"protocol": "all", "from": "node-sg", "description": "node to node"},
                               {"protocol": "tcp", "port": 22, "cidr": "192.168.0.0/16",
                                "description": "ssh"}]},
         "lb-sg": {"rules": [{"protocol": "tcp", "fromPort": 80, "toPort": 81, "from": "node-sg"}]}},
       "nodes": {"node-a": {"privateIp": "192.168.200.11", "securityGroups": ["node-sg"]},
                 "node-b": {"privateIp": "10.0.0.11", "securityGroups": ["node-sg"],
                            "instanceType": "m5.large"}},
       "enis": [
         {"name": "pod-1", "privateIp": "192.168.200.21", "secondaryIps": ["192.168.200.22"],
          "attachTo": "node-a", "securityGroups": ["node-sg"]},
         {"name": "pod-2", "privateIp": "192.168.200.31", "attachTo": "node-a",
          "securityGroups": ["node-sg"]},
         {"name": "pod-3", "privateIp": "192.168.201.21", "attachTo": "node-a",
          "securityGroups": ["node-sg"]},
         {"name": "pod-4", "privateIp": "192.168.200.41", "securityGroups": ["lb-sg"]}]}
      """;

  private final EmulatedAccount account = EmulatedAccount.fresh("scen");
  private final Ec2Client ec2 = account.clients.ec2();

  @AfterEach
  void close() {
    account.close();
  }

  private PreparedNetwork build(String network) throws Exception {
    return ScenarioNetwork.build(
        ec2, account.world, NetworkSpec.parse(Json.mapper().readTree(network)));
  }

  @Test
  void blocksAndSubnetsAreAddedOnlyWhereNothingCoversThem() throws Exception {
    build(NETWORK);

    assertThat(
            ec2.describeVpcs(r -> r.vpcIds(account.world.vpcId()))
                .vpcs()
                .getFirst()
                .cidrBlockAssociationSet())
        .extracting(a -> a.cidrBlock())
        .containsExactlyInAnyOrder("192.168.0.0/16", "10.0.0.0/16");
    var subnets = ec2.describeSubnets(r -> r.filters(vpc())).subnets();
    assertThat(subnets)
        .extracting(s -> s.cidrBlock())
        .contains("10.0.0.0/24")
        .doesNotContain("192.168.200.0/25")
        .hasSize(7);
    var extra = subnets.stream().filter(s -> s.cidrBlock().equals("10.0.0.0/24")).findFirst();
    assertThat(extra.orElseThrow().availabilityZone()).isEqualTo("us-east-1a");
    assertThat(extra.orElseThrow().tags()).as("untagged: discovery ignores it").isEmpty();
  }

  @Test
  void groupsGetTheirNamesDescriptionsTagsAndRules() throws Exception {
    PreparedNetwork network = build(NETWORK);
    String node = network.groupIds().get("node-sg");
    String lb = network.groupIds().get("lb-sg");

    var groups =
        SecurityGroupSnapshot.read(ec2, account.world.vpcId(), network, true).groups().stream()
            .filter(g -> g.id().equals(node) || g.id().equals(lb))
            .toList();

    assertThat(groups)
        .extracting(g -> g.name() + " / " + g.description() + " / " + g.tags())
        .containsExactlyInAnyOrder(
            "eks-nodes / nodes / {kubernetes.io/cluster/scen=owned}", "lb-sg / lb-sg / {}");
    assertThat(groups.stream().filter(g -> g.id().equals(node)).findFirst().orElseThrow().rules())
        .containsExactlyInAnyOrder(
            new GroupRule("all", null, null, node, "node to node"),
            new GroupRule("tcp", 22, 22, "192.168.0.0/16", "ssh"));
    assertThat(groups.stream().filter(g -> g.id().equals(lb)).findFirst().orElseThrow().rules())
        .containsExactly(new GroupRule("tcp", 80, 81, node, null));
  }

  @Test
  void eachNodeIsARunningTaggedInstanceWithItsAddressAndGroups() throws Exception {
    PreparedNetwork network = build(NETWORK);

    Instance a = instance(network.instanceIds().get("node-a"));
    Instance b = instance(network.instanceIds().get("node-b"));

    assertThat(a.state().nameAsString()).isEqualTo("running");
    assertThat(tags(a.tags()))
        .containsEntry("Name", "node-a")
        .containsEntry("kubernetes.io/cluster/scen", "owned");
    assertThat(a.privateIpAddress()).isEqualTo("192.168.200.11");
    var primary =
        a.networkInterfaces().stream()
            .filter(n -> n.attachment().deviceIndex() == 0)
            .findFirst()
            .orElseThrow();
    assertThat(primary.privateIpAddress()).isEqualTo("192.168.200.11");
    assertThat(primary.groups())
        .extracting(g -> g.groupId())
        .containsExactly(network.groupIds().get("node-sg"));
    assertThat(b.instanceTypeAsString()).isEqualTo("m5.large");
    assertThat(b.placement().availabilityZone()).isEqualTo("us-east-1a");
    assertThat(network.instanceZones())
        .containsEntry("node-a", "us-east-1a")
        .containsEntry("node-b", "us-east-1a");
  }

  @Test
  void enisTakeTheirAddressesAndAttachAtTheNextDeviceIndexWhenInTheNodesZone() throws Exception {
    PreparedNetwork network = build(NETWORK);
    String instance = network.instanceIds().get("node-a");

    NetworkInterface pod1 = eniAt("192.168.200.21");
    NetworkInterface pod2 = eniAt("192.168.200.31");
    NetworkInterface pod3 = eniAt("192.168.201.21");
    NetworkInterface pod4 = eniAt("192.168.200.41");

    assertThat(tags(pod1.tagSet())).containsEntry("Name", "pod-1");
    assertThat(pod1.privateIpAddresses())
        .extracting(NetworkInterfacePrivateIpAddress::privateIpAddress)
        .containsExactlyInAnyOrder("192.168.200.21", "192.168.200.22");
    assertThat(pod1.attachment().instanceId()).isEqualTo(instance);
    assertThat(pod1.attachment().deviceIndex()).isEqualTo(1);
    assertThat(pod2.attachment().deviceIndex()).isEqualTo(2);
    assertThat(pod3.attachment()).as("another zone than its node's: unattached").isNull();
    assertThat(pod4.attachment()).isNull();
    assertThat(pod4.groups())
        .extracting(g -> g.groupId())
        .containsExactly(network.groupIds().get("lb-sg"));
    assertThat(network.enis())
        .extracting(e -> e.label() + " " + (e.instanceId() != null))
        .containsExactly(
            "node node-a false",
            "node node-b false",
            "eni pod-1 true",
            "eni pod-2 true",
            "eni pod-3 false",
            "eni pod-4 false");
  }

  @Test
  void aPartialOverlapWithTheVpcsBlocksOrItsSubnetsIsAnError() {
    assertThatThrownBy(() -> build("{\"cidrBlocks\": [\"192.168.0.0/15\"]}"))
        .hasMessageContaining("overlaps the VPC's 192.168.0.0/16 partially");
    assertThatThrownBy(
            () ->
                build(
                    "{\"subnets\": [{\"cidr\": \"192.168.200.0/23\", \"zone\": \"us-east-1a\"}]}"))
        .hasMessageContaining("overlaps 192.168.200.0/24 partially");
  }

  @Test
  void anAddressOutsideEverySubnetIsAnError() {
    assertThatThrownBy(() -> build("{\"nodes\": {\"n\": {\"privateIp\": \"192.168.9.9\"}}}"))
        .hasMessageContaining("192.168.9.9 lies in no subnet");
  }

  @Test
  void aPreparedScenarioRewritesItsStepsAndExpectationsForTheNetwork(@TempDir Path dir)
      throws Exception {
    Files.writeString(dir.resolve("network.json"), NETWORK);
    Files.writeString(
        dir.resolve("step1.yaml"),
        """
        kind: Node
        metadata:
          name: node-b
        spec:
          providerID: aws:///us-east-1c/i-0bbbbbbbbbbbb0902
        status:
          addresses:
          - type: InternalIP
            address: 10.0.0.11
        """);
    Files.writeString(
        dir.resolve("step1.expected.json"),
        """
        {"targetGroups": [{"key": "tg:x", "targets": [{"id": "i-0bbbbbbbbbbbb0902", "port": 1}]}],
         "securityGroups": {"node-sg": {"withPreparedRules": true, "rules": []},
                            "lb-sg": {"untouched": true, "name": "lb-sg"}},
         "notes": ["${SG_lb_sg}"]}
        """);

    Scenario scenario = Scenario.prepare(dir, account.clients, account.world);
    String instance = scenario.network().instanceIds().get("node-b");

    assertThat(scenario.step(1)).contains("providerID: aws:///us-east-1a/" + instance);
    assertThat(scenario.expected(1).at("/targetGroups/0/targets/0/id").asText())
        .isEqualTo(instance);
    assertThat(scenario.expected(1).at("/notes/0").asText())
        .isEqualTo(scenario.network().groupIds().get("lb-sg"));
    var state =
        Json.mapper()
            .readTree(
                "{\"loadBalancers\": [], \"targetGroups\": [{\"key\": \"tg:x\", \"targets\": []}]}");
    assertThat(scenario.differences(scenario.expected(1), state))
        .as("the prepared groups as expected; the target shown with its made-up id")
        .containsExactly(
            "targetGroups[tg:x].targets: expected [i-0bbbbbbbbbbbb0902:1] but found []");
  }

  private Filter vpc() {
    return Filter.builder().name("vpc-id").values(account.world.vpcId()).build();
  }

  private Instance instance(String id) {
    return ec2.describeInstances(r -> r.instanceIds(id))
        .reservations()
        .getFirst()
        .instances()
        .getFirst();
  }

  private NetworkInterface eniAt(String ip) {
    List<NetworkInterface> found =
        ec2.describeNetworkInterfaces(
                r ->
                    r.filters(
                        Filter.builder().name("addresses.private-ip-address").values(ip).build()))
            .networkInterfaces();
    assertThat(found).as("ENIs with primary address %s", ip).hasSize(1);
    return found.getFirst();
  }

  private static Map<String, String> tags(List<Tag> tags) {
    Map<String, String> map = new TreeMap<>();
    tags.forEach(t -> map.put(t.key(), t.value()));
    return map;
  }
}
