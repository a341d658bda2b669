package dev.lbr.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lbr.model.Action;
import dev.lbr.model.RuleCondition;
import dev.lbr.model.TargetGroupRef;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ActionTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ForwardActionConfig;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupStickinessConfig;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupTuple;

/** Actions and conditions, model ↔ SDK, without a network. */
class ElbMappingTest {
  private static final String A = "arn:aws:elasticloadbalancing:us-east-1:1:targetgroup/a/1";
  private static final String B = "arn:aws:elasticloadbalancing:us-east-1:1:targetgroup/b/2";

  @Test
  void everyActionKindSurvivesARoundTrip() {
    List<Action> actions =
        List.of(
            Action.Forward.to(TargetGroupRef.external(A)),
            new Action.Forward(
                List.of(
                    new Action.WeightedTargetGroup(TargetGroupRef.external(A), 50),
                    new Action.WeightedTargetGroup(TargetGroupRef.external(B), 50)),
                300),
            new Action.Forward(
                List.of(
                    new Action.WeightedTargetGroup(TargetGroupRef.external(A), 1),
                    new Action.WeightedTargetGroup(TargetGroupRef.external(B), 0)),
                null),
            new Action.FixedResponse("404", "text/plain", "nothing here"),
            new Action.Redirect("HTTPS", "443", null, null, null, "HTTP_301"));

    assertThat(ElbActions.fromSdk(ElbActions.toSdk(actions))).isEqualTo(actions);
  }

  @Test
  void aPlainForwardIsSentAsATargetGroupArnAndAWeightedOneAsAForwardConfig() {
    var plain = ElbActions.toSdk(Action.Forward.to(TargetGroupRef.external(A)), 1);
    var weighted =
        ElbActions.toSdk(
            new Action.Forward(
                List.of(new Action.WeightedTargetGroup(TargetGroupRef.external(A), 10)), null),
            1);

    assertThat(plain.targetGroupArn()).isEqualTo(A);
    assertThat(plain.forwardConfig()).isNull();
    assertThat(weighted.targetGroupArn()).isNull();
    assertThat(weighted.forwardConfig().targetGroups())
        .extracting(TargetGroupTuple::weight)
        .containsExactly(10);
  }

  @Test
  void awsShapeOfASingleForwardReadsAsAPlainForward() {
    // What ELBv2 returns for a plain forward: the ARN plus a one-group config, weight 1, no
    // stickiness.
    var sdk =
        software.amazon.awssdk.services.elasticloadbalancingv2.model.Action.builder()
            .type(ActionTypeEnum.FORWARD)
            .order(1)
            .targetGroupArn(A)
            .forwardConfig(
                ForwardActionConfig.builder()
                    .targetGroups(TargetGroupTuple.builder().targetGroupArn(A).weight(1).build())
                    .targetGroupStickinessConfig(
                        TargetGroupStickinessConfig.builder().enabled(false).build())
                    .build())
            .build();

    assertThat(ElbActions.fromSdk(sdk)).isEqualTo(Action.Forward.to(TargetGroupRef.external(A)));
  }

  @Test
  void actionsAreReadInTheirOrder() {
    var second = ElbActions.toSdk(new Action.FixedResponse("200", null, null), 2);
    var first = ElbActions.toSdk(Action.Forward.to(TargetGroupRef.external(A)), 1);

    assertThat(ElbActions.fromSdk(List.of(second, first)))
        .containsExactly(
            Action.Forward.to(TargetGroupRef.external(A)),
            new Action.FixedResponse("200", null, null));
  }

  @Test
  void anUnresolvedTargetGroupReferenceCannotBeSent() {
    assertThatThrownBy(
            () -> ElbActions.toSdk(Action.Forward.to(TargetGroupRef.managed("ns/svc:80")), 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ns/svc:80");
  }

  @Test
  void everyConditionFieldSurvivesARoundTrip() {
    List<RuleCondition> conditions =
        List.of(
            new RuleCondition("path-pattern", List.of("/api/*", "/v2/*"), null, null, null),
            new RuleCondition("path-pattern", null, List.of("^/api/v[0-9]+$"), null, null),
            new RuleCondition("host-header", List.of("*.example.com"), null, null, null),
            new RuleCondition("http-header", List.of("yes"), null, "x-canary", null),
            new RuleCondition("http-request-method", List.of("GET", "HEAD"), null, null, null),
            new RuleCondition("source-ip", List.of("10.0.0.0/8"), null, null, null),
            new RuleCondition(
                "query-string",
                null,
                null,
                null,
                List.of(
                    new RuleCondition.QueryString("debug", "1"),
                    new RuleCondition.QueryString(null, "x"))));

    assertThat(ElbConditions.fromSdk(ElbConditions.toSdk(conditions))).isEqualTo(conditions);
  }

  @Test
  void theLegacyValuesFieldIsReadToo() {
    var legacy =
        software.amazon.awssdk.services.elasticloadbalancingv2.model.RuleCondition.builder()
            .field("path-pattern")
            .values("/old/*")
            .build();

    assertThat(ElbConditions.fromSdk(legacy))
        .isEqualTo(new RuleCondition("path-pattern", List.of("/old/*"), null, null, null));
  }

  @Test
  void aGrpcTargetGroupsMatcherIsSentAsGrpcCodesAndAnyOtherAsHttpCodes() {
    assertThat(ElbTargetGroups.matcher("200-399", false).httpCode()).isEqualTo("200-399");
    assertThat(ElbTargetGroups.matcher("200-399", false).grpcCode()).isNull();
    assertThat(ElbTargetGroups.matcher("12", true).grpcCode()).isEqualTo("12");
    assertThat(ElbTargetGroups.matcher("12", true).httpCode()).isNull();
    assertThat(ElbTargetGroups.matcher("0-99", true).grpcCode()).isEqualTo("0-99");
    assertThat(ElbTargetGroups.matcher(null, true)).isNull();
    assertThat(ElbTargetGroups.isGrpc("grpc")).isTrue();
    assertThat(ElbTargetGroups.isGrpc("HTTP2")).isFalse();
    assertThat(ElbTargetGroups.isGrpc(null)).isFalse();
  }
}
