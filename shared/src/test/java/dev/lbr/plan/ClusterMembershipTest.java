package dev.lbr.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbr.model.TargetHolder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

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
