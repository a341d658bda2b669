package dev.lbr.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lbr.k8s.Json;
import dev.lbr.k8s.K8sObject;
import dev.lbr.k8s.K8sService;
import dev.lbr.k8s.Kind;
import dev.lbr.k8s.ObjectKey;
import dev.lbr.k8s.ObjectMeta;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EventsTest {

  private static final Instant NOON = Instant.parse("2025-06-01T12:00:00.123Z");

  private static JsonNode tree(String json) throws IOException {
    return Json.mapper().readTree(json);
  }

  @Test
  void theSameChangeAlwaysGetsTheSameId() throws IOException {
    K8sService service = EventValidatorTest.service("1001");

    String a = Events.envelope("demo", service, Operation.UPSERT, NOON);
    String b = Events.envelope("demo", service, Operation.UPSERT, NOON.plusSeconds(60));

    assertThat(tree(a).path("id")).isEqualTo(tree(b).path("id"));
  }

  @Test
  void anotherResourceVersionOperationOrClusterGetsAnotherId() throws IOException {
    String base =
        tree(Events.envelope("demo", EventValidatorTest.service("1"), Operation.UPSERT))
            .path("id")
            .asText();

    assertThat(
            List.of(
                Events.envelope("demo", EventValidatorTest.service("2"), Operation.UPSERT),
                Events.envelope("demo", EventValidatorTest.service("1"), Operation.DELETE),
                Events.envelope("prod", EventValidatorTest.service("1"), Operation.UPSERT)))
        .extracting(json -> tree(json).path("id").asText())
        .doesNotContain(base)
        .doesNotHaveDuplicates();
  }

  @Test
  void usesTheEpochWhenNoTimeIsGivenAndSecondsOtherwise() throws IOException {
    K8sService service = EventValidatorTest.service("1");

    assertThat(tree(Events.envelope("demo", service, Operation.UPSERT)).path("time").asText())
        .isEqualTo("1970-01-01T00:00:00Z");
    assertThat(tree(Events.envelope("demo", service, Operation.UPSERT, NOON)).path("time").asText())
        .isEqualTo("2025-06-01T12:00:00Z");
  }

  @Test
  void writesTheStandardEnvelope() throws IOException {
    JsonNode envelope =
        tree(Events.envelope("demo", EventValidatorTest.service("1"), Operation.UPSERT));

    assertThat(envelope.properties())
        .extracting(e -> e.getKey())
        .containsExactly(
            "version",
            "id",
            "detail-type",
            "source",
            "account",
            "time",
            "region",
            "resources",
            "detail");
    assertThat(envelope.path("source").asText()).isEqualTo(EventContract.SOURCE);
    assertThat(envelope.path("detail-type").asText()).isEqualTo("Service");
    assertThat(envelope.path("detail").path("schemaVersion").asInt())
        .isEqualTo(EventContract.SCHEMA_VERSION);
  }

  @Test
  void aDeleteWithoutObjectCarriesTheKeyAndTheResourceVersionOnly() throws IOException {
    JsonNode detail =
        tree(Events.deleteEnvelope(
                "demo", new ObjectKey(Kind.NODE, "", "node-a"), "u-1", "77", NOON))
            .path("detail");

    assertThat(detail.has("namespace")).isFalse();
    assertThat(detail.has("object")).isFalse();
    assertThat(detail.path("name").asText()).isEqualTo("node-a");
    assertThat(detail.path("resourceVersion").asText()).isEqualTo("77");
    assertThat(detail.path("operation").asText()).isEqualTo("delete");
  }

  @Test
  void anInventoryListsSortedKeysOfTheReportedKindsOnly() throws IOException {
    Map<Kind, List<ObjectKey>> keys =
        Map.of(
            Kind.SERVICE,
            List.of(
                new ObjectKey(Kind.SERVICE, "web", "b"),
                new ObjectKey(Kind.SERVICE, "default", "z")),
            Kind.NODE,
            List.of());

    JsonNode detail = tree(Events.inventory("demo", NOON, "500", keys)).path("detail");

    assertThat(detail.path("keys").toString())
        .isEqualTo("{\"Service\":[\"default/z\",\"web/b\"],\"Node\":[]}");
    assertThat(detail.path("generatedAt").asText()).isEqualTo("2025-06-01T12:00:00Z");
    assertThat(detail.path("resourceVersion").asText()).isEqualTo("500");
  }

  @Test
  void refusesAnObjectWithoutResourceVersion() {
    K8sService handWritten = EventValidatorTest.service(null);

    assertThatThrownBy(() -> Events.envelope("demo", handWritten, Operation.UPSERT))
        .isInstanceOf(InvalidEventException.class)
        .hasMessageContaining("Service default/echo")
        .hasMessageContaining("missing required field detail.resourceVersion");
  }

  @Test
  void refusesAnObjectTooLargeForOneEvent() {
    K8sService small = EventValidatorTest.service("1");
    var meta =
        new ObjectMeta(
            "default",
            "echo",
            null,
            "1",
            Map.of(),
            Map.of("huge", "x".repeat(EventContract.MAX_EVENT_BYTES)),
            null,
            null);
    K8sService large = new K8sService(meta, small.spec());

    assertThatThrownBy(() -> Events.envelope("demo", large, Operation.UPSERT))
        .isInstanceOf(EventTooLargeException.class)
        .hasMessageContaining("Service default/echo")
        .satisfies(
            e ->
                assertThat(((EventTooLargeException) e).sizeBytes())
                    .isGreaterThan(EventContract.MAX_EVENT_BYTES));
  }

  @Test
  void theForwardersProjectionAndTheRecordMakeTheSameEvent() throws IOException {
    EventValidator validator = new EventValidator("demo");
    for (K8sObject object : WriteEventSamples.sampleObjects()) {
      String fromRecord = Events.envelope("demo", object, Operation.UPSERT, NOON);
      String fromProjection =
          Events.envelope("demo", Projection.toJson(object), Operation.UPSERT, NOON);

      assertThat(validator.parse(fromProjection)).isEqualTo(validator.parse(fromRecord));
    }
  }

  @Test
  void refusesAProjectionOfAKindTheContractDoesNotCarry() throws IOException {
    JsonNode pod = tree("{\"kind\":\"Secret\",\"metadata\":{\"name\":\"p\"}}");

    assertThatThrownBy(() -> Events.envelope("demo", pod, Operation.UPSERT, NOON))
        .isInstanceOf(InvalidEventException.class)
        .hasMessageContaining("not a kind the contract carries: 'Secret'");
  }

  @Test
  void anInventoryOfEveryKindRoundTrips() {
    var keys =
        Map.of(
            Kind.INGRESS_CLASS, Set.of(new ObjectKey(Kind.INGRESS_CLASS, "", "alb")),
            Kind.ENDPOINT_SLICE, Set.of(new ObjectKey(Kind.ENDPOINT_SLICE, "default", "s-1")));

    InventoryEvent event =
        (InventoryEvent)
            new EventValidator("demo").parse(Events.inventory("demo", NOON, "500", keys));

    assertThat(event.keys()).isEqualTo(keys);
  }
}
