package dev.lbr.translate.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbr.k8s.K8sNode;
import dev.lbr.k8s.ObjectMeta;
import dev.lbr.model.Target;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NodeTargetsTest {

  static K8sNode node(
      String name, String ready, Map<String, String> labels, K8sNode.Taint... taints) {
    return node(name, "aws:///us-east-1a/i-" + name, ready, labels, taints);
  }

  static K8sNode node(
      String name,
      String providerId,
      String ready,
      Map<String, String> labels,
      K8sNode.Taint... taints) {
    return new K8sNode(
        new ObjectMeta(null, name, null, "1", labels, null, null, null),
        new K8sNode.Spec(providerId, List.of(taints), null),
        new K8sNode.Status(
            ready == null ? List.of() : List.of(new K8sNode.Condition("Ready", ready))));
  }

  private static List<String> ids(List<K8sNode> nodes, Map<String, String> labels) {
    return NodeTargets.targets(nodes, labels, 30080).stream().map(Target::id).toList();
  }

  @Test
  void registersEveryReadyNodeOnTheNodePort() {
    assertThat(
            NodeTargets.targets(
                List.of(node("b", "True", Map.of()), node("a", "True", Map.of())), Map.of(), 31000))
        .containsExactly(new Target("i-a", 31000), new Target("i-b", 31000));
  }

  @Test
  void onlyReadyNodesWhileAnyIsReady() {
    List<K8sNode> nodes =
        List.of(
            node("ok", "True", Map.of()),
            node("down", "False", Map.of()),
            node("unknown", "Unknown", Map.of()),
            node("none", null, Map.of()));
    assertThat(ids(nodes, Map.of())).containsExactly("i-ok");
  }

  @Test
  void failsOpenToUnknownNodesWhenNoneIsReady() {
    List<K8sNode> nodes =
        List.of(node("down", "False", Map.of()), node("unknown", "Unknown", Map.of()));
    assertThat(ids(nodes, Map.of())).containsExactly("i-unknown");
    assertThat(NodeTargets.eligible(nodes.get(1), Map.of())).isFalse();
  }

  @Test
  void theExcludeLabelsDropANodeWhateverTheirValue() {
    List<K8sNode> nodes =
        List.of(
            node(
                "x",
                "True",
                Map.of("node.kubernetes.io/exclude-from-external-load-balancers", "false")),
            node(
                "y", "True", Map.of("alpha.service-controller.kubernetes.io/exclude-balancer", "")),
            node("ok", "True", Map.of()));
    assertThat(ids(nodes, Map.of())).containsExactly("i-ok");
  }

  @Test
  void masterNodesAreDroppedButControlPlaneOnesAreKeptAsInLbc() {
    List<K8sNode> nodes =
        List.of(
            node("m", "True", Map.of("node-role.kubernetes.io/master", "")),
            node("cp", "True", Map.of("node-role.kubernetes.io/control-plane", "")));
    assertThat(ids(nodes, Map.of())).containsExactly("i-cp");
  }

  @Test
  void fargateNodesAreDropped() {
    List<K8sNode> nodes =
        List.of(
            node("f", "True", Map.of(NodeTargets.COMPUTE_TYPE_LABEL, "fargate")),
            node("ec2", "True", Map.of(NodeTargets.COMPUTE_TYPE_LABEL, "ec2")));
    assertThat(ids(nodes, Map.of())).containsExactly("i-ec2");
  }

  @Test
  void nodesTaintedForRemovalAreDropped() {
    List<K8sNode> nodes =
        List.of(
            node(
                "ca",
                "True",
                Map.of(),
                new K8sNode.Taint("ToBeDeletedByClusterAutoscaler", "1", "NoSchedule")),
            node(
                "k",
                "True",
                Map.of(),
                new K8sNode.Taint("karpenter.sh/disrupted", null, "NoSchedule")),
            node(
                "kpref",
                "True",
                Map.of(),
                new K8sNode.Taint("karpenter.sh/disrupted", null, "PreferNoSchedule")),
            node(
                "legacy",
                "True",
                Map.of(),
                new K8sNode.Taint("karpenter.sh/disruption", "disrupting", "NoSchedule")),
            node("other", "True", Map.of(), new K8sNode.Taint("dedicated", "web", "NoSchedule")));
    assertThat(ids(nodes, Map.of())).containsExactly("i-kpref", "i-legacy", "i-other");
  }

  @Test
  void targetNodeLabelsMustAllMatch() {
    List<K8sNode> nodes =
        List.of(
            node("both", "True", Map.of("role", "web", "tier", "edge")),
            node("one", "True", Map.of("role", "web")),
            node("wrong", "True", Map.of("role", "db", "tier", "edge")));
    assertThat(ids(nodes, Map.of("role", "web", "tier", "edge"))).containsExactly("i-both");
    assertThat(ids(nodes, Map.of("role", "web"))).containsExactly("i-both", "i-one");
  }

  @Test
  void nodesWithoutAnEc2InstanceIdAreSkipped() {
    List<K8sNode> nodes =
        List.of(
            node("gce", "gce://project/zone/vm-1", "True", Map.of()),
            node("hybrid", "eks-hybrid:///us-east-1/c/mi-0abc", "True", Map.of()),
            node("empty", "", "True", Map.of()),
            node("aws", "aws:///us-east-1b/i-0abc", "True", Map.of()));
    assertThat(ids(nodes, Map.of())).containsExactly("i-0abc");
    assertThat(NodeTargets.instanceId(nodes.get(0))).isEmpty();
    assertThat(NodeTargets.instanceId(nodes.get(3))).contains("i-0abc");
  }
}
