package dev.lbr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbr.emulator.EmulatorWorld;
import dev.lbr.reconcile.Runtime;
import dev.lbr.reconcile.RuntimeConfig;
import dev.lbr.testing.AwsEmulator;
import dev.lbr.testing.ExpectedState;
import dev.lbr.testing.RepoPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Scenario 01-echo-nlb through {@code lbr apply --prune}, step by step, against the emulator. */
class ApplyPruneScenarioTest {
  private static final String CLUSTER = "demo";

  @Test
  void everyStepOfTheEchoScenarioYieldsTheExpectedState() throws Exception {
    AwsEmulator.reset();
    EmulatorWorld.World world = EmulatorWorld.prepare(AwsEmulator.clients(), CLUSTER);
    Path scenario = RepoPaths.scenarios().resolve("01-echo-nlb");
    Runtime reader =
        Runtime.create(
            new RuntimeConfig(
                CLUSTER,
                AwsEmulator.region(),
                AwsEmulator.endpoint(),
                "lbr-cli-test",
                world.vpcId()));
    for (int step = 1; step <= 4; step++) {
      Path manifest = Files.createTempFile("step" + step, ".yaml");
      Files.writeString(
          manifest,
          Files.readString(scenario.resolve("step" + step + ".yaml"))
              .replace("${CERT_ARN}", world.certificateArn()));

      int status =
          Lbr.run(
              "apply",
              "--cluster",
              CLUSTER,
              "--endpoint",
              AwsEmulator.endpoint().toString(),
              "--region",
              AwsEmulator.region(),
              "--table",
              "lbr-cli-test",
              "--vpc-id",
              world.vpcId(),
              "--prune",
              "-f",
              manifest.toString());

      assertThat(status).as("exit status of step %d", step).isZero();
      var expected =
          ExpectedState.load(
              scenario.resolve("step" + step + ".expected.json"),
              Map.of("CERT_ARN", world.certificateArn()));
      assertThat(ExpectedState.differences(expected, reader.describe()))
          .as("differences after step %d", step)
          .isEmpty();
    }
  }
}
