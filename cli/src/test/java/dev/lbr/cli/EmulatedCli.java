package dev.lbr.cli;

import dev.lbr.aws.AwsClients;
import dev.lbr.emulator.EmulatorWorld;
import dev.lbr.testing.AwsEmulator;
import dev.lbr.testing.RepoPaths;
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
  static final String CLUSTER = "demo";

  final AwsClients aws = AwsEmulator.clients();
  final EmulatorWorld.World world;
  private final String table = "lbr-cli-" + UUID.randomUUID();

  record Run(int status, String out, String err) {}

  EmulatedCli() {
    AwsEmulator.reset();
    world = EmulatorWorld.prepare(aws, CLUSTER);
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

  /** A scenario step as a manifest file, its certificate placeholder filled in. */
  Path step(String scenario, int step) {
    try {
      return manifest(
          Files.readString(RepoPaths.scenarios().resolve(scenario).resolve("step" + step + ".yaml"))
              .replace("${CERT_ARN}", world.certificateArn()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
