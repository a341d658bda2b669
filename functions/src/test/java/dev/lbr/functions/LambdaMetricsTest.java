package dev.lbr.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lbr.drift.DriftReport;
import dev.lbr.k8s.Json;
import dev.lbr.reconcile.BoundsMetrics;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.cloudwatchlogs.emf.config.EnvironmentConfigurationProvider;
import software.amazon.cloudwatchlogs.emf.environment.Environments;
import software.amazon.lambda.powertools.metrics.MetricsFactory;

/** The functions' metrics: embedded-metric-format lines, as Monitoring's alarms expect them. */
class LambdaMetricsTest {
  private static final LambdaMetrics METRICS =
      new LambdaMetrics(MetricsFactory.getMetricsInstance(), "prod");

  @BeforeAll
  static void writeToStdoutAsInLambda() {
    EnvironmentConfigurationProvider.getConfig().setEnvironmentOverride(Environments.Lambda);
  }

  @Test
  void aBoundsCountIsOneLineInTheReconcileNamespaceWithItsFields() throws Exception {
    JsonNode line =
        onlyLine(
            () ->
                METRICS.count(
                    BoundsMetrics.DELETIONS_HELD,
                    Map.of("stack", "service/default/echo", "reason", "budget \"spent\"")));

    JsonNode directive = line.at("/_aws/CloudWatchMetrics/0");
    assertThat(directive.path("Namespace").asText()).isEqualTo("lbr/reconcile");
    assertThat(directive.path("Dimensions").toString()).isEqualTo("[[\"Cluster\"]]");
    assertThat(directive.at("/Metrics/0/Name").asText()).isEqualTo("DeletionsHeld");
    assertThat(line.path("Cluster").asText()).isEqualTo("prod");
    assertThat(line.path("DeletionsHeld").asDouble()).isEqualTo(1.0);
    assertThat(line.path("stack").asText()).isEqualTo("service/default/echo");
    assertThat(line.path("reason").asText()).isEqualTo("budget \"spent\"");
  }

  @Test
  void aDriftRunsCountsAreOneLineInTheDriftNamespace() throws Exception {
    DriftReport report =
        new DriftReport(
            "prod", Instant.EPOCH, Instant.EPOCH.plusSeconds(5), false, List.of(), true, false);

    JsonNode line = onlyLine(() -> METRICS.publish(report));

    JsonNode directive = line.at("/_aws/CloudWatchMetrics/0");
    assertThat(directive.path("Namespace").asText()).isEqualTo("lbr/drift");
    assertThat(directive.path("Dimensions").toString()).isEqualTo("[[\"Cluster\"]]");
    assertThat(directive.path("Metrics")).hasSize(report.counts().size());
    assertThat(line.path("StacksChecked").asDouble()).isZero();
    assertThat(line.path("event").asText()).isEqualTo("drift-run");
    assertThat(line.path("complete").asBoolean()).isTrue();
  }

  private static JsonNode onlyLine(Runnable emit) throws Exception {
    PrintStream stdout = System.out;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    try {
      emit.run();
    } finally {
      System.setOut(stdout);
    }
    List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(lines).hasSize(1);
    return Json.mapper().readTree(lines.get(0));
  }
}
