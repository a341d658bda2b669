package dev.lbr.functions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbr.aws.CallCounter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Scenario 01-echo-nlb through the reconcile function: scale 2 → 1 → 3, then delete. */
class EchoNlbScenarioTest {
  private static final Path SCENARIO = Harness.scenario("01-echo-nlb");

  @Test
  void everyStepYieldsExactlyTheExpectedElbState() {
    new Harness().playsScenario("01-echo-nlb", 4);
  }

  @Test
  void reapplyingAnUnchangedStepMakesNoElbCallAtAll() {
    Harness h = new Harness();
    h.step(SCENARIO.resolve("step1.yaml"));
    h.calls.reset();

    var response = h.step(SCENARIO.resolve("step1.yaml"));

    assertThat(response.batchItemFailures()).isEmpty();
    assertThat(h.calls.total(CallCounter.ELBV2)).as("ELBv2 calls, describes included").isZero();
    assertThat(h.calls.total(CallCounter.EC2)).as("EC2 calls").isZero();
  }

  @Test
  void anUnchangedStepAfterAColdStartStillMakesNoElbCall() {
    Harness h = new Harness();
    h.step(SCENARIO.resolve("step1.yaml"));
    h.restart();
    h.calls.reset();

    h.step(SCENARIO.resolve("step1.yaml"));

    assertThat(h.calls.total(CallCounter.ELBV2)).isZero();
  }

  @Test
  void scalingDownOnlyDeregistersTheRemovedPodWithoutReadingElb() {
    Harness h = new Harness();
    h.step(SCENARIO.resolve("step1.yaml"));
    h.calls.reset();

    h.step(SCENARIO.resolve("step2.yaml"));

    assertThat(h.calls.count(CallCounter.ELBV2, "DeregisterTargets")).isEqualTo(1);
    assertThat(h.calls.total(CallCounter.ELBV2)).as("only the deregistration").isEqualTo(1);
    assertThat(h.differences(SCENARIO.resolve("step2.expected.json"))).isEmpty();
  }
}
