package dev.lbr.forwarder.kube;

import static dev.lbr.forwarder.kube.FakeKubeApiServer.INGRESSES;
import static dev.lbr.forwarder.kube.FakeKubeApiServer.NODES;
import static dev.lbr.forwarder.kube.FakeKubeApiServer.SERVICES;
import static dev.lbr.forwarder.kube.KubeInformersTest.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lbr.forwarder.kube.FakeKubeApiServer.Failure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The forwarder's process, as the Deployment runs it: everything on stderr is a JSON line. */
class JsonStderrTest {

  @Test
  void everyLineARunWritesToStderrIsOneJsonObject(@TempDir Path dir) throws Exception {
    try (FakeKubeApiServer api = new FakeKubeApiServer()) {
      api.apply(SERVICES, Objects.nlbService("shop", "web", "one"));
      api.fail(NODES, Failure.ERROR_EVENT); // client-java logs an ERROR of its own
      api.fail(INGRESSES, Failure.GARBAGE); // and the forwarder a failing list
      Path kubeconfig = dir.resolve("kubeconfig");
      Files.writeString(kubeconfig, api.kubeconfig());
      Path stdout = dir.resolve("stdout");
      Path stderr = dir.resolve("stderr");
      ProcessBuilder pb =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-cp",
                  System.getProperty("java.class.path"),
                  "dev.lbr.forwarder.Forwarder",
                  "--stdout",
                  "--cluster=c",
                  "--http-port=0",
                  "--kubeconfig=" + kubeconfig)
              .redirectOutput(stdout.toFile())
              .redirectError(stderr.toFile());
      pb.environment().remove("JAVA_TOOL_OPTIONS");
      pb.environment().put("POD_NAME", "fwd-0");
      pb.environment().put("POD_NAMESPACE", "lbr");
      Process forwarder = pb.start();
      try {
        await(
            "the Service published and client-java's error logged",
            () ->
                read(stdout).contains("\"name\":\"web\"")
                    && read(stderr).contains("got ERROR event")
                    && read(stderr).contains("ingresses list failing"));
      } finally {
        forwarder.destroy(); // SIGTERM: the shutdown hook closes the forwarder
        assertThat(forwarder.waitFor(30, TimeUnit.SECONDS)).isTrue();
      }

      String log = read(stderr);
      List<JsonNode> lines = CleanShutdownTest.parse(log);
      assertThat(lines)
          .allSatisfy(
              l ->
                  assertThat(l.properties())
                      .extracting(java.util.Map.Entry::getKey)
                      .contains("timestamp", "level", "logger", "message"))
          .extracting(l -> l.path("logger").asText())
          .contains("forwarder", "io.kubernetes.client.informer.cache.ReflectorRunnable");
      assertThat(lines.get(lines.size() - 1).path("message").asText())
          .isEqualTo("forwarder stopped");
    }
  }

  private static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file) : "";
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }
}
