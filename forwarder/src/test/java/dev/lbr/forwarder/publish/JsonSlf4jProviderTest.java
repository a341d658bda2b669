package dev.lbr.forwarder.publish;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lbr.k8s.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class JsonSlf4jProviderTest {

  private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

  @AfterEach
  void restore() {
    JsonLog.to(System.err);
  }

  private List<JsonNode> lines() {
    return captured
        .toString(StandardCharsets.UTF_8)
        .lines()
        .map(
            line -> {
              try {
                return Json.mapper().readTree(line);
              } catch (IOException e) {
                throw new AssertionError("not JSON: " + line, e);
              }
            })
        .toList();
  }

  @Test
  void libraryLogsBecomeJsonLinesFromWarnUpWithTheErrorOnOneLine() {
    JsonLog.to(new PrintStream(captured, true, StandardCharsets.UTF_8));
    Logger logger = LoggerFactory.getLogger("io.kubernetes.client.informer.cache.Controller");

    logger.info("re-listing {}", "services");
    logger.debug("details");
    logger.warn("watch of {} ended", "nodes");
    logger.error(
        "processor interrupted: {}",
        new IllegalStateException("stopped", new IOException("socket closed")));
    logger.error("status:\nclass V1Status {\n    code: 500\n}");

    List<JsonNode> lines = lines();
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0).path("level").asText()).isEqualTo("warn");
    assertThat(lines.get(0).path("logger").asText())
        .isEqualTo("io.kubernetes.client.informer.cache.Controller");
    assertThat(lines.get(0).path("msg").asText()).isEqualTo("watch of nodes ended");
    assertThat(lines.get(0).has("time")).isTrue();
    JsonNode error = lines.get(1);
    assertThat(error.path("level").asText()).isEqualTo("error");
    assertThat(error.path("error").asText())
        .isEqualTo(
            "java.lang.IllegalStateException: stopped; caused by java.io.IOException: socket closed");
    assertThat(error.path("at").asText()).contains("JsonSlf4jProviderTest");
    assertThat(lines.get(2).path("msg").asText()).contains("code: 500");
    assertThat(captured.toString(StandardCharsets.UTF_8).lines()).hasSize(3);
  }
}
