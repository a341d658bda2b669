package dev.lbr.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lbr.k8s.Json;
import dev.lbr.k8s.Kind;
import dev.lbr.testing.RepoPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EventSamplesTest {

  private final EventValidator validator = new EventValidator("demo");

  static List<Path> sampleFiles() throws IOException {
    try (Stream<Path> files = Files.list(RepoPaths.events())) {
      return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
    }
  }

  @ParameterizedTest
  @MethodSource("sampleFiles")
  void everySampleIsAValidEventOfClusterDemo(Path file) throws IOException {
    ClusterEvent event = validator.parse(Files.readString(file));

    assertThat(event.cluster()).isEqualTo("demo");
  }

  @ParameterizedTest
  @MethodSource("sampleFiles")
  void everySampleIsWhatTheBuilderMakesOfItsOwnContent(Path file) throws IOException {
    String json = Files.readString(file);
    Instant time = Instant.parse(Json.mapper().readTree(json).path("time").asText());

    String rebuilt =
        switch (validator.parse(json)) {
          case ObjectEvent e when e.object() != null ->
              Events.envelope(e.cluster(), e.object(), e.op(), time);
          case ObjectEvent e ->
              Events.deleteEnvelope(e.cluster(), e.key(), e.uid(), e.resourceVersion(), time);
          case InventoryEvent e ->
              Events.inventory(e.cluster(), e.generatedAt(), e.resourceVersion(), e.keys());
        };

    assertThat(Json.mapper().readTree(rebuilt)).isEqualTo(Json.mapper().readTree(json));
  }

  @Test
  void everyKindAndOperationHasASampleAndThereIsAnInventory() throws IOException {
    Set<String> seen = new HashSet<>();
    for (Path file : sampleFiles()) {
      switch (validator.parse(Files.readString(file))) {
        case ObjectEvent e -> seen.add(e.key().kind().wireName() + "/" + e.op().wireName());
        case InventoryEvent e -> seen.add("Inventory");
      }
    }

    Set<String> expected = new HashSet<>(Set.of("Inventory"));
    for (Kind kind : Kind.values()) {
      for (Operation op : Operation.values()) {
        expected.add(kind.wireName() + "/" + op.wireName());
      }
    }
    assertThat(seen).isEqualTo(expected);
  }

  @Test
  void theSamplesAreUpToDateWithTheirSourceObjects() throws IOException {
    Map<String, String> generated = WriteEventSamples.samples();

    assertThat(sampleFiles())
        .extracting(f -> f.getFileName().toString())
        .containsExactlyInAnyOrderElementsOf(generated.keySet());
    for (Map.Entry<String, String> e : generated.entrySet()) {
      String stored = Files.readString(RepoPaths.events().resolve(e.getKey()));
      assertThat(stored)
          .as("events/%s (regenerate with WriteEventSamples)", e.getKey())
          .isEqualTo(WriteEventSamples.pretty(e.getValue()));
    }
  }

  @Test
  void theServiceSampleCarriesScenarioOnesServiceTrimmedToWhatTheReconcilerReads()
      throws IOException {
    JsonNode object =
        Json.mapper()
            .readTree(Files.readString(RepoPaths.events().resolve("service-upsert.json")))
            .path("detail")
            .path("object");

    assertThat(object.path("metadata").path("name").asText()).isEqualTo("svc-nlb-ip-type");
    assertThat(object.path("metadata").path("namespace").asText()).isEqualTo("default");
    assertThat(object.path("metadata").has("managedFields")).isFalse();
    assertThat(object.path("metadata").has("finalizers")).isFalse();
    assertThat(object.path("spec").has("clusterIP")).isFalse();
    assertThat(object.has("status")).isFalse();
    assertThat(object.path("spec").path("ports").get(0).path("targetPort").asInt()).isEqualTo(8080);
  }
}
