package dev.lbr.functions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbr.aws.CallCounter;
import dev.lbr.drift.DriftOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Rule;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetDescription;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupAttribute;

/** Scenario 06-drift-repair, and other out-of-band changes, through the drift function. */
class DriftScenarioTest {
  private static final Path DRIFT = Harness.scenario("06-drift-repair");
  private static final Path ECHO = Harness.scenario("01-echo-nlb");

  static DriftOptions now() {
    return new DriftOptions(Duration.ZERO, 5, false, false, 1000, Optional.empty());
  }

  static Map<String, Object> drift(Harness h, DriftOptions options) {
    return new DriftHandler(h.lbr.controller(), options, h.clock).handleRequest(Map.of(), null);
  }

  @Test
  void oneDriftRunUndoesTheConsoleEditsOfScenario06() {
    Harness h = new Harness();
    h.playsScenario("06-drift-repair", 1);
    ElasticLoadBalancingV2Client elb = h.clients.elbv2();
    TargetGroup tg = elb.describeTargetGroups(r -> {}).targetGroups().getFirst();
    LoadBalancer lb = elb.describeLoadBalancers(r -> {}).loadBalancers().getFirst();
    String listener =
        elb.describeListeners(r -> r.loadBalancerArn(lb.loadBalancerArn()))
            .listeners()
            .getFirst()
            .listenerArn();
    Rule rule =
        elb.describeRules(r -> r.listenerArn(listener)).rules().stream()
            .filter(r -> !r.isDefault())
            .findFirst()
            .orElseThrow();
    // the out-of-band changes of the scenario
    elb.modifyTargetGroupAttributes(
        r ->
            r.targetGroupArn(tg.targetGroupArn())
                .attributes(
                    TargetGroupAttribute.builder()
                        .key("load_balancing.algorithm.type")
                        .value("round_robin")
                        .build()));
    elb.deleteRule(r -> r.ruleArn(rule.ruleArn()));
    elb.deregisterTargets(
        r ->
            r.targetGroupArn(tg.targetGroupArn())
                .targets(TargetDescription.builder().id("192.168.1.162").port(80).build()));
    assertThat(h.differences(DRIFT.resolve("after-drift.expected.json"))).isNotEmpty();

    Map<String, Object> counts = drift(h, now());

    assertThat(h.differences(DRIFT.resolve("after-drift.expected.json"))).isEmpty();
    assertThat(counts).containsEntry("StacksDrifted", 1L).containsEntry("StacksRepaired", 1L);
    String report = h.lbr.stores().drift().recentReports(1).getFirst();
    assertThat(report)
        .contains("\"field\":\"attribute load_balancing.algorithm.type\"")
        .contains("\"expected\":\"least_outstanding_requests\",\"actual\":\"round_robin\"")
        .contains("\"field\":\"target 192.168.1.162:80\"")
        .contains("path-pattern");
  }

  @Test
  void aSecondDriftRunFindsNothingAndChangesNothing() {
    Harness h = new Harness();
    h.playsScenario("06-drift-repair", 1);
    h.calls.reset();

    Map<String, Object> counts = drift(h, now());

    assertThat(counts).containsEntry("StacksChecked", 2L).containsEntry("StacksDrifted", 0L);
    assertThat(h.calls.mutating(CallCounter.ELBV2)).isZero();
    assertThat(
            h.lbr
                .stores()
                .history()
                .recent(dev.lbr.model.StackId.parse("ingress/game-2048/ingress-2048"), 50))
        .as("a clean check writes no history")
        .hasSize(1);
  }

  @Test
  void aDryRunReportsTheDriftAndLeavesItInPlace() {
    Harness h = new Harness();
    h.playsScenario("01-echo-nlb", 1);
    ElasticLoadBalancingV2Client elb = h.clients.elbv2();
    TargetGroup tg = elb.describeTargetGroups(r -> {}).targetGroups().getFirst();
    elb.deregisterTargets(
        r ->
            r.targetGroupArn(tg.targetGroupArn())
                .targets(TargetDescription.builder().id("192.168.1.187").port(8080).build()));
    var before = h.state();

    var report =
        h.lbr.drift().run(new DriftOptions(Duration.ZERO, 5, false, true, 1000, Optional.empty()));

    assertThat(report.drifted()).isEqualTo(1);
    assertThat(report.toText()).contains("would do: register 1 target(s)");
    assertThat(h.state()).isEqualTo(before);
    assertThat(h.lbr.stores().drift().recentReports(5)).as("a dry run writes nothing").isEmpty();
  }

  @Test
  void aDeletedLoadBalancerAndTargetGroupAreRecreated() {
    Harness h = new Harness();
    h.playsScenario("01-echo-nlb", 1);
    ElasticLoadBalancingV2Client elb = h.clients.elbv2();
    String lb = elb.describeLoadBalancers(r -> {}).loadBalancers().getFirst().loadBalancerArn();
    elb.deleteLoadBalancer(r -> r.loadBalancerArn(lb));
    elb.describeTargetGroups(r -> {})
        .targetGroups()
        .forEach(tg -> elb.deleteTargetGroup(r -> r.targetGroupArn(tg.targetGroupArn())));

    drift(h, now());

    assertThat(h.differences(ECHO.resolve("step1.expected.json"))).isEmpty();
  }

  @Test
  void aDeletedListenerAndAnEditedHealthCheckAreRestored() {
    Harness h = new Harness();
    h.playsScenario("01-echo-nlb", 1);
    ElasticLoadBalancingV2Client elb = h.clients.elbv2();
    String lb = elb.describeLoadBalancers(r -> {}).loadBalancers().getFirst().loadBalancerArn();
    String listener =
        elb.describeListeners(r -> r.loadBalancerArn(lb)).listeners().getFirst().listenerArn();
    elb.deleteListener(r -> r.listenerArn(listener));
    String tg = elb.describeTargetGroups(r -> {}).targetGroups().getFirst().targetGroupArn();
    elb.modifyTargetGroup(r -> r.targetGroupArn(tg).healthCheckIntervalSeconds(30));
    assertThat(h.differences(ECHO.resolve("step1.expected.json"))).isNotEmpty();

    var report = h.lbr.drift().run(now());

    assertThat(h.differences(ECHO.resolve("step1.expected.json"))).isEmpty();
    assertThat(report.stacks().getFirst().findings())
        .extracting(f -> f.resource() + " " + f.field())
        .anyMatch(s -> s.startsWith("listener TCP:80 existence"))
        .anyMatch(s -> s.endsWith("healthCheck"));
  }
}
