package dev.lbr.functions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbr.aws.CallCounter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The Ingress → ALB scenarios through the reconcile function, step by step. */
class AlbScenariosTest {

  @Test
  void game2048FollowsScalingAndTheIngressDeletion() {
    runAll("02-game-2048-alb", 4);
  }

  @Test
  void weightedCanaryInAnExplicitGroup() {
    runAll("03-canary-weighted", 1);
  }

  @Test
  void sslRedirectLeavesOnlyTheRedirectOnHttp() {
    runAll("04-ssl-redirect", 1);
  }

  @Test
  void anInvalidIngressIsReportedAndTheValidStackBesideItIsStillReconciled() {
    runAll("07-invalid-input", 1);
  }

  @Test
  void reapplyingAnUnchangedAlbStepMakesNoAwsCallAtAll() {
    Path scenario = Harness.scenario("02-game-2048-alb");
    Harness h = new Harness();
    h.step(scenario.resolve("step1.yaml"));
    h.calls.reset();

    var response = h.step(scenario.resolve("step1.yaml"));

    assertThat(response.batchItemFailures()).isEmpty();
    assertThat(h.calls.total(CallCounter.ELBV2)).as("ELBv2 calls, describes included").isZero();
    assertThat(h.calls.total(CallCounter.EC2)).as("EC2 calls").isZero();
  }

  @Test
  void scalingAnAlbBackendOnlyTouchesTargets() {
    Path scenario = Harness.scenario("02-game-2048-alb");
    Harness h = new Harness();
    h.step(scenario.resolve("step1.yaml"));
    h.calls.reset();

    h.step(scenario.resolve("step2.yaml"));

    assertThat(h.calls.count(CallCounter.ELBV2, "RegisterTargets")).isEqualTo(1);
    assertThat(h.calls.total(CallCounter.ELBV2)).as("only the registration").isEqualTo(1);
    assertThat(h.differences(scenario.resolve("step2.expected.json"))).isEmpty();
  }

  private static void runAll(String name, int steps) {
    new Harness().playsScenario(name, steps);
  }
}
