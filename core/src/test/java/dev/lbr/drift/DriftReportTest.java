package dev.lbr.drift;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lbr.model.StackId;
import dev.lbr.plan.DriftFinding;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DriftReportTest {
  private static final Instant T = Instant.parse("2026-11-22T00:00:00Z");

  private static final DriftReport REPORT =
      new DriftReport(
          "prod",
          T,
          T.plusSeconds(3),
          false,
          List.of(
              new StackDrift(
                  StackId.parse("service/default/clean"),
                  StackDrift.Outcome.CLEAN,
                  List.of(),
                  List.of(),
                  null),
              new StackDrift(
                  StackId.parse("service/default/echo"),
                  StackDrift.Outcome.REPAIRED,
                  List.of(
                      new DriftFinding(
                          "target group default/echo:80",
                          "target 10.0.0.1:80",
                          "registered",
                          "absent",
                          "register 1 target(s)")),
                  List.of("register 1 target(s) in default/echo:80: [10.0.0.1:80]"),
                  null)),
          true,
          false);

  @Test
  void theStoredReportListsOnlyStacksThatWereNotClean() throws Exception {
    JsonNode json = REPORT.toJson();

    assertThat(json.get("stacks")).hasSize(1);
    assertThat(json.at("/stacks/0/drift/0/field").asText()).isEqualTo("target 10.0.0.1:80");
    assertThat(json.at("/counts/StacksChecked").asLong()).isEqualTo(2);
    assertThat(json.at("/counts/StacksRepaired").asLong()).isEqualTo(1);
  }

  @Test
  void theCountsAreTheRunsMetricsByName() {
    assertThat(REPORT.counts())
        .containsOnlyKeys(
            "StacksChecked",
            "StacksDrifted",
            "StacksRepaired",
            "StacksFailed",
            "OrphansWaiting",
            "GcDeleted",
            "GcRefused")
        .containsEntry("StacksDrifted", 1L)
        .containsEntry("GcDeleted", 0L);
  }

  @Test
  void theTextShowsEachFindingAndWhatWasDone() {
    assertThat(REPORT.toText())
        .contains("✓ service/default/echo: repaired")
        .contains("target 10.0.0.1:80: expected registered, found absent")
        .contains("done: register 1 target(s)")
        .contains("= service/default/clean: clean");
  }
}
