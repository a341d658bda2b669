package dev.lbr.functions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbr.aws.CallCounter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Scenario 08-instance-mode through the reconcile function: nodes as targets, then one NotReady.
 */
class InstanceModeScenarioTest {
  private static final Path SCENARIO = Harness.scenario("08-instance-mode");

  @Test
  void bothStepsYieldExactlyTheExpectedState() {
    new Harness().playsScenario("08-instance-mode", 2);
  }

  @Test
  void aNodeGoingNotReadyIsDeregisteredFromEveryInstanceTargetGroupWithoutReadingElb() {
    Harness h = new Harness();
    h.step(SCENARIO.resolve("step1.yaml"));
    h.calls.reset();

    h.step(SCENARIO.resolve("step2.yaml"));

    assertThat(h.calls.count(CallCounter.ELBV2, "DeregisterTargets"))
        .as("one call per target group: the ALB's and the NLB's")
        .isEqualTo(2);
    assertThat(h.calls.total(CallCounter.ELBV2)).as("nothing else, no describes").isEqualTo(2);
    assertThat(h.calls.total(CallCounter.EC2)).isZero();
  }
}
