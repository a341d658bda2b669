package dev.lbr.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {

  private static final String VPC = "vpc-0123456789abcdef0";

  /** The context with a valid vpcId (required) unless the case gives one. */
  private static Settings from(Map<String, Object> context) {
    return Settings.from(k -> k.equals("vpcId") && !context.containsKey(k) ? VPC : context.get(k));
  }

  @Test
  void aMissingVpcIdIsRefusedBecauseItScopesSecurityGroupCreation() {
    assertThatThrownBy(() -> Settings.from(Map.<String, Object>of("clusterName", "prod")::get))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("vpcId is required")
        .hasMessageContaining("security group creation");
  }

  @Test
  void bindableTargetGroupsAreNamePatternsEveryNameByDefaultAndNoneTurnsThemOff() {
    assertThat(from(Map.of("clusterName", "c")).bindableTargetGroups()).containsExactly("*");
    assertThat(
            from(Map.of("clusterName", "c", "bindableTargetGroups", "tf-*, shop-web"))
                .bindableTargetGroups())
        .containsExactly("tf-*", "shop-web");
    assertThat(
            from(Map.of("clusterName", "c", "bindableTargetGroups", "none")).bindableTargetGroups())
        .isEmpty();
    assertThatThrownBy(
            () -> from(Map.of("clusterName", "c", "bindableTargetGroups", "tf-*,arn:aws:x/y")))
        .hasMessageContaining(
            "bindableTargetGroups: 'arn:aws:x/y' is not a target group name pattern");
  }

  @Test
  void stateWritersAreRoleArnsAndAnythingElseIsNamed() {
    assertThat(from(Map.of("clusterName", "c")).stateWriters()).isEmpty();
    assertThat(
            from(Map.of(
                    "clusterName",
                    "c",
                    "stateWriters",
                    "arn:aws:iam::123456789012:role/ops, arn:aws:iam::123456789012:role/sre"))
                .stateWriters())
        .containsExactly(
            "arn:aws:iam::123456789012:role/ops", "arn:aws:iam::123456789012:role/sre");
    assertThatThrownBy(
            () -> from(Map.of("clusterName", "c", "stateWriters", "arn:aws:iam::1:user/bob")))
        .hasMessageContaining("stateWriters: 'arn:aws:iam::1:user/bob' is not an IAM role ARN");
  }

  @Test
  void aMissingClusterNameIsRefusedNamingTheContextKey() {
    assertThatThrownBy(() -> from(Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("clusterName is required")
        .hasMessageContaining("-c clusterName=");
  }

  @Test
  void everyInvalidValueIsReportedAtOnceWithItsKey() {
    assertThatThrownBy(
            () ->
                from(
                    Map.of(
                        "clusterName", "-bad name",
                        "vpcId", "vpc-nothex",
                        "driftRate", "every hour",
                        "logRetentionDays", "10",
                        "reconcileConcurrency", "0",
                        "targetsConcurrency", "many",
                        "forwarderIdentity", "irsa")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("clusterName '-bad name' is not a valid EKS cluster name")
        .hasMessageContaining("vpcId 'vpc-nothex'")
        .hasMessageContaining("driftRate 'every hour' is not a rate")
        .hasMessageContaining("logRetentionDays 10 is not a CloudWatch Logs retention")
        .hasMessageContaining("reconcileConcurrency '0' must be a whole number >= 1")
        .hasMessageContaining("targetsConcurrency 'many'")
        .hasMessageContaining("oidcProviderArn is required when forwarderIdentity is 'irsa'");
  }

  @Test
  void defaultsAreFifteenMinuteDriftThirtyDayLogsAndPodIdentity() {
    Settings s = from(Map.of("clusterName", "prod"));
    assertThat(s.driftScheduleExpression()).isEqualTo("rate(15 minutes)");
    assertThat(s.logRetentionDays()).isEqualTo(30);
    assertThat(s.reconcileConcurrency()).isEqualTo(10);
    assertThat(s.targetsConcurrency()).isEqualTo(10);
    assertThat(s.driftConcurrency()).isEqualTo(1);
    assertThat(s.vpcId()).isEqualTo(VPC);
    assertThat(s.forwarderIdentity()).isInstanceOf(Settings.PodIdentity.class);
  }

  @Test
  void driftRateTakesMinutesOrARateExpression() {
    assertThat(from(Map.of("clusterName", "c", "driftRate", "5")).driftScheduleExpression())
        .isEqualTo("rate(5 minutes)");
    assertThat(
            from(Map.of("clusterName", "c", "driftRate", "rate(2 hours)"))
                .driftScheduleExpression())
        .isEqualTo("rate(120 minutes)");
    assertThat(
            from(Map.of("clusterName", "c", "driftRate", "rate(1 minute)"))
                .driftScheduleExpression())
        .isEqualTo("rate(1 minute)");
    assertThatThrownBy(() -> from(Map.of("clusterName", "c", "driftRate", "rate(1 minutes)")))
        .hasMessageContaining("'1 minute'");
    assertThatThrownBy(() -> from(Map.of("clusterName", "c", "driftRate", "rate(8 days)")))
        .hasMessageContaining("between 1 minute and 7 days");
  }

  @Test
  void driftOptionsBecomeTheDriftFunctionsEnvironmentOnlyWhenGiven() {
    assertThat(from(Map.of("clusterName", "c")).driftEnvironment()).isEmpty();
    assertThat(
            from(Map.of(
                    "clusterName", "c",
                    "gcGrace", "PT1H",
                    "driftMaxLbDeletes", "0",
                    "driftElbCallsPerSecond", "5"))
                .driftEnvironment())
        .containsExactly(
            Map.entry("GC_GRACE", "PT1H"),
            Map.entry("DRIFT_MAX_LB_DELETES", "0"),
            Map.entry("DRIFT_ELB_CALLS_PER_SECOND", "5"));
    assertThatThrownBy(
            () ->
                from(
                    Map.of(
                        "clusterName", "c",
                        "gcGrace", "1 hour",
                        "driftMaxLbDeletes", "-1",
                        "driftElbCallsPerSecond", "0")))
        .hasMessageContaining("gcGrace '1 hour' is not an ISO-8601 duration")
        .hasMessageContaining("driftMaxLbDeletes '-1' must be a whole number >= 0")
        .hasMessageContaining("driftElbCallsPerSecond '0' must be a whole number >= 1");
  }

  @Test
  void anOidcProviderSelectsIrsaWithItsIssuer() {
    Settings s =
        from(
            Map.of(
                "clusterName",
                "prod",
                "oidcProviderArn",
                "arn:aws:iam::123456789012:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/ABC"));
    assertThat(s.forwarderIdentity())
        .isEqualTo(
            new Settings.Irsa(
                "arn:aws:iam::123456789012:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/ABC",
                "oidc.eks.eu-west-1.amazonaws.com/id/ABC"));
    assertThatThrownBy(
            () -> from(Map.of("clusterName", "prod", "oidcProviderArn", "arn:aws:iam::1:role/x")))
        .hasMessageContaining("is not an IAM OIDC provider ARN");
  }
}
