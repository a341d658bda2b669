package dev.lbr.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lbr.aws.AwsClients;
import dev.lbr.emulator.EmulatorWorld.World;
import dev.lbr.emulator.NetworkSpec;
import dev.lbr.emulator.PreparedNetwork;
import dev.lbr.emulator.ScenarioNetwork;
import dev.lbr.emulator.ScenarioTexts;
import dev.lbr.k8s.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * One acceptance scenario prepared in an emulated account, as the README's runner does it: the
 * scenario's network built in the prepared VPC before step 1, its step and expected files rewritten
 * for that network, and each step's state compared with the expectation, security groups included.
 * The caller owns the clients and keeps them open while this is used.
 */
public final class Scenario {
  private final Path dir;
  private final Ec2Client ec2;
  private final World world;
  private final PreparedNetwork network;
  private final ScenarioTexts texts;

  private Scenario(
      Path dir, Ec2Client ec2, World world, PreparedNetwork network, ScenarioTexts texts) {
    this.dir = dir;
    this.ec2 = ec2;
    this.world = world;
    this.network = network;
    this.texts = texts;
  }

  /** Builds the network of the scenario folder {@code dir} in {@code world} (freshly prepared). */
  public static Scenario prepare(Path dir, AwsClients clients, World world) {
    PreparedNetwork network =
        ScenarioNetwork.build(clients.ec2(), world, NetworkSpec.forScenario(dir));
    List<String> steps = stepFiles(dir).stream().map(Scenario::read).toList();
    ScenarioTexts texts =
        ScenarioTexts.of(network, Map.of("CERT_ARN", world.certificateArn()), steps);
    return new Scenario(dir, clients.ec2(), world, network, texts);
  }

  public Path dir() {
    return dir;
  }

  public PreparedNetwork network() {
    return network;
  }

  /** A step or expected file's text, rewritten for the prepared network and certificate. */
  public String text(Path file) {
    return texts.rewrite(read(file));
  }

  /** {@code stepN.yaml}, rewritten. */
  public String step(int step) {
    return text(dir.resolve("step" + step + ".yaml"));
  }

  /** {@code stepN.yaml}, rewritten into a temporary file (deleted when the JVM exits). */
  public Path stepFile(int step) {
    try {
      Path file = Files.createTempFile("step" + step + "-", ".yaml");
      file.toFile().deleteOnExit();
      return Files.writeString(file, step(step));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code stepN.expected.json}, rewritten. */
  public JsonNode expected(int step) {
    return expected(dir.resolve("step" + step + ".expected.json"));
  }

  public JsonNode expected(Path file) {
    try {
      return Json.mapper().readTree(text(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Every difference between the expectation and what exists, one line each: the steps' Nodes
   * against {@code network.json}, the state view ({@link ExpectedState}) and the security groups
   * ({@link SecurityGroupCheck}, read now with the test's EC2 client). Made-up instance ids show as
   * the scenario files write them.
   */
  public List<String> differences(JsonNode expected, JsonNode stateView) {
    List<String> lines = new ArrayList<>(texts.problems());
    lines.addAll(ExpectedState.differences(expected, stateView));
    SecurityGroupSnapshot groups =
        SecurityGroupSnapshot.read(
            ec2, world.vpcId(), network, SecurityGroupCheck.needsGroups(expected));
    lines.addAll(
        SecurityGroupCheck.differences(expected, stateView, groups, network, world.cluster()));
    return lines.stream().map(texts::restore).toList();
  }

  private static List<Path> stepFiles(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(f -> f.getFileName().toString().matches("step\\d+\\.yaml"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
