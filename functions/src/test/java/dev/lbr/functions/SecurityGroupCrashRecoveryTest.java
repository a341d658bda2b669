package dev.lbr.functions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbr.aws.CallCounter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Scenario 09 killed before each mutating ELBv2 or EC2 call (security groups, their rules, the node
 * rules) and run again: the state is exactly the expected one, with no second group and no stray
 * rule (the expectation lists every group tagged for the cluster).
 */
class SecurityGroupCrashRecoveryTest {
  private static final Path SCENARIO = Harness.scenario("09-backend-security-groups");

  @Test
  void creationInterruptedBeforeAnyMutatingCallConvergesOnTheNextDelivery() {
    Harness probe = new Harness();
    probe.calls.reset();
    probe.step(SCENARIO.resolve("step1.yaml"));
    long total = mutating(probe);
    assertThat(probe.calls.mutating(CallCounter.EC2)).as("EC2 writes of step 1").isPositive();

    for (int crashAt = 0; crashAt < total; crashAt++) {
      CrashAfter crash = new CrashAfter().withEc2();
      Harness h = new Harness(crash);
      crash.arm(crashAt);

      assertThat(h.step(SCENARIO.resolve("step1.yaml")).batchItemFailures())
          .as("crash at call %d is reported", crashAt)
          .isNotEmpty();
      assertThat(h.step(SCENARIO.resolve("step1.yaml")).batchItemFailures()).isEmpty();
      assertThat(h.differences(SCENARIO.resolve("step1.expected.json")))
          .as("state after a crash at mutating call %d and a retry", crashAt)
          .isEmpty();
    }
  }

  @Test
  void deletionOfTheLastLoadBalancerInterruptedAnywhereConvergesOnTheRetry() {
    // step 3 deletes the NLB, its frontend group, the last node rule and the backend group
    Harness probe = new Harness();
    probe.step(SCENARIO.resolve("step1.yaml"));
    probe.step(SCENARIO.resolve("step2.yaml"));
    probe.calls.reset();
    probe.step(SCENARIO.resolve("step3.yaml"));
    long total = mutating(probe);
    assertThat(probe.calls.mutating(CallCounter.EC2)).as("EC2 writes of step 3").isPositive();

    for (int crashAt = 0; crashAt < total; crashAt++) {
      CrashAfter crash = new CrashAfter().withEc2();
      Harness h = new Harness(crash);
      h.step(SCENARIO.resolve("step1.yaml"));
      h.step(SCENARIO.resolve("step2.yaml"));
      crash.arm(crashAt);
      assertThat(h.step(SCENARIO.resolve("step3.yaml")).batchItemFailures())
          .as("crash at call %d is reported", crashAt)
          .isNotEmpty();

      // The queue redelivers the failed delete events.
      h.forwarder.step(h.objects(SCENARIO.resolve("step2.yaml")));
      assertThat(h.step(SCENARIO.resolve("step3.yaml")).batchItemFailures()).isEmpty();
      assertThat(h.differences(SCENARIO.resolve("step3.expected.json")))
          .as("state after a crash at delete call %d and a retry", crashAt)
          .isEmpty();
    }
  }

  private static long mutating(Harness h) {
    return h.calls.mutating(CallCounter.ELBV2) + h.calls.mutating(CallCounter.EC2);
  }
}
