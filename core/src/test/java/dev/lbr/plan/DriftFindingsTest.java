package dev.lbr.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbr.model.Action;
import dev.lbr.model.ActualListener;
import dev.lbr.model.ActualLoadBalancer;
import dev.lbr.model.ActualStack;
import dev.lbr.model.ActualTargetGroup;
import dev.lbr.model.DesiredStack;
import dev.lbr.model.ListenerSpec;
import dev.lbr.model.LoadBalancerSpec;
import dev.lbr.model.LoadBalancerType;
import dev.lbr.model.RuleCondition;
import dev.lbr.model.RuleSpec;
import dev.lbr.model.StackId;
import dev.lbr.model.Target;
import dev.lbr.model.TargetGroupRef;
import dev.lbr.model.TargetGroupSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The findings the planners record with the changes they decide: what each change is based on, as
 * the drift report lists it.
 */
class DriftFindingsTest {
  private static final StackId ID = StackId.parse("ingress/game-2048/ingress-2048");
  private static final String TG_ARN = "arn:aws:elasticloadbalancing:us-east-1:1:targetgroup/k8s/1";
  private static final String RULE_ARN =
      "arn:aws:elasticloadbalancing:us-east-1:1:listener-rule/app/k8s/1/2/3";
  private static final String RES = "game-2048/service-2048:80";

  private static final ActualTargetGroup TG =
      new ActualTargetGroup(
          TG_ARN,
          "k8s-game2048-service2-1",
          "ip",
          "HTTP",
          "HTTP1",
          80,
          "ipv4",
          "vpc-1",
          null,
          Map.of("load_balancing.algorithm.type", "round_robin"),
          Map.of("ingress.k8s.aws/resource", RES));

  private static final ActualListener.ActualRule RULE =
      new ActualListener.ActualRule(
          RULE_ARN,
          1,
          List.of(new RuleCondition("path-pattern", List.of("/*"), null, null, null)),
          List.of(Action.Forward.to(TargetGroupRef.external(TG_ARN))));

  private static final ActualListener LISTENER =
      new ActualListener(
          "arn:listener", 80, "HTTP", null, List.of(), null, null, List.of(), List.of(RULE), null);

  private static final ActualLoadBalancer LB =
      new ActualLoadBalancer(
          "arn:aws:elasticloadbalancing:us-east-1:1:loadbalancer/app/k8s/1",
          "k8s-game2048-ingress2-1",
          LoadBalancerType.APPLICATION,
          "internet-facing",
          "ipv4",
          "k8s-game2048-ingress2-1.elb.amazonaws.com",
          "vpc-1",
          List.of("subnet-1", "subnet-2"),
          List.of(),
          Map.of(),
          Map.of());

  private static final ActualStack ACTUAL =
      new ActualStack(ID, Optional.of(LB), List.of(LISTENER), List.of(TG), Map.of());

  /** The rule as read, desired. */
  private static final RuleSpec RULE_SPEC =
      new RuleSpec(1, RULE.conditions(), RULE.actions(), Map.of());

  /** The target group as read, desired with {@code attributes}. */
  private static TargetGroupSpec targetGroup(String resourceId, Map<String, String> attributes) {
    return new TargetGroupSpec(
        resourceId,
        "k8s-" + resourceId.hashCode(),
        TG.targetType(),
        TG.protocol(),
        TG.protocolVersion(),
        TG.port(),
        TG.ipAddressType(),
        TG.vpcId(),
        null,
        attributes,
        Map.of("ingress.k8s.aws/resource", resourceId));
  }

  /** The load balancer and its listener as read, with these rules, target groups and targets. */
  private static DesiredStack desired(
      List<RuleSpec> rules, List<TargetGroupSpec> targetGroups, Map<String, Set<Target>> targets) {
    LoadBalancerSpec lb =
        new LoadBalancerSpec(
            LB.name(),
            LB.type(),
            LB.scheme(),
            LB.ipAddressType(),
            LB.subnetIds(),
            List.of(),
            Map.of(),
            Map.of());
    ListenerSpec listener =
        new ListenerSpec(80, "HTTP", List.of(), null, null, List.of(), rules, Map.of());
    return new DesiredStack(ID, Optional.of(lb), targetGroups, List.of(listener), targets);
  }

  /** Everything as read (the one rule, the one target group), with nothing registered. */
  private static DesiredStack asRead() {
    return desired(List.of(RULE_SPEC), List.of(targetGroup(RES, TG.attributes())), Map.of());
  }

  /**
   * The findings that the plan from {@code actual} to {@code desired} records for {@code changes}
   * (which it must hold).
   */
  private static List<DriftFinding> findings(
      DesiredStack desired, ActualStack actual, Change... changes) {
    Plan plan = new Planner().plan(desired, actual, Map.of());
    assertThat(plan.changes()).contains(changes);
    Set<String> actions = Stream.of(changes).map(Change::describe).collect(Collectors.toSet());
    return plan.findings().stream().filter(f -> actions.contains(f.action())).toList();
  }

  @Test
  void aChangedAttributeIsReportedWithItsExpectedAndActualValue() {
    var change =
        new Change.ModifyTargetGroupAttributes(
            Ref.existing(TG_ARN, RES),
            Map.of("load_balancing.algorithm.type", "least_outstanding_requests"));

    DesiredStack desired =
        desired(
            List.of(RULE_SPEC),
            List.of(
                targetGroup(
                    RES, Map.of("load_balancing.algorithm.type", "least_outstanding_requests"))),
            Map.of());

    assertThat(findings(desired, ACTUAL, change))
        .containsExactly(
            new DriftFinding(
                "target group " + RES,
                "attribute load_balancing.algorithm.type",
                "least_outstanding_requests",
                "round_robin",
                change.describe()));
  }

  @Test
  void aMissingTargetIsOneFindingPerTarget() {
    var change =
        new Change.RegisterTargets(
            Ref.existing(TG_ARN, RES),
            List.of(new Target("192.168.1.162", 80), new Target("192.168.3.104", 80)));
    DesiredStack desired =
        desired(
            List.of(RULE_SPEC),
            List.of(targetGroup(RES, TG.attributes())),
            Map.of(RES, Set.copyOf(change.targets())));

    assertThat(findings(desired, ACTUAL, change))
        .extracting(DriftFinding::field, DriftFinding::expected, DriftFinding::actual)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("target 192.168.1.162:80", "registered", "absent"),
            org.assertj.core.groups.Tuple.tuple("target 192.168.3.104:80", "registered", "absent"));
  }

  @Test
  void whatFollowsFromCreatingATargetGroupIsNotReportedTwice() {
    DesiredStack desired =
        desired(
            List.of(RULE_SPEC),
            List.of(targetGroup(RES, TG.attributes()), targetGroup("other:80", Map.of("a", "b"))),
            Map.of("other:80", Set.of(new Target("10.0.0.1", 80))));

    List<DriftFinding> found =
        findings(
            desired,
            ACTUAL,
            new Change.ModifyTargetGroupAttributes(Ref.pending("other:80"), Map.of("a", "b")),
            new Change.RegisterTargets(
                Ref.pending("other:80"), List.of(new Target("10.0.0.1", 80))));

    assertThat(found).isEmpty();
  }

  @Test
  void aDeletedRuleIsReportedAsMissingWithWhatItShouldBe() {
    var change =
        new Change.CreateRule(
            Ref.existing("arn:listener", "listener/80"),
            new dev.lbr.model.RuleSpec(1, RULE.conditions(), RULE.actions(), Map.of()));
    ActualStack withoutTheRule =
        StackFixtures.mapListeners(
            ACTUAL,
            l ->
                new ActualListener(
                    l.arn(),
                    l.port(),
                    l.protocol(),
                    null,
                    List.of(),
                    null,
                    null,
                    l.defaultActions(),
                    List.of(),
                    null));

    DriftFinding finding = findings(asRead(), withoutTheRule, change).getFirst();

    assertThat(finding.resource()).isEqualTo("rule 1 of listener HTTP:80");
    assertThat(finding.field()).isEqualTo("existence");
    assertThat(finding.expected()).contains("path-pattern").contains("/*");
    assertThat(finding.actual()).isEqualTo("absent");
  }

  @Test
  void aRuleAddedByHandIsReportedAsPresentWhereItShouldBeAbsent() {
    DesiredStack withoutTheRule =
        desired(List.of(), List.of(targetGroup(RES, TG.attributes())), Map.of());

    DriftFinding finding =
        findings(
                withoutTheRule,
                ACTUAL,
                new Change.DeleteRule(Ref.existing(RULE_ARN, "listener/80/rule/1")))
            .getFirst();

    assertThat(finding.expected()).isEqualTo("absent");
    assertThat(finding.actual()).contains("path-pattern");
  }

  @Test
  void aDeletedTargetGroupIsMissingAndAnUnwantedOneIsExtra() {
    DesiredStack withoutTheTargetGroup = desired(List.of(), List.of(), Map.of());

    assertThat(
            findings(
                withoutTheTargetGroup,
                ACTUAL,
                new Change.DeleteTargetGroup(Ref.existing(TG_ARN, RES))))
        .extracting(DriftFinding::field, DriftFinding::expected, DriftFinding::actual)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("existence", "absent", "present"));
  }

  @Test
  void aStackAsReadHasNoFindings() {
    Plan plan = new Planner().plan(asRead(), ACTUAL, Map.of());

    assertThat(plan.changes()).isEmpty();
    assertThat(plan.findings()).isEmpty();
  }

  @Test
  void aTargetGroupWhoseImmutableSettingsDifferIsReportedAsReplaced() {
    TargetGroupSpec moved = SpecBuilders.tg(targetGroup(RES, TG.attributes())).port(8080).build();
    DesiredStack desired = desired(List.of(RULE_SPEC), List.of(moved), Map.of());

    assertThat(findings(desired, ACTUAL, new Change.CreateTargetGroup(moved)))
        .extracting(
            DriftFinding::resource,
            DriftFinding::field,
            DriftFinding::expected,
            DriftFinding::actual)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "target group " + RES, "immutable settings", "HTTP:8080 ip", "differ (replaced)"));
  }

  @Test
  void theRulesOfANewListenerAreNotReportedTwice() {
    ListenerSpec http8080 =
        new ListenerSpec(8080, "HTTP", List.of(), null, null, List.of(), List.of(RULE_SPEC), null);
    DesiredStack desired = asRead();
    desired =
        new DesiredStack(
            ID,
            desired.loadBalancer(),
            desired.targetGroups(),
            List.of(desired.listeners().getFirst(), http8080),
            Map.of());

    assertThat(
            findings(
                desired,
                ACTUAL,
                new Change.CreateListener(Ref.existing(LB.arn(), "LoadBalancer"), http8080),
                new Change.CreateRule(Ref.pending("listener/8080"), RULE_SPEC)))
        .extracting(DriftFinding::resource, DriftFinding::field)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("listener HTTP:8080", "existence"));
  }

  @Test
  void aModifiedListenerNamesItsDefaultActionsOnlyWhenNothingElseDiffers() {
    Action notFound = new Action.FixedResponse("404", "text/plain", null);
    ListenerSpec actions =
        new ListenerSpec(80, "HTTP", List.of(), null, null, List.of(notFound), List.of(), null);
    ListenerSpec https =
        new ListenerSpec(
            80, "HTTPS", List.of("cert-a"), null, null, List.of(notFound), List.of(), null);

    assertThat(listenerFindings(actions))
        .extracting(DriftFinding::field, DriftFinding::expected, DriftFinding::actual)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("default actions", "fixed response 404", ""));
    assertThat(listenerFindings(https))
        .extracting(DriftFinding::field)
        .containsExactly("protocol", "default certificate", "certificate list");
  }

  private static List<DriftFinding> listenerFindings(ListenerSpec listener) {
    DesiredStack as = asRead();
    DesiredStack desired =
        new DesiredStack(ID, as.loadBalancer(), as.targetGroups(), List.of(listener), Map.of());
    return findings(
        desired,
        ACTUAL,
        new Change.ModifyListener(Ref.existing("arn:listener", "listener/80"), listener));
  }
}
