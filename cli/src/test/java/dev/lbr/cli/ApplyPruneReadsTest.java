package dev.lbr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbr.aws.CallCounter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What {@code lbr apply --prune} reads to find the stacks to prune: the tag scan, and in full only
 * the stacks the input no longer holds. A stack of the input that is unchanged costs no read.
 */
class ApplyPruneReadsTest {
  /** Reads that only a stack read in full makes (the tag scan makes none of them). */
  private static final List<String> PER_STACK_READS =
      List.of(
          "DescribeListeners",
          "DescribeRules",
          "DescribeLoadBalancerAttributes",
          "DescribeTargetGroupAttributes",
          "DescribeTargetHealth");

  private final EmulatedCli cli = new EmulatedCli();

  @AfterEach
  void close() {
    cli.close();
  }

  @Test
  void pruningWithEveryStackInTheInputReadsNoneOfThemInFull() throws Exception {
    Path both = twoServices();
    assertThat(cli.lbr("apply", "-f", both.toString()).status()).isZero();
    GlobalCalls.CALLS.reset();

    EmulatedCli.Run prune = cli.lbr("apply", "--prune", "-f", both.toString());

    assertThat(prune.status()).as(prune.err()).isZero();
    for (String operation : PER_STACK_READS) {
      assertThat(GlobalCalls.CALLS.count(CallCounter.ELBV2, operation)).as(operation).isZero();
    }
    assertThat(GlobalCalls.CALLS.mutating(CallCounter.ELBV2)).isZero();
  }

  @Test
  void pruningReadsInFullOnlyTheStackTheInputNoLongerHolds() throws Exception {
    assertThat(cli.lbr("apply", "-f", twoServices().toString()).status()).isZero();
    GlobalCalls.CALLS.reset();

    EmulatedCli.Run prune =
        cli.lbr("apply", "--prune", "-f", cli.step("01-echo-nlb", 1).toString());

    assertThat(prune.status()).as(prune.err()).isZero();
    assertThat(prune.out()).contains("default/other").contains("delete load balancer");
    assertThat(GlobalCalls.CALLS.count(CallCounter.ELBV2, "DescribeListeners"))
        .as("the pruned stack's listeners, read once")
        .isEqualTo(1);
    assertThat(GlobalCalls.CALLS.count(CallCounter.ELBV2, "DescribeLoadBalancerAttributes"))
        .isEqualTo(1);
  }

  /** Scenario 01's Service and slice, and a second Service without endpoints. */
  private Path twoServices() throws Exception {
    String echo = Files.readString(cli.step("01-echo-nlb", 1));
    String service = echo.substring(0, echo.indexOf("---"));
    String other =
        service
            .replace("name: svc-nlb-ip-type", "name: other")
            .replace(
                "7b1c2d3e-0001-4a5b-9c8d-000000000001", "7b1c2d3e-0001-4a5b-9c8d-0000000000ff");
    return EmulatedCli.manifest(echo + "\n---\n" + other);
  }
}
