package dev.lbr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbr.aws.CallCounter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code lbr plan} against the emulator: what it prints, and that it changes nothing. */
class PlanCommandTest {
  private static final String SCHEME = "service.beta.kubernetes.io/aws-load-balancer-scheme";

  private final EmulatedCli cli = new EmulatedCli();

  @AfterEach
  void close() {
    cli.close();
  }

  @Test
  void planningANewServiceListsTheChangesApplyWouldMakeAndMakesNone() {
    GlobalCalls.CALLS.reset();

    EmulatedCli.Run plan = cli.lbr("plan", "-f", cli.step("01-echo-nlb", 1).toString());

    assertThat(plan.status()).as(plan.err()).isZero();
    assertThat(plan.out())
        .contains("~ default/svc-nlb-ip-type: 8 change(s)")
        .contains("create security group k8s-default-svcnlbip-")
        .contains("allow inbound to ManagedLBSecurityGroup: [tcp 80 from 0.0.0.0/0]")
        .contains("create target group k8s-default-svcnlbip-")
        .contains("create network load balancer k8s-default-svcnlbip-")
        .contains("create listener TCP:80")
        .contains(
            "register 2 target(s) in default/svc-nlb-ip-type:80:"
                + " [192.168.1.187:8080, 192.168.3.104:8080]");
    assertThat(GlobalCalls.CALLS.describes(CallCounter.ELBV2))
        .as("the plan read ELBv2")
        .isPositive();
    assertThat(GlobalCalls.CALLS.mutating(CallCounter.ELBV2)).as("ELBv2 mutating calls").isZero();
    assertThat(GlobalCalls.CALLS.snapshot().getOrDefault(CallCounter.DYNAMODB, Map.of()).keySet())
        .as("DynamoDB operations")
        .isSubsetOf("GetItem", "Query");
    assertThat(cli.aws.elbv2().describeLoadBalancers().loadBalancers()).isEmpty();
    assertThat(cli.aws.elbv2().describeTargetGroups().targetGroups()).isEmpty();
  }

  @Test
  void planningWhatWasJustAppliedShowsNoChanges() {
    Path step1 = cli.step("01-echo-nlb", 1);
    assertThat(cli.lbr("apply", "-f", step1.toString()).status()).isZero();
    GlobalCalls.CALLS.reset();

    EmulatedCli.Run plan = cli.lbr("plan", "-f", step1.toString());

    assertThat(plan.status()).as(plan.err()).isZero();
    assertThat(plan.out()).isEqualTo("= default/svc-nlb-ip-type: 0 change(s)\n");
    assertThat(GlobalCalls.CALLS.mutating(CallCounter.ELBV2)).isZero();
  }

  @Test
  void forAManifestWithoutAUidPlanNamesWhatApplyCreates() throws Exception {
    String yaml =
        Files.readString(cli.step("01-echo-nlb", 1)).replaceAll("(?m)^\\s*uid: .*\\n", "");
    assertThat(yaml).doesNotContain("uid:");
    Path manifest = EmulatedCli.manifest(yaml);

    EmulatedCli.Run plan = cli.lbr("plan", "-f", manifest.toString());
    EmulatedCli.Run apply = cli.lbr("apply", "-f", manifest.toString());

    assertThat(plan.status()).as(plan.err()).isZero();
    assertThat(apply.status()).as(apply.err()).isZero();
    String lb = cli.aws.elbv2().describeLoadBalancers().loadBalancers().get(0).loadBalancerName();
    String tg = cli.aws.elbv2().describeTargetGroups().targetGroups().get(0).targetGroupName();
    assertThat(plan.out())
        .contains("create network load balancer " + lb)
        .contains("create target group " + tg);
    assertThat(apply.out())
        .contains("create network load balancer " + lb)
        .contains("create target group " + tg);
  }

  @Test
  void anInvalidAnnotationExitsWithTwoNamingTheServiceAndTheAnnotation() throws Exception {
    String yaml =
        Files.readString(cli.step("01-echo-nlb", 1))
            .replace(SCHEME + ": internet-facing", SCHEME + ": public");

    EmulatedCli.Run plan = cli.lbr("plan", "-f", EmulatedCli.manifest(yaml).toString());

    assertThat(plan.status()).isEqualTo(Lbr.INVALID_INPUT);
    assertThat(plan.out())
        .contains("✗ default/svc-nlb-ip-type: invalid: Service default/svc-nlb-ip-type")
        .contains("annotation " + SCHEME)
        .contains("unknown scheme \"public\"")
        .doesNotContain("create");
    assertThat(cli.aws.elbv2().describeLoadBalancers().loadBalancers()).isEmpty();
  }
}
