package dev.lbr.functions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbr.aws.CallCounter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A reconcile killed between any two AWS calls and run again converges, with no duplicates. */
class CrashRecoveryTest {
  private static final Path SCENARIO = Harness.scenario("01-echo-nlb");

  @Test
  void creationInterruptedBeforeAnyMutatingCallConvergesOnTheNextDelivery() {
    int total = mutatingCallsOf("step1.yaml");
    assertThat(total).isGreaterThanOrEqualTo(4);
    for (int crashAt = 0; crashAt < total; crashAt++) {
      CrashAfter crash = new CrashAfter();
      Harness h = new Harness(crash);
      crash.arm(crashAt);

      var failed = h.step(SCENARIO.resolve("step1.yaml"));
      assertThat(failed.batchItemFailures())
          .as("crash at call %d is reported", crashAt)
          .isNotEmpty();

      var retried = h.step(SCENARIO.resolve("step1.yaml"));
      assertThat(retried.batchItemFailures()).isEmpty();
      assertThat(h.differences(SCENARIO.resolve("step1.expected.json")))
          .as("state after a crash at mutating call %d and a retry", crashAt)
          .isEmpty();
    }
  }

  @Test
  void deletionInterruptedAnywhereLeavesNothingAfterTheRetry() {
    Harness probe = new Harness();
    probe.step(SCENARIO.resolve("step1.yaml"));
    probe.calls.reset();
    probe.step(SCENARIO.resolve("step4.yaml"));
    long total = probe.calls.mutating(CallCounter.ELBV2);

    for (int crashAt = 0; crashAt < total; crashAt++) {
      CrashAfter crash = new CrashAfter();
      Harness h = new Harness(crash);
      h.step(SCENARIO.resolve("step1.yaml"));
      crash.arm(crashAt);
      assertThat(h.step(SCENARIO.resolve("step4.yaml")).batchItemFailures()).isNotEmpty();

      // The queue redelivers the failed delete events.
      h.forwarder.step(h.objects(SCENARIO.resolve("step1.yaml")));
      var retried = h.step(SCENARIO.resolve("step4.yaml"));

      assertThat(retried.batchItemFailures()).isEmpty();
      assertThat(h.differences(SCENARIO.resolve("step4.expected.json")))
          .as("state after a crash at delete call %d and a retry", crashAt)
          .isEmpty();
    }
  }

  private static int mutatingCallsOf(String step) {
    Harness h = new Harness();
    h.step(SCENARIO.resolve(step));
    return (int) h.calls.mutating(CallCounter.ELBV2);
  }
}
