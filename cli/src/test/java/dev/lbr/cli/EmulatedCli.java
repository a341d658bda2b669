package dev.lbr.cli;

import dev.lbr.aws.AwsClients;
import dev.lbr.emulator.EmulatorWorld;
import dev.lbr.testing.AwsEmulator;
import dev.lbr.testing.RepoPaths;
import dev.lbr.testing.Scenario;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * An emulated account prepared like the scenario runner's, and {@code lbr} run in-process against
 * it with its own state table, capturing what it prints.
 */
final class EmulatedCli implements AutoCloseable {
  /** The scenarios' cluster: their network.json and expected files spell it out. */
  static final String CLUSTER = "scen";

  final AwsClients aws = AwsEmulator.clients();
  final EmulatorWorld.World world;
  private final String table = "lbr-cli-" + UUID.randomUUID();

  /** The scenario whose network this account holds (one per instance), built at first use. */
  private Scenario scenario;

  record Run(int status, String out, String err) {}

  EmulatedCli() {
    AwsEmulator.reset();
    world = EmulatorWorld.prepare(aws.ec2(), aws.acm(), CLUSTER);
  }

  /** The state table this instance's commands use. */
  String table() {
    return table;
  }

  /** {@code lbr <command> <args> --cluster ... --endpoint ...}: the emulator and this table. */
  Run lbr(String command, String... args) {
    List<String> line = new ArrayList<>(List.of(command));
    line.addAll(List.of(args));
    line.addAll(
        List.of(
            "--cluster",
            CLUSTER,
            "--endpoint",
            AwsEmulator.endpoint().toString(),
            "--region",
            AwsEmulator.region(),
            "--table",
            table,
            "--vpc-id",
            world.vpcId()));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream stdout = System.out;
    PrintStream stderr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      int status = Lbr.run(line.toArray(String[]::new));
      return new Run(
          status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(stdout);
      System.setErr(stderr);
    }
  }

  /** A scenario step as a manifest file, rewritten for the scenario's network (built first). */
  Path step(String name, int step) {
    return scenario(name).stepFile(step);
  }

  /** The scenario, its network built in this account at the first call (one per instance). */
  Scenario scenario(String name) {
    Path dir = RepoPaths.scenarios().resolve(name);
    if (scenario == null) {
      scenario = Scenario.prepare(dir, aws, world);
    } else if (!scenario.dir().equals(dir)) {
      throw new IllegalStateException("this account holds the network of " + scenario.dir());
    }
    return scenario;
  }

  static Path manifest(String yaml) {
    try {
      Path file = Files.createTempFile("lbr-cli", ".yaml");
      Files.writeString(file, yaml);
      file.toFile().deleteOnExit();
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    aws.close();
  }
}
