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
    assertThat(lines.get(0).path("level").asText()).isEqualTo("WARN");
    assertThat(lines.get(0).path("logger").asText())
        .isEqualTo("io.kubernetes.client.informer.cache.Controller");
    assertThat(lines.get(0).path("message").asText()).isEqualTo("watch of nodes ended");
    assertThat(lines.get(0).has("timestamp")).isTrue();
    JsonNode error = lines.get(1);
    assertThat(error.path("level").asText()).isEqualTo("ERROR");
    assertThat(error.path("error").asText())
        .isEqualTo(
            "java.lang.IllegalStateException: stopped; caused by java.io.IOException: socket closed");
    assertThat(error.path("at").asText()).contains("JsonSlf4jProviderTest");
    assertThat(lines.get(2).path("message").asText()).contains("code: 500");
    assertThat(captured.toString(StandardCharsets.UTF_8).lines()).hasSize(3);
  }

  @Test
  void fluentKeyValuesAreTopLevelFieldsInThePowertoolsShape() {
    JsonLog.to(new PrintStream(captured, true, StandardCharsets.UTF_8));

    LoggerFactory.getLogger("dev.lbr.forwarder.Test")
        .atWarn()
        .addKeyValue("stack", "service/default/echo")
        .addKeyValue("error", "bad \"quote\"")
        .log("reconcile-failed");

    JsonNode line = lines().get(0);
    assertThat(line.path("message").asText()).isEqualTo("reconcile-failed");
    assertThat(line.path("level").asText()).isEqualTo("WARN");
    assertThat(line.path("logger").asText()).isEqualTo("dev.lbr.forwarder.Test");
    assertThat(line.path("timestamp").asText()).matches("\\d{4}-\\d{2}-\\d{2}T[0-9:.]{12}Z");
    assertThat(line.path("stack").asText()).isEqualTo("service/default/echo");
    assertThat(line.path("error").asText()).isEqualTo("bad \"quote\"");
  }
}
