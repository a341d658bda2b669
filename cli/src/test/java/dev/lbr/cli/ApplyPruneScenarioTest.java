package dev.lbr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbr.emulator.EmulatorWorld;
import dev.lbr.event.Manifests;
import dev.lbr.reconcile.Runtime;
import dev.lbr.reconcile.RuntimeConfig;
import dev.lbr.testing.AwsEmulator;
import dev.lbr.testing.ExpectedState;
import dev.lbr.testing.RepoPaths;
import dev.lbr.testing.ScenarioKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every acceptance scenario through {@code lbr apply --prune}, step by step, against the emulator:
 * each step's manifests are the whole cluster, and the state afterwards is exactly the expected
 * one.
 */
class ApplyPruneScenarioTest {
  private static final String CLUSTER = "demo";

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "01-echo-nlb, 4, 0",
    "02-game-2048-alb, 4, 0",
    "03-canary-weighted, 1, 0",
    "04-ssl-redirect, 1, 0",
    "05-nlb-tls-proxy, 1, 0",
    "07-invalid-input, 1, 2",
    "08-instance-mode, 2, 0"
  })
  void everyStepYieldsTheExpectedState(String name, int steps, int exitStatus) throws Exception {
    AwsEmulator.reset();
    EmulatorWorld.World world = EmulatorWorld.prepare(AwsEmulator.clients(), CLUSTER);
    Path scenario = RepoPaths.scenarios().resolve(name);
    Runtime reader =
        Runtime.create(
            new RuntimeConfig(
                CLUSTER,
                AwsEmulator.region(),
                AwsEmulator.endpoint(),
                "lbr-cli-test",
                world.vpcId()));
    Map<String, String> aliases = new TreeMap<>();
    for (int step = 1; step <= steps; step++) {
      Path manifest = Files.createTempFile("step" + step, ".yaml");
      String yaml =
          Files.readString(scenario.resolve("step" + step + ".yaml"))
              .replace("${CERT_ARN}", world.certificateArn());
      Files.writeString(manifest, yaml);
      aliases.putAll(ScenarioKeys.aliases(Manifests.parse(yaml, manifest)));

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

      assertThat(status).as("exit status of step %d", step).isEqualTo(exitStatus);
      var expected =
          ExpectedState.load(
              scenario.resolve("step" + step + ".expected.json"),
              Map.of("CERT_ARN", world.certificateArn()));
      assertThat(
              ExpectedState.differences(expected, ScenarioKeys.rename(reader.describe(), aliases)))
          .as("differences after step %d", step)
          .isEmpty();
    }
  }
}
