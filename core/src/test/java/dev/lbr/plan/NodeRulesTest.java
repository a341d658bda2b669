package dev.lbr.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbr.model.NetworkingPort;
import dev.lbr.model.Permission;
import dev.lbr.model.Target;
import dev.lbr.model.TargetGroupNetworking;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The rules on the targets' security groups, merged and diffed as LBC's restricted mode does. */
class NodeRulesTest {
  private static final String BACKEND = "sg-backend";

  private static TargetGroupNetworking alb() {
    return new TargetGroupNetworking(
        "shop/storefront-storefront:80",
        "ip",
        List.of(new NetworkingPort("tcp", null)),
        List.of(BACKEND));
  }

  private static TargetGroupNetworking nlb() {
    return new TargetGroupNetworking(
        "shop/checkout:80",
        "instance",
        List.of(NetworkingPort.tcp(31080), NetworkingPort.tcp(32456)),
        List.of(BACKEND));
  }

  @Test
  void aStackNeedsItsPortsOnTheGroupOfEachTargetThatHasOne() {
    var rules =
        NodeRules.forStack(
            List.of(alb()),
            Map.of(
                "shop/storefront-storefront:80",
                Set.of(new Target("10.0.0.1", 8080), new Target("10.0.0.9", 8080))),
            Map.of("10.0.0.1", "sg-nodes"));
    assertThat(rules)
        .containsExactly(
            Map.entry("sg-nodes", Set.of(Permission.fromGroup("tcp", 8080, 8080, BACKEND))));
  }

  @Test
  void theClusterGetsOneRulePerGroupProtocolAndSourceFromLowestToHighestPort() {
    var alb =
        NodeRules.forStack(
            List.of(alb()),
            Map.of("shop/storefront-storefront:80", Set.of(new Target("10.0.0.1", 8080))),
            Map.of("10.0.0.1", "sg-nodes"));
    var nlb =
        NodeRules.forStack(
            List.of(nlb()),
            Map.of("shop/checkout:80", Set.of(new Target("i-1", 31080))),
            Map.of("i-1", "sg-nodes"));
    assertThat(NodeRules.merge(List.of(alb, nlb)))
        .containsExactly(
            Map.entry("sg-nodes", List.of(Permission.fromGroup("tcp", 8080, 32456, BACKEND))));
    assertThat(NodeRules.merge(List.of(nlb)))
        .containsExactly(
            Map.entry("sg-nodes", List.of(Permission.fromGroup("tcp", 31080, 32456, BACKEND))));
  }

  @Test
  void cidrRulesAreNotMerged() {
    TargetGroupNetworking legacy =
        new TargetGroupNetworking(
            "ns/svc:80",
            "instance",
            List.of(NetworkingPort.tcp(30000), NetworkingPort.tcp(30500)),
            List.of("10.0.0.0/8"));
    var rules =
        NodeRules.forStack(
            List.of(legacy),
            Map.of("ns/svc:80", Set.of(new Target("i-1", 30000))),
            Map.of("i-1", "sg-nodes"));
    assertThat(NodeRules.merge(List.of(rules)).get("sg-nodes"))
        .containsExactly(
            Permission.fromCidr("tcp", 30000, 30000, "10.0.0.0/8"),
            Permission.fromCidr("tcp", 30500, 30500, "10.0.0.0/8"));
  }

  @Test
  void onlyLabelledRulesFromTheBackendGroupOrGrantedByUsAreRevoked() {
    Permission stale = Permission.fromGroup("tcp", 8080, 32456, BACKEND);
    Permission wanted = Permission.fromGroup("tcp", 31080, 32456, BACKEND);
    Permission handMade = new Permission("tcp", 22, 22, null, "10.0.0.0/8", "ssh");
    Permission otherClusters = Permission.fromGroup("tcp", 80, 80, "sg-other");
    Permission ourCidr = Permission.fromCidr("tcp", 30000, 30000, "10.0.0.0/8");
    var changes =
        NodeRules.changes(
            Set.of("sg-nodes", "sg-gone"),
            Map.of("sg-nodes", List.of(wanted)),
            Map.of("sg-nodes", List.of(stale, handMade, otherClusters, ourCidr)),
            Map.of("sg-nodes", List.of(ourCidr)),
            BACKEND);
    assertThat(changes)
        .containsExactly(
            new NodeRules.GroupChange("sg-nodes", List.of(wanted), List.of(ourCidr, stale)));
  }

  @Test
  void aGroupAlreadyRightNeedsNoChange() {
    Permission wanted = Permission.fromGroup("tcp", 8080, 8080, BACKEND);
    assertThat(
            NodeRules.changes(
                Set.of("sg-nodes"),
                Map.of("sg-nodes", List.of(wanted)),
                Map.of("sg-nodes", List.of(new Permission("6", 8080, 8080, BACKEND, null, "x"))),
                Map.of(),
                BACKEND))
        .isEmpty();
  }
}
