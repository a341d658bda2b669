package dev.lbr.cli;

import static org.assertj.core.api.SoftAssertions.assertSoftly;

import dev.lbr.aws.AwsClients;
import dev.lbr.emulator.EmulatorWorld;
import dev.lbr.manifest.Manifests;
import dev.lbr.reconcile.LbrConfig;
import dev.lbr.testing.AwsEmulator;
import dev.lbr.testing.RepoPaths;
import dev.lbr.testing.Scenario;
import dev.lbr.testing.ScenarioCatalog;
import dev.lbr.testing.ScenarioKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every acceptance scenario ({@link ScenarioCatalog}) through {@code lbr apply --prune}, step by
 * step, against the emulator prepared as the scenarios' runner does (cluster {@code scen}, the
 * scenario's network built before step 1): each step's manifests are the whole cluster, and the
 * state afterwards, security groups included, is exactly the expected one.
 */
class ApplyPruneScenarioTest {
  private static final String CLUSTER = "scen";

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.lbr.testing.ScenarioCatalog#enabled")
  void everyStepYieldsTheExpectedState(ScenarioCatalog.Case c) throws Exception {
    AwsEmulator.reset();
    try (AwsClients aws = AwsEmulator.clients()) {
      EmulatorWorld.World world = EmulatorWorld.prepare(aws.ec2(), aws.acm(), CLUSTER);
      Scenario scenario = Scenario.prepare(RepoPaths.scenarios().resolve(c.name()), aws, world);
      Session reader =
          Session.open(
              new LbrConfig(
                  CLUSTER,
                  AwsEmulator.region(),
                  AwsEmulator.endpoint(),
                  "lbr-cli-test",
                  world.vpcId()),
              false);
      Map<String, String> aliases = new TreeMap<>();
      for (int step = 1; step <= c.steps(); step++) {
        Path manifest = scenario.stepFile(step);
        aliases.putAll(ScenarioKeys.aliases(Manifests.parse(Files.readString(manifest), manifest)));

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

        var differences =
            scenario.differences(
                scenario.expected(step), ScenarioKeys.rename(reader.describe(), aliases));
        int n = step;
        assertSoftly(
            s -> {
              s.assertThat(status).as("exit status of step %d", n).isEqualTo(c.applyExitStatus());
              s.assertThat(differences).as("differences after step %d", n).isEmpty();
            });
      }
    }
  }
}
