package dev.lbr.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbr.model.Action;
import dev.lbr.model.ActualListener;
import dev.lbr.model.ActualStack;
import dev.lbr.model.ActualTargetGroup;
import dev.lbr.model.RuleCondition;
import dev.lbr.model.StackId;
import dev.lbr.model.Target;
import dev.lbr.model.TargetGroupRef;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

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

  private static final ActualStack ACTUAL =
      new ActualStack(
          ID,
          Optional.empty(),
          List.of(
              new ActualListener(
                  "arn:listener",
                  80,
                  "HTTP",
                  null,
                  List.of(),
                  null,
                  null,
                  List.of(),
                  List.of(RULE),
                  null)),
          List.of(TG),
          Map.of());

  private static List<DriftFinding> findings(Change... changes) {
    return DriftFindings.of(new Plan(ID, List.of(changes)), ACTUAL);
  }

  @Test
  void aChangedAttributeIsReportedWithItsExpectedAndActualValue() {
    var change =
        new Change.ModifyTargetGroupAttributes(
            Ref.existing(TG_ARN, RES),
            Map.of("load_balancing.algorithm.type", "least_outstanding_requests"));

    assertThat(findings(change))
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

    assertThat(findings(change))
        .extracting(DriftFinding::field, DriftFinding::expected, DriftFinding::actual)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("target 192.168.1.162:80", "registered", "absent"),
            org.assertj.core.groups.Tuple.tuple("target 192.168.3.104:80", "registered", "absent"));
  }

  @Test
  void whatFollowsFromCreatingATargetGroupIsNotReportedTwice() {
    List<DriftFinding> found =
        findings(
            new Change.ModifyTargetGroupAttributes(Ref.pending("other:80"), Map.of("a", "b")),
            new Change.RegisterTargets(
                Ref.pending("other:80"), List.of(new Target("10.0.0.1", 80))));

    assertThat(found).isEmpty();
  }

  @Test
  void aDeletedRuleIsReportedAsMissingWithWhatItShouldBe() {
    var change =
        new Change.CreateRule(
            Ref.existing("arn:listener", "80"),
            new dev.lbr.model.RuleSpec(1, RULE.conditions(), RULE.actions(), Map.of()));

    DriftFinding finding = findings(change).getFirst();

    assertThat(finding.resource()).isEqualTo("rule 1 of listener HTTP:80");
    assertThat(finding.field()).isEqualTo("existence");
    assertThat(finding.expected()).contains("path-pattern").contains("/*");
    assertThat(finding.actual()).isEqualTo("absent");
  }

  @Test
  void aRuleAddedByHandIsReportedAsPresentWhereItShouldBeAbsent() {
    DriftFinding finding = findings(new Change.DeleteRule(Ref.existing(RULE_ARN, null))).getFirst();

    assertThat(finding.expected()).isEqualTo("absent");
    assertThat(finding.actual()).contains("path-pattern");
  }

  @Test
  void aDeletedTargetGroupIsMissingAndAnUnwantedOneIsExtra() {
    assertThat(findings(new Change.DeleteTargetGroup(Ref.existing(TG_ARN, RES))))
        .extracting(DriftFinding::field, DriftFinding::expected, DriftFinding::actual)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("existence", "absent", "present"));
  }
}
