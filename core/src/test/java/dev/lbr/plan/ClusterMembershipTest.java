package dev.lbr.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbr.model.TargetHolder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClusterMembershipTest {
  static final String VPC = "vpc-1";
  static final Map<String, Map<String, String>> GROUPS =
      Map.of("sg-node", Map.of("kubernetes.io/cluster/c", "owned"), "sg-db", Map.of());
  static final Map<String, Map<String, String>> INSTANCES =
      Map.of("i-0a", Map.of("eks:cluster-name", "c"), "i-0b", Map.of());

  static TargetHolder eni(String vpc, String instance, Map<String, String> tags, String group) {
    return new TargetHolder("eni-1", vpc, instance, tags, List.of(group), "eni-1");
  }

  static boolean admitted(String target, TargetHolder... holders) {
    return ClusterMembership.refusal("c", VPC, target, List.of(holders), INSTANCES, GROUPS)
        .isEmpty();
  }

  @Test
  void aPodInterfaceCarryingTheNodeGroupIsTheClusters() {
    assertThat(admitted("10.0.0.1", eni(VPC, null, Map.of(), "sg-node"))).isTrue();
  }

  @Test
  void anInterfaceTaggedForTheClusterOrOnAClusterInstanceIsTheClusters() {
    assertThat(
            admitted(
                "10.0.0.1", eni(VPC, null, Map.of("kubernetes.io/cluster/c", "shared"), "sg-db")))
        .isTrue();
    assertThat(admitted("10.0.0.1", eni(VPC, "i-0a", Map.of(), "sg-db"))).isTrue();
  }

  @Test
  void aDatabaseInterfaceAnotherVpcOrNoInterfaceIsRefused() {
    assertThat(admitted("10.0.0.1", eni(VPC, "i-0b", Map.of(), "sg-db"))).isFalse();
    assertThat(admitted("10.0.0.1", eni("vpc-2", null, Map.of(), "sg-node"))).isFalse();
    assertThat(admitted("10.0.0.1")).isFalse();
    assertThat(
            ClusterMembership.refusal(
                "c",
                VPC,
                "10.0.0.1",
                List.of(eni("vpc-2", null, Map.of(), "sg-node")),
                INSTANCES,
                GROUPS))
        .hasValueSatisfying(r -> assertThat(r).contains("vpc-2").contains(VPC));
  }

  static TargetHolder node(String id, String vpc, String instance, String group, String prefix) {
    return new TargetHolder(id, vpc, instance, Map.of(), List.of(group), id, List.of(prefix));
  }

  /** Node interfaces with delegated prefixes, as DescribeInstances returns them. */
  static final List<TargetHolder> PREFIXED =
      List.of(
          node("eni-v4", VPC, "i-0a", "sg-db", "10.0.3.16/28"),
          node("eni-v6", VPC, null, "sg-node", "2600:1f14:aa:bb00:1::/80"),
          node("eni-db", VPC, "i-0b", "sg-db", "10.0.4.0/28"),
          node("eni-far", "vpc-2", "i-0a", "sg-node", "10.0.5.0/28"));

  @ParameterizedTest(name = "{0}: {2}")
  @CsvSource({
    "an IPv4 /28 prefix of a cluster node, 10.0.3.20, admitted",
    "an IPv6 /80 prefix of a cluster node, 2600:1f14:aa:bb00:1:0:0:9, admitted",
    "an IPv6 /80 prefix spelt otherwise, 2600:1F14:AA:BB00:1::9, admitted",
    "a prefix of a non-cluster interface, 10.0.4.7, refused: eni-db is no node's or pod's",
    "a prefix in another VPC, 10.0.5.7, refused: eni-far is in vpc-2",
    "next to a prefix, 10.0.3.32, refused: no network interface holds it",
    "next to an IPv6 prefix, 2600:1f14:aa:bb00:2::9, refused: no network interface holds it",
  })
  void aPodAddressInADelegatedPrefixIsItsInterfaces(String what, String ip, String expected) {
    var why =
        ClusterMembership.refusal(
            "c", VPC, ip, ClusterMembership.heldByPrefix(ip, PREFIXED), INSTANCES, GROUPS);
    if (expected.equals("admitted")) {
      assertThat(why).as(what).isEmpty();
    } else {
      assertThat(why)
          .as(what)
          .hasValueSatisfying(r -> assertThat(r).contains(expected.substring(9)));
    }
  }

  @Test
  void anInstanceTargetMustBeTaggedForTheClusterInItsVpc() {
    TargetHolder node =
        new TargetHolder(
            "i-0a", VPC, "i-0a", Map.of("kubernetes.io/cluster/c", "owned"), List.of(), null);
    TargetHolder other = new TargetHolder("i-0b", VPC, "i-0b", Map.of(), List.of("sg-node"), null);
    assertThat(admitted("i-0a", node)).isTrue();
    assertThat(admitted("i-0b", other)).as("the node group alone does not make a node").isFalse();
    assertThat(admitted("i-0c")).isFalse();
  }
}
