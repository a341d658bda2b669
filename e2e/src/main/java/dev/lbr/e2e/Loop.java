package dev.lbr.e2e;

import dev.lbr.aws.AwsClients;
import dev.lbr.emulator.EmulatorWorld;
import dev.lbr.forwarder.kube.FakeKubeApiServer;
import dev.lbr.testing.AwsEmulator;
import dev.lbr.testing.RepoPaths;
import dev.lbr.testing.Scenario;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The whole loop as a user runs it: an in-test Kubernetes API server, {@code lbr serve} and {@code
 * forwarder.jar} as their own processes, configured only by flags and environment, on the emulator.
 * A scenario's network ({@code network.json}) is built first, as a real cluster has it.
 */
public final class Loop implements AutoCloseable {
  /** The scenarios' cluster: their network.json and expected files spell it out. */
  public static final String CLUSTER = "scen";

  private static final Pattern BUS = Pattern.compile("bus=(\\S+)");
  private static final Pattern STATUS_QUEUE = Pattern.compile("status-queue=(\\S+)");

  public final FakeKubeApiServer api;
  public final Kubectl kube;
  public final AwsClients aws;
  public final EmulatorWorld.World world;
  public final Scenario scenario;
  private final Path dir;
  private final List<Process> processes = new ArrayList<>();
  private Process forwarder;
  private String bus;
  private String statusQueue;
  private int forwarderPort;
  private int webhookPort;

  private Loop(Path scenarioDir) throws IOException {
    AwsEmulator.reset();
    aws = AwsEmulator.clients();
    world = EmulatorWorld.prepare(aws.ec2(), aws.acm(), CLUSTER);
    scenario = scenarioDir == null ? null : Scenario.prepare(scenarioDir, aws, world);
    api = new FakeKubeApiServer();
    kube = new Kubectl(api.url());
    dir = Files.createTempDirectory("lbr-loop");
  }

  /** The emulator prepared (and the scenario's network built, when given); nothing running yet. */
  public static Loop prepare(Path scenarioDir) throws IOException {
    return new Loop(scenarioDir);
  }

  /** Starts {@code lbr serve} and waits for its ready line. */
  public Loop startServe(Duration driftInterval) throws IOException, InterruptedException {
    Path log = dir.resolve("serve.log");
    Process p =
        start(
            List.of(
                "-jar",
                jar("cli/target/lbr.jar").toString(),
                "serve",
                "--cluster",
                CLUSTER,
                "--endpoint",
                AwsEmulator.endpoint().toString(),
                "--region",
                AwsEmulator.region(),
                "--vpc-id",
                world.vpcId(),
                "--drift-interval",
                driftInterval.toSeconds() + "s"),
            Map.of(),
            log);
    String ready = awaitLine(p, log, "ready", Duration.ofSeconds(90));
    bus = group(BUS, ready);
    statusQueue = group(STATUS_QUEUE, ready);
    return this;
  }

  /** Starts the forwarder with a 200 ms coalescing window (tests: quicker, same behaviour). */
  public Loop startForwarder() throws IOException {
    return startForwarder(Duration.ofMillis(200));
  }

  /** Starts the forwarder as its Deployment does (environment only), pointed at serve's queue. */
  public Loop startForwarder(Duration coalesceWindow) throws IOException {
    Path kubeconfig = dir.resolve("kubeconfig");
    Files.writeString(kubeconfig, api.kubeconfig());
    forwarderPort = freePort();
    webhookPort = freePort();
    // the webhook Service of forwarder/deploy/40-webhook.yaml is this process
    api.webhookEndpoint(
        "lbr-system", "lbr-webhook", URI.create("https://127.0.0.1:" + webhookPort));
    forwarder =
        start(
            List.of("-jar", jar("forwarder/target/forwarder.jar").toString()),
            Map.ofEntries(
                Map.entry("CLUSTER_NAME", CLUSTER),
                Map.entry("EVENT_BUS_NAME", bus),
                Map.entry("STATUS_QUEUE_URL", statusQueue),
                Map.entry("LBR_ENDPOINT", AwsEmulator.endpoint().toString()),
                Map.entry("KUBECONFIG", kubeconfig.toString()),
                Map.entry("HTTP_PORT", Integer.toString(forwarderPort)),
                Map.entry("WEBHOOK_PORT", Integer.toString(webhookPort)),
                Map.entry("COALESCE_WINDOW", coalesceWindow.toMillis() + "ms"),
                Map.entry("POD_NAMESPACE", "lbr-system"),
                Map.entry("POD_NAME", "lbr-forwarder-0")),
            dir.resolve("forwarder.log"));
    return this;
  }

  public int forwarderPort() {
    return forwarderPort;
  }

  public String statusQueue() {
    return statusQueue;
  }

  /**
   * Polls {@code condition} until it holds; fails naming {@code what}, with the processes' logs.
   */
  public void await(String what, Duration timeout, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    RuntimeException last = null;
    while (System.nanoTime() < deadline) {
      try {
        if (condition.getAsBoolean()) {
          return;
        }
        last = null;
      } catch (RuntimeException e) {
        last = e;
      }
      sleep(50);
    }
    throw new AssertionError("timed out waiting for " + what + "\n" + logs(), last);
  }

  /** The tail of every process's log, for failure messages. */
  public String logs() {
    StringBuilder out = new StringBuilder();
    for (String name : List.of("serve.log", "forwarder.log")) {
      Path file = dir.resolve(name);
      try {
        List<String> lines = Files.exists(file) ? Files.readAllLines(file) : List.of();
        out.append("--- ").append(name).append(" (last 40 lines)\n");
        lines
            .subList(Math.max(0, lines.size() - 40), lines.size())
            .forEach(l -> out.append(l).append('\n'));
      } catch (IOException e) {
        out.append("(unreadable: ").append(e).append(")\n");
      }
    }
    return out.toString();
  }

  /** The forwarder's log lines so far. */
  public List<String> forwarderLog() throws IOException {
    return Files.readAllLines(dir.resolve("forwarder.log"));
  }

  /** Sends SIGTERM to the forwarder and waits for it to exit; returns its exit code. */
  public int stopForwarder() throws InterruptedException {
    forwarder.destroy();
    if (!forwarder.waitFor(30, TimeUnit.SECONDS)) {
      forwarder.destroyForcibly();
    }
    return forwarder.exitValue();
  }

  @Override
  public void close() throws Exception {
    for (Process p : processes) {
      p.destroy();
    }
    for (Process p : processes) {
      if (!p.waitFor(20, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
    }
    api.close();
    aws.close();
  }

  private Process start(List<String> args, Map<String, String> env, Path log) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-XX:+UseSerialGC");
    command.add("-XX:TieredStopAtLevel=1");
    command.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.redirectOutput(log.toFile());
    pb.environment().putAll(env);
    pb.environment().put("AWS_REGION", AwsEmulator.region());
    pb.environment().put("AWS_ACCESS_KEY_ID", "test");
    pb.environment().put("AWS_SECRET_ACCESS_KEY", "test");
    pb.environment().remove("JAVA_TOOL_OPTIONS");
    Process p = pb.start();
    processes.add(p);
    return p;
  }

  private static Path jar(String relative) {
    Path jar = RepoPaths.root().resolve(relative);
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("no " + jar + ": build it first (./mvnw package)");
    }
    return jar;
  }

  private String awaitLine(Process p, Path log, String word, Duration timeout) throws IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      for (String line : Files.readAllLines(log)) {
        if (line.contains(word) && line.contains("bus=")) {
          return line;
        }
      }
      if (!p.isAlive()) {
        throw new IllegalStateException("the process exited with " + p.exitValue() + "\n" + logs());
      }
      sleep(100);
    }
    throw new IllegalStateException("no ready line within " + timeout + "\n" + logs());
  }

  private static String group(Pattern pattern, String line) {
    Matcher m = pattern.matcher(line);
    if (!m.find()) {
      throw new IllegalStateException("the ready line lacks " + pattern + ": " + line);
    }
    return m.group(1);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
