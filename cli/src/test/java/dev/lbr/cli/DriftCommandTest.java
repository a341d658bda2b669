package dev.lbr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbr.model.Tags;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Tag;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupAttribute;

/** {@code lbr drift} against the emulator: report, dry run, repair, circuit breaker. */
class DriftCommandTest {

  @Test
  void aDryRunPrintsTheDriftFieldByFieldAndTheRepairRunUndoesIt() {
    try (EmulatedCli cli = new EmulatedCli()) {
      assertThat(cli.lbr("apply", "-f", cli.step("06-drift-repair", 1).toString()).status())
          .isZero();
      TargetGroup tg = cli.aws.elbv2().describeTargetGroups(r -> {}).targetGroups().getFirst();
      cli.aws
          .elbv2()
          .modifyTargetGroupAttributes(
              r ->
                  r.targetGroupArn(tg.targetGroupArn())
                      .attributes(
                          TargetGroupAttribute.builder()
                              .key("load_balancing.algorithm.type")
                              .value("round_robin")
                              .build()));

      EmulatedCli.Run dry = cli.lbr("drift", "--dry-run");

      assertThat(dry.status()).isZero();
      assertThat(dry.out())
          .contains("dry run")
          .contains(
              "attribute load_balancing.algorithm.type: expected least_outstanding_requests,"
                  + " found round_robin")
          .contains("would do: set attributes of target group");
      assertThat(algorithm(cli, tg)).isEqualTo("round_robin");

      EmulatedCli.Run repair = cli.lbr("drift", "--gc-grace", "0s");

      assertThat(repair.status()).isZero();
      assertThat(repair.out()).contains("repaired").contains("done: set attributes");
      assertThat(algorithm(cli, tg)).isEqualTo("least_outstanding_requests");
      assertThat(cli.lbr("drift").out()).contains("StacksDrifted=0");
    }
  }

  @Test
  void theCircuitBreakerExitsWithStatus3AndDeletesNothing() {
    try (EmulatedCli cli = new EmulatedCli()) {
      cli.aws
          .elbv2()
          .createLoadBalancer(
              r ->
                  r.name("orphan")
                      .type("network")
                      .subnets(cli.world.publicSubnetIds())
                      .tags(
                          List.of(
                              Tag.builder().key(Tags.CLUSTER).value(EmulatedCli.CLUSTER).build(),
                              Tag.builder()
                                  .key("service.k8s.aws/stack")
                                  .value("default/gone")
                                  .build())));

      EmulatedCli.Run run = cli.lbr("drift", "--gc-grace", "0s", "--max-lb-deletes", "0");

      assertThat(run.status()).isEqualTo(Lbr.BREAKER_TRIPPED);
      assertThat(run.out()).contains("circuit breaker").contains("service/default/gone");
      assertThat(cli.aws.elbv2().describeLoadBalancers(r -> {}).loadBalancers()).hasSize(1);

      EmulatedCli.Run forced =
          cli.lbr("drift", "--gc-grace", "0s", "--max-lb-deletes", "0", "--force-gc");

      assertThat(forced.status()).isZero();
      assertThat(cli.aws.elbv2().describeLoadBalancers(r -> {}).loadBalancers()).isEmpty();
    }
  }

  @Test
  void anUnreadableGraceIsInvalidInput() {
    try (EmulatedCli cli = new EmulatedCli()) {
      EmulatedCli.Run run = cli.lbr("drift", "--gc-grace", "soon");

      assertThat(run.status()).isEqualTo(Lbr.INVALID_INPUT);
      assertThat(run.err()).contains("not a duration");
    }
  }

  private static String algorithm(EmulatedCli cli, TargetGroup tg) {
    return cli
        .aws
        .elbv2()
        .describeTargetGroupAttributes(r -> r.targetGroupArn(tg.targetGroupArn()))
        .attributes()
        .stream()
        .filter(a -> a.key().equals("load_balancing.algorithm.type"))
        .findFirst()
        .orElseThrow()
        .value();
  }
}
