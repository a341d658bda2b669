package dev.lbr.forwarder.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lbr.forwarder.kube.FakeKubeApiServer;
import dev.lbr.k8s.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image tarball as a container runtime would see it: its config, and its layers unpacked into a
 * root filesystem from which the forwarder runs with the image's own loader, C library, Java
 * runtime and classpath (nothing from this machine but the kernel).
 */
class ForwarderImageTest {

  private static final Path TARBALL = Path.of("target", "jib-image.tar");

  @TempDir static Path unpacked;
  private static JsonNode config;
  private static Path root;

  @BeforeAll
  static void unpack() throws Exception {
    assertThat(TARBALL)
        .as("the image tarball, built by jib:buildTar in this module's process-classes phase")
        .isRegularFile();
    run("tar", "-xf", TARBALL.toString(), "-C", unpacked.toString());
    JsonNode manifest = Json.mapper().readTree(unpacked.resolve("manifest.json").toFile()).get(0);
    config = Json.mapper().readTree(unpacked.resolve(manifest.get("Config").asText()).toFile());
    root = Files.createDirectories(unpacked.resolve("rootfs"));
    for (JsonNode layer : manifest.get("Layers")) {
      run("tar", "-xzf", unpacked.resolve(layer.asText()).toString(), "-C", root.toString());
    }
  }

  @Test
  void theImageRunsTheForwarderAsANonRootUserWithNoShell() {
    JsonNode c = config.get("config");
    assertThat(c.get("User").asText()).isEqualTo("65532:65532");
    assertThat(strings(c.get("Entrypoint")))
        .startsWith("java")
        .endsWith("dev.lbr.forwarder.Forwarder")
        .as("the small-container flags run wherever the image runs, not only in our Deployment")
        .contains("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:MaxRAMPercentage=33");
    assertThat(strings(c.get("Env"))).contains("PATH=/opt/java/bin", "JAVA_HOME=/opt/java");
    assertThat(c.get("ExposedPorts").has("8080/tcp")).isTrue();
    assertThat(c.get("ExposedPorts").has("9443/tcp")).isTrue();
    assertThat(config.get("os").asText()).isEqualTo("linux");
    assertThat(root.resolve("opt/java/bin/java")).isExecutable();
    assertThat(root.resolve("bin/sh")).doesNotExist();
    assertThat(root.resolve("etc/passwd")).content().contains(":65532:65532:");
  }

  @Test
  void theForwarderStartsFromTheImageAndPublishesWhatTheApiServerHolds() throws Exception {
    try (FakeKubeApiServer api = new FakeKubeApiServer()) {
      api.apply(FakeKubeApiServer.SERVICES, nlbService("shop", "web"));
      Path kubeconfig = unpacked.resolve("kubeconfig");
      Files.writeString(kubeconfig, api.kubeconfig());

      List<String> command = new ArrayList<>();
      command.add(loader().toString());
      command.add("--library-path");
      command.add(root.resolve(libDir()).toString());
      command.add(root.resolve("opt/java/bin/java").toString());
      // The image's own entrypoint after "java", its @classpath-file re-rooted here.
      for (String arg :
          strings(config.get("config").get("Entrypoint")).subList(1, entrypointLength())) {
        command.add(arg.equals("@/app/jib-classpath-file") ? classpath() : arg);
      }
      command.addAll(
          List.of("--stdout", "--cluster", "img", "--kubeconfig", kubeconfig.toString()));
      command.addAll(List.of("--http-port", "0"));
      // The pod readiness gate webhook on a free port (9443 may be taken on a build machine).
      try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
        command.addAll(List.of("--webhook-port", Integer.toString(free.getLocalPort())));
      }
      ProcessBuilder pb = new ProcessBuilder(command);
      pb.environment().put("POD_NAMESPACE", "lbr-system");
      pb.environment().put("POD_NAME", "image-test");
      pb.environment().remove("JAVA_TOOL_OPTIONS");
      Path log = unpacked.resolve("forwarder.log");
      pb.redirectError(log.toFile());
      Process forwarder = pb.start();
      try {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> readLines(forwarder, lines));
        reader.setDaemon(true);
        reader.start();
        String event = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (event == null && System.nanoTime() < deadline && forwarder.isAlive()) {
          String line = lines.poll(1, TimeUnit.SECONDS);
          if (line != null && line.contains("\"detail-type\":\"Service\"")) {
            event = line;
          }
        }
        assertThat(event)
            .as("a Service event on stdout; the forwarder's log:%n%s", Files.readString(log))
            .isNotNull();
        JsonNode envelope = Json.mapper().readTree(event);
        assertThat(envelope.path("detail").path("cluster").asText()).isEqualTo("img");
        assertThat(Files.readString(log))
            .as("the Kubernetes client's warnings have a log binding")
            .doesNotContain("No SLF4J providers");
        assertThat(envelope.path("detail").path("object").path("metadata").path("name").asText())
            .isEqualTo("web");
        // The webhook's certificates: EC keys and X.509 from the image's trimmed runtime.
        long certDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!Files.readString(log).contains("webhook certificates created")
            && System.nanoTime() < certDeadline) {
          Thread.sleep(100);
        }
        assertThat(Files.readString(log)).contains("webhook certificates created");
        assertThat(api.get(FakeKubeApiServer.SECRETS, "lbr-system", "lbr-webhook-tls")).isPresent();
      } finally {
        forwarder.destroy();
        forwarder.waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  private static int entrypointLength() {
    return config.get("config").get("Entrypoint").size();
  }

  /** The dynamic loader the image carries (the Java launcher's ELF interpreter). */
  private static Path loader() throws IOException {
    try (Stream<Path> files = Files.list(root.resolve("lib64"))) {
      return files.filter(p -> p.getFileName().toString().startsWith("ld-linux")).findFirst().get();
    }
  }

  /** Where the image's C library is, relative to its root. */
  private static Path libDir() throws IOException {
    try (Stream<Path> files = Files.walk(root.resolve("lib"))) {
      return root.relativize(
              files.filter(p -> p.getFileName().toString().equals("libc.so.6")).findFirst().get())
          .getParent();
    }
  }

  /** The image's classpath file, its absolute paths re-rooted at the unpacked image. */
  private static String classpath() throws IOException {
    return Arrays.stream(Files.readString(root.resolve("app/jib-classpath-file")).trim().split(":"))
        .map(entry -> root.resolve(entry.substring(1)).toString())
        .collect(Collectors.joining(":"));
  }

  private static void readLines(Process p, BlockingQueue<String> lines) {
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        lines.add(line);
      }
    } catch (IOException e) {
      // the process ended
    }
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static void run(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
    }
  }

  private static ObjectNode nlbService(String ns, String name) {
    ObjectNode s = Json.mapper().createObjectNode();
    s.with("metadata").put("namespace", ns).put("name", name);
    ObjectNode spec = s.with("spec");
    spec.put("type", "LoadBalancer").put("loadBalancerClass", "service.k8s.aws/nlb");
    spec.putArray("ports").addObject().put("port", 80).put("targetPort", 8080);
    return s;
  }
}
