package dev.lbr.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lbr.drift.DriftOptions;
import dev.lbr.k8s.Json;
import java.io.StringWriter;
import java.util.Map;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The functions' log lines: SLF4J through Powertools' JSON layout (log4j2.properties). */
class StructuredLogTest {
  private final StringWriter out = new StringWriter();
  private Configuration config;
  private Appender capture;

  @BeforeEach
  void captureTheJsonAppender() {
    config = ((LoggerContext) LogManager.getContext(false)).getConfiguration();
    Appender json = config.getAppender("JsonAppender");
    assertThat(json).as("log4j2.properties' appender").isNotNull();
    capture =
        WriterAppender.newBuilder()
            .setName("capture")
            .setLayout(json.getLayout())
            .setTarget(out)
            .build();
    capture.start();
    config.getLoggerConfig("dev.lbr").addAppender(capture, null, null);
  }

  @AfterEach
  void release() {
    config.getLoggerConfig("dev.lbr").removeAppender("capture");
    capture.stop();
  }

  @Test
  void aKeyValueWithAQuoteIsATopLevelFieldOfValidJson() throws Exception {
    LoggerFactory.getLogger("dev.lbr.reconcile.EventProcessor")
        .atWarn()
        .addKeyValue("stack", "service/default/echo")
        .addKeyValue("error", "Invalid \"name\": {x}\nnext line")
        .log("reconcile-failed");

    String text = out.toString().strip();
    assertThat(text).doesNotContain("\n");
    JsonNode line = Json.mapper().readTree(text);
    assertThat(line.path("message").asText()).isEqualTo("reconcile-failed");
    assertThat(line.path("level").asText()).isEqualTo("WARN");
    assertThat(line.path("logger").asText()).isEqualTo("dev.lbr.reconcile.EventProcessor");
    assertThat(line.has("timestamp")).isTrue();
    assertThat(line.path("stack").asText()).isEqualTo("service/default/echo");
    assertThat(line.path("error").asText()).isEqualTo("Invalid \"name\": {x}\nnext line");
  }

  @Test
  void theDriftReportIsOneJsonObjectInsideItsLogLine() throws Exception {
    Harness h = new Harness();
    h.playsScenario("01-echo-nlb", 1);

    new DriftHandler(h.lbr.controller(), DriftOptions.defaults(), h.clock)
        .handleRequest(Map.of(), null);

    JsonNode report =
        out.toString()
            .lines()
            .map(line -> Json.read(line, JsonNode.class))
            .filter(line -> line.path("message").asText().equals("drift-report"))
            .findFirst()
            .orElseThrow()
            .path("report");
    assertThat(report.isObject()).as("the report is JSON, not a string").isTrue();
    assertThat(report.path("cluster").asText()).isEqualTo(Harness.CLUSTER);
    assertThat(report.path("counts").path("StacksChecked").asInt()).isEqualTo(1);
  }
}
