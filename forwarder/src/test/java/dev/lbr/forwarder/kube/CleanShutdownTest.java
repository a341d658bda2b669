package dev.lbr.forwarder.kube;

import static dev.lbr.forwarder.kube.FakeKubeApiServer.NODES;
import static dev.lbr.forwarder.kube.FakeKubeApiServer.SERVICES;
import static dev.lbr.forwarder.kube.KubeInformersTest.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lbr.forwarder.Forwarder;
import dev.lbr.forwarder.ForwarderOptions;
import dev.lbr.forwarder.publish.JsonLog;
import dev.lbr.k8s.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A forwarder that is stopped (SIGTERM runs Forwarder.close) says so and nothing alarming. */
class CleanShutdownTest {

  private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
  private final PrintStream stderr = System.err;

  @AfterEach
  void restore() {
    System.setErr(stderr);
    JsonLog.to(stderr);
  }

  @Test
  void aCleanShutdownLogsNoWarningErrorOrStackTrace(@TempDir Path dir) throws Exception {
    PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
    System.setErr(capture); // anything written around JsonLog
    JsonLog.to(capture); // JsonLog's lines, slf4j's among them
    try (FakeKubeApiServer api = new FakeKubeApiServer();
        HttpClient http = HttpClient.newHttpClient()) {
      api.apply(SERVICES, Objects.nlbService("shop", "web", "one"));
      api.apply(NODES, Objects.node("node-a"));
      Path kubeconfig = dir.resolve("kubeconfig");
      Files.writeString(kubeconfig, api.kubeconfig());
      ForwarderOptions options =
          ForwarderOptions.parse(
              new String[] {
                "--cluster=c", "--stdout", "--http-port=0", "--kubeconfig=" + kubeconfig
              },
              Map.of());
      KubeChangeSource source =
          new KubeChangeSource(Map.of("POD_NAME", "fwd-0", "POD_NAMESPACE", "lbr"), JsonLog::warn);
      Forwarder forwarder = new Forwarder(options, source, Clock.systemUTC());
      try {
        await("leading", () -> "fwd-0".equals(api.leaseHolder("lbr", "lbr-forwarder")));
        URI metrics = URI.create("http://127.0.0.1:" + forwarder.httpPort() + "/metrics");
        await(
            "the objects and the inventory published",
            () ->
                !get(http, metrics).contains("lbr_forwarder_last_inventory_timestamp_seconds 0\n"));
      } finally {
        forwarder.close();
      }
    }

    List<JsonNode> lines = parse(captured.toString(StandardCharsets.UTF_8));
    assertThat(lines)
        .extracting(l -> l.path("message").asText())
        .contains("forwarder started", "leading", "forwarder stopped");
    assertThat(lines)
        .as("warnings and errors")
        .filteredOn(l -> !l.path("level").asText().equals("INFO"))
        .isEmpty();
    assertThat(captured.toString(StandardCharsets.UTF_8)).doesNotContain("\tat ", "Exception");
  }

  static List<JsonNode> parse(String log) {
    return log.lines()
        .map(
            line -> {
              try {
                JsonNode node = Json.mapper().readTree(line);
                assertThat(node.isObject()).as(line).isTrue();
                return node;
              } catch (IOException e) {
                throw new AssertionError("not a JSON line: " + line, e);
              }
            })
        .toList();
  }

  private static String get(HttpClient http, URI uri) {
    try {
      return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString())
          .body();
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
