package dev.lbr.functions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbr.aws.CallCounter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupAttribute;

/**
 * A full pass on a trusted checkpoint takes the target group attributes it recorded as read when
 * the spec asks for the same ones ({@code KnownAttributes}); otherwise, or once the checkpoint is
 * no longer trusted, it reads them. Drift runs always read them.
 */
class KnownAttributesTest {
  private static final Path ECHO = Harness.scenario("01-echo-nlb");
  private static final String CROSS_ZONE =
      "service.beta.kubernetes.io/aws-load-balancer-cross-zone-load-balancing-enabled: \"true\"";
  private static final String DELAY = "deregistration_delay.timeout_seconds=60";

  @TempDir Path dir;

  @Test
  void aSpecChangeThatKeepsTheTargetGroupAttributesDoesNotReadThemBack() throws IOException {
    Harness h = new Harness();
    h.step(ECHO.resolve("step1.yaml"));
    h.calls.reset();

    h.step(service(CROSS_ZONE.replace("true", "false"), DELAY));

    assertThat(h.calls.count(CallCounter.ELBV2, "ModifyLoadBalancerAttributes")).isEqualTo(1);
    assertThat(h.calls.count(CallCounter.ELBV2, "DescribeTargetGroupAttributes")).isZero();
    assertThat(h.calls.count(CallCounter.ELBV2, "DescribeLoadBalancerAttributes")).isEqualTo(1);
  }

  @Test
  void aChangedTargetGroupAttributeIsReadAndSet() throws IOException {
    Harness h = new Harness();
    h.step(ECHO.resolve("step1.yaml"));
    h.calls.reset();

    h.step(service(CROSS_ZONE, DELAY.replace("60", "30")));

    assertThat(h.calls.count(CallCounter.ELBV2, "DescribeTargetGroupAttributes")).isEqualTo(1);
    assertThat(h.calls.count(CallCounter.ELBV2, "ModifyTargetGroupAttributes")).isEqualTo(1);
    assertThat(delay(h)).isEqualTo("30");
  }

  @Test
  void aCheckpointPastItsFreshnessReadsTheAttributesAgain() throws IOException {
    Harness h = new Harness();
    h.step(ECHO.resolve("step1.yaml"));
    h.clock.advance(Duration.ofHours(1));
    h.calls.reset();

    h.step(service(CROSS_ZONE.replace("true", "false"), DELAY));

    assertThat(h.calls.count(CallCounter.ELBV2, "DescribeTargetGroupAttributes")).isEqualTo(1);
  }

  @Test
  void anAttributeChangedOutOfBandIsLeftToTheEventPathButRepairedByDrift() throws IOException {
    Harness h = new Harness();
    h.step(ECHO.resolve("step1.yaml"));
    ElasticLoadBalancingV2Client elb = h.testClients().elbv2();
    String tg = elb.describeTargetGroups(r -> {}).targetGroups().getFirst().targetGroupArn();
    elb.modifyTargetGroupAttributes(
        r ->
            r.targetGroupArn(tg)
                .attributes(
                    TargetGroupAttribute.builder()
                        .key("deregistration_delay.timeout_seconds")
                        .value("300")
                        .build()));

    h.step(service(CROSS_ZONE.replace("true", "false"), DELAY));
    assertThat(delay(h)).as("a trusted checkpoint vouches for it").isEqualTo("300");

    var report = h.lbr.drift().run(DriftScenarioTest.now());

    assertThat(report.stacks().getFirst().findings())
        .extracting(f -> f.field())
        .contains("attribute deregistration_delay.timeout_seconds");
    assertThat(delay(h)).isEqualTo("60");
  }

  /** Step 1 with its Service's cross-zone and target group attribute annotations replaced. */
  private Path service(String crossZone, String delay) throws IOException {
    String yaml =
        Files.readString(ECHO.resolve("step1.yaml"))
            .replace("resourceVersion: \"1001\"", "resourceVersion: \"1009\"")
            .replace(CROSS_ZONE, crossZone)
            .replace(DELAY, delay);
    Path file = dir.resolve("service.yaml");
    Files.writeString(file, yaml);
    return file;
  }

  private static String delay(Harness h) {
    ElasticLoadBalancingV2Client elb = h.testClients().elbv2();
    String tg = elb.describeTargetGroups(r -> {}).targetGroups().getFirst().targetGroupArn();
    return elb.describeTargetGroupAttributes(r -> r.targetGroupArn(tg)).attributes().stream()
        .filter(a -> a.key().equals("deregistration_delay.timeout_seconds"))
        .findFirst()
        .orElseThrow()
        .value();
  }
}
