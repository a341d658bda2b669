package dev.lbr.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbr.model.ActualTargetGroup;
import dev.lbr.model.HealthCheck;
import dev.lbr.model.Tags;
import dev.lbr.model.TargetGroupSpec;
import dev.lbr.testing.EmulatedAccount;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SdkElbGatewayTargetGroupTest {
  private static final String MISSING_TG =
      "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/missing/0123456789abcdef";

  private EmulatedAccount account;
  private SdkElbGateway elb;
  private String vpc;

  @BeforeEach
  void setUp() {
    account = EmulatedAccount.fresh();
    elb = account.elb;
    vpc = account.world.vpcId();
  }

  @AfterEach
  void tearDown() {
    account.close();
  }

  @Test
  void anHttpTargetGroupReadsBackWithItsHealthCheckAttributesAndTags() {
    Map<String, String> tags = Specs.tags(Specs.GAME, "game/game-2048-service-2048:80");
    TargetGroupSpec spec =
        new TargetGroupSpec(
            "game/game-2048-service-2048:80",
            "k8s-game-service2-0123456789",
            "ip",
            "HTTP",
            "HTTP1",
            80,
            "ipv4",
            vpc,
            Specs.HTTP_CHECK,
            Map.of(
                "deregistration_delay.timeout_seconds", "30",
                "load_balancing.algorithm.type", "least_outstanding_requests"),
            tags);

    String arn = elb.createTargetGroup(spec);
    elb.modifyTargetGroupAttributes(arn, spec.attributes());
    ActualTargetGroup tg = elb.targetGroup(arn).orElseThrow();

    assertThat(tg.arn()).isEqualTo(arn);
    assertThat(tg.name()).isEqualTo(spec.name());
    assertThat(tg.targetType()).isEqualTo("ip");
    assertThat(tg.protocol()).isEqualTo("HTTP");
    assertThat(tg.protocolVersion()).isEqualTo("HTTP1");
    assertThat(tg.port()).isEqualTo(80);
    assertThat(tg.ipAddressType()).isEqualTo("ipv4");
    assertThat(tg.vpcId()).isEqualTo(vpc);
    assertThat(tg.healthCheck()).isEqualTo(Specs.HTTP_CHECK);
    assertThat(tg.attributes())
        .containsEntry("deregistration_delay.timeout_seconds", "30")
        .containsEntry("load_balancing.algorithm.type", "least_outstanding_requests");
    assertThat(tg.tags()).containsAllEntriesOf(tags);
    assertThat(account.calls.count(CallCounter.ELBV2, "AddTags")).isZero();
  }

  @Test
  void aTcpTargetGroupHasATcpHealthCheckWithoutPathOrMatcher() {
    TargetGroupSpec spec =
        new TargetGroupSpec(
            "default/echo:80",
            "k8s-default-echo-0123456789",
            "ip",
            "TCP",
            null,
            8080,
            "ipv4",
            vpc,
            Specs.TCP_CHECK,
            Map.of("proxy_protocol_v2.enabled", "true"),
            Specs.tags(Specs.ECHO, "default/echo:80"));

    String arn = elb.createTargetGroup(spec);
    elb.modifyTargetGroupAttributes(arn, spec.attributes());
    ActualTargetGroup tg = elb.targetGroup(arn).orElseThrow();

    assertThat(tg.protocol()).isEqualTo("TCP");
    assertThat(tg.port()).isEqualTo(8080);
    assertThat(tg.healthCheck()).isEqualTo(Specs.TCP_CHECK);
    assertThat(tg.healthCheck().path()).isNull();
    assertThat(tg.healthCheck().matcher()).isNull();
    assertThat(tg.attributes()).containsEntry("proxy_protocol_v2.enabled", "true");
  }

  @Test
  void theHealthCheckAndAttributesCanBeChangedInPlace() {
    String arn = elb.createTargetGroup(Specs.httpTargetGroup("r", "k8s-http-tg", vpc, Map.of()));
    HealthCheck changed = new HealthCheck("HTTP", "8081", "/ready", 30, 10, 4, 5, "200");

    elb.modifyTargetGroupHealthCheck(arn, changed);
    elb.modifyTargetGroupAttributes(arn, Map.of("slow_start.duration_seconds", "60"));

    ActualTargetGroup tg = elb.targetGroup(arn).orElseThrow();
    assertThat(tg.healthCheck()).isEqualTo(changed);
    assertThat(tg.attributes()).containsEntry("slow_start.duration_seconds", "60");
  }

  @Test
  void theTagScanFindsOnlyTargetGroupsCarryingEveryTag() {
    Map<String, String> ours = Specs.tags(Specs.ECHO, "default/echo:80");
    String mine = elb.createTargetGroup(Specs.tcpTargetGroup("a", "mine", vpc, ours));
    elb.createTargetGroup(
        Specs.tcpTargetGroup(
            "b", "cluster-only", vpc, Map.of(Tags.CLUSTER, EmulatedAccount.CLUSTER)));
    elb.createTargetGroup(
        Specs.tcpTargetGroup(
            "c", "other-cluster", vpc, Specs.tags("other", Specs.ECHO, "default/echo:80")));
    elb.createTargetGroup(Specs.tcpTargetGroup("d", "untagged", vpc, Map.of()));

    List<ActualTargetGroup> found =
        elb.targetGroupsTagged(
            Map.of(
                Tags.CLUSTER,
                EmulatedAccount.CLUSTER,
                Specs.ECHO.stackTagKey(),
                Specs.ECHO.name()));

    assertThat(found).extracting(ActualTargetGroup::arn).containsExactly(mine);
  }

  @Test
  void deletingAMissingTargetGroupIsANoOp() {
    String arn = elb.createTargetGroup(Specs.tcpTargetGroup("a", "short-lived", vpc, Map.of()));

    elb.deleteTargetGroup(arn);
    elb.deleteTargetGroup(arn);
    elb.deleteTargetGroup(MISSING_TG);

    assertThat(elb.targetGroup(arn)).isEmpty();
    assertThat(elb.targetGroup(MISSING_TG)).isEmpty();
  }

  @Test
  void tagsCanBeAddedAndRemoved() {
    String arn =
        elb.createTargetGroup(Specs.tcpTargetGroup("a", "tagged", vpc, Map.of("keep", "1")));

    elb.addTags(arn, Map.of("team", "web", "drop", "x"));
    elb.removeTags(arn, java.util.Set.of("drop"));

    assertThat(elb.targetGroup(arn).orElseThrow().tags())
        .containsEntry("keep", "1")
        .containsEntry("team", "web")
        .doesNotContainKey("drop");
  }
}
