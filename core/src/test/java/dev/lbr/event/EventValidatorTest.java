package dev.lbr.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lbr.k8s.Json;
import dev.lbr.k8s.K8sEndpointSlice;
import dev.lbr.k8s.K8sService;
import dev.lbr.k8s.Kind;
import dev.lbr.k8s.ObjectKey;
import dev.lbr.k8s.ObjectMeta;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventValidatorTest {

  private static final String SUBJECT = "Service default/echo";
  private final EventValidator validator = new EventValidator("demo");

  static K8sService service(String rv) {
    var meta = new ObjectMeta("default", "echo", "uid-1", rv, Map.of(), Map.of(), null, null);
    var port = new K8sService.Port("", "TCP", 80, "8080", null);
    var spec =
        new K8sService.Spec("LoadBalancer", null, List.of(port), Map.of(), null, null, null, null);
    return new K8sService(meta, spec);
  }

  private static String upsert() {
    return Events.envelope("demo", service("1001"), Operation.UPSERT);
  }

  static String edit(String json, Consumer<ObjectNode> change) {
    try {
      ObjectNode root = (ObjectNode) Json.mapper().readTree(json);
      change.accept(root);
      return Json.mapper().writeValueAsString(root);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static ObjectNode detail(ObjectNode root) {
    return (ObjectNode) root.get("detail");
  }

  private static ObjectNode objectMeta(ObjectNode root) {
    return (ObjectNode) root.get("detail").get("object").get("metadata");
  }

  private void assertRejected(String json, String... words) {
    assertThatThrownBy(() -> validator.parse(json))
        .isInstanceOf(InvalidEventException.class)
        .message()
        .contains(words);
  }

  @Test
  void acceptsAnUpsertAndReturnsTheTypedObject() {
    ObjectEvent event = (ObjectEvent) validator.parse(upsert());

    assertThat(event.key()).isEqualTo(new ObjectKey(Kind.SERVICE, "default", "echo"));
    assertThat(event.op()).isEqualTo(Operation.UPSERT);
    assertThat(event.uid()).isEqualTo("uid-1");
    assertThat(event.resourceVersion()).isEqualTo("1001");
    assertThat(event.object()).isEqualTo(service("1001"));
  }

  @Test
  void acceptsADeleteWithoutObject() {
    String json =
        Events.deleteEnvelope(
            "demo", new ObjectKey(Kind.SERVICE, "default", "echo"), "", "1002", Instant.EPOCH);

    ObjectEvent event = (ObjectEvent) validator.parse(json);

    assertThat(event.op()).isEqualTo(Operation.DELETE);
    assertThat(event.object()).isNull();
    assertThat(event.resourceVersion()).isEqualTo("1002");
  }

  @Test
  void fillsTheObjectsResourceVersionFromTheDetailWhenTheObjectHasNone() {
    String json = edit(upsert(), root -> objectMeta(root).remove("resourceVersion"));

    ObjectEvent event = (ObjectEvent) validator.parse(json);

    assertThat(event.object().metadata().resourceVersion()).isEqualTo("1001");
  }

  @Test
  void ignoresFieldsItDoesNotKnowBecauseAddingFieldsKeepsTheVersion() {
    String json =
        edit(
            upsert(),
            root -> {
              detail(root).put("priority", "high");
              objectMeta(root).put("generation", 7);
            });

    assertThat(validator.parse(json)).isInstanceOf(ObjectEvent.class);
  }

  @Test
  void acceptsAForwarderEntryBeforeEventBridgeAddsIdAndTime() throws Exception {
    String detail = Json.mapper().readTree(upsert()).path("detail").toString();

    ClusterEvent event = validator.parseEntry(EventContract.SOURCE, "Service", detail);

    assertThat(((ObjectEvent) event).key().name()).isEqualTo("echo");
  }

  @Test
  void rejectsMalformedJson() {
    assertRejected("{\"detail-type\": \"Service\",", "malformed JSON", "line 1");
  }

  @Test
  void rejectsAnEnvelopeThatIsNotAnObject() {
    assertRejected("[1, 2]", "must be a JSON object", "ARRAY");
  }

  @Test
  void rejectsAnUnknownDetailTypeAndListsTheKnownOnes() {
    String json = edit(upsert(), root -> root.put("detail-type", "Secret"));

    assertRejected(json, SUBJECT, "unknown detail-type 'Secret'", "EndpointSlice", "Inventory");
  }

  @Test
  void rejectsAnUnknownKindInTheDetail() {
    String json = edit(upsert(), root -> detail(root).put("kind", "Secret"));

    assertRejected(json, "Secret default/echo", "unknown kind 'Secret'");
  }

  @Test
  void rejectsADetailTypeThatDisagreesWithTheDetailKind() {
    String json = edit(upsert(), root -> root.put("detail-type", "Ingress"));

    assertRejected(json, SUBJECT, "detail-type 'Ingress' disagrees with detail.kind 'Service'");
  }

  @Test
  void rejectsAnUnsupportedSchemaVersionAndSaysWhichAreSupported() {
    String json = edit(upsert(), root -> detail(root).put("schemaVersion", 2));

    assertRejected(json, SUBJECT, "unsupported schemaVersion 2", "supports [1]");
  }

  @Test
  void rejectsASchemaVersionThatIsNotAnInteger() {
    String json = edit(upsert(), root -> detail(root).put("schemaVersion", "1"));

    assertRejected(json, SUBJECT, "detail.schemaVersion must be an integer");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "schemaVersion",
        "cluster",
        "kind",
        "operation",
        "namespace",
        "name",
        "resourceVersion"
      })
  void rejectsADetailWithoutARequiredFieldAndNamesTheField(String field) {
    String json = edit(upsert(), root -> detail(root).remove(field));

    assertRejected(json, "missing required field detail." + field);
  }

  @ParameterizedTest
  @ValueSource(strings = {"source", "detail-type", "detail"})
  void rejectsAnEnvelopeWithoutARequiredFieldAndNamesTheField(String field) {
    String json = edit(upsert(), root -> root.remove(field));

    assertRejected(json, "missing required field " + field);
  }

  @Test
  void rejectsAnEventFromAnotherSource() {
    String json = edit(upsert(), root -> root.put("source", "aws.ec2"));

    assertRejected(json, SUBJECT, "source is 'aws.ec2'", "expected 'lbr.forwarder'");
  }

  @Test
  void rejectsAnEventOfAnotherClusterAndNamesBothClusters() {
    String json = edit(upsert(), root -> detail(root).put("cluster", "prod"));

    assertRejected(json, SUBJECT, "cluster 'prod'", "serves cluster 'demo'");
  }

  @Test
  void rejectsAnOversizedEventAndSaysItsSize() {
    String padding = "x".repeat(EventContract.MAX_EVENT_BYTES);
    String json = edit(upsert(), root -> detail(root).put("padding", padding));
    int size = json.length();

    assertThatThrownBy(() -> validator.parse(json))
        .isInstanceOf(EventTooLargeException.class)
        .hasMessageContaining(SUBJECT)
        .hasMessageContaining(size + " bytes")
        .hasMessageContaining("limit of 262144 bytes");
  }

  @Test
  void rejectsANonNumericResourceVersion() {
    String json = edit(upsert(), root -> detail(root).put("resourceVersion", "10a1"));

    assertRejected(json, SUBJECT, "detail.resourceVersion must be a string of digits", "'10a1'");
  }

  @Test
  void rejectsObjectMetadataWhoseNameDisagreesWithTheDetail() {
    String json = edit(upsert(), root -> objectMeta(root).put("name", "other"));

    assertRejected(
        json, SUBJECT, "detail.object.metadata.name 'other' disagrees with detail.name 'echo'");
  }

  @Test
  void rejectsObjectMetadataWhoseNamespaceDisagreesWithTheDetail() {
    String json = edit(upsert(), root -> objectMeta(root).put("namespace", "kube-system"));

    assertRejected(
        json,
        SUBJECT,
        "detail.object.metadata.namespace 'kube-system' disagrees with detail.namespace 'default'");
  }

  @Test
  void rejectsObjectMetadataWhoseResourceVersionDisagreesWithTheDetail() {
    String json = edit(upsert(), root -> objectMeta(root).put("resourceVersion", "999"));

    assertRejected(json, SUBJECT, "detail.object.metadata.resourceVersion '999' disagrees");
  }

  @Test
  void rejectsAnObjectOfAnotherKind() {
    String json =
        edit(upsert(), root -> ((ObjectNode) detail(root).get("object")).put("kind", "Node"));

    assertRejected(json, SUBJECT, "detail.object.kind 'Node' disagrees with detail.kind 'Service'");
  }

  @Test
  void rejectsAnObjectWhoseFieldsHaveTheWrongShape() {
    String json =
        edit(
            upsert(),
            root -> ((ObjectNode) detail(root).get("object").get("spec")).put("ports", "eighty"));

    assertRejected(json, SUBJECT, "spec.ports: must be a list, got \"eighty\"");
  }

  @Test
  void rejectsAnUpsertWithoutObject() {
    String json = edit(upsert(), root -> detail(root).remove("object"));

    assertRejected(json, SUBJECT, "missing required field detail.object");
  }

  @Test
  void rejectsAnUnknownOperation() {
    String json = edit(upsert(), root -> detail(root).put("operation", "patch"));

    assertRejected(json, SUBJECT, "detail.operation must be 'upsert' or 'delete', got 'patch'");
  }

  @Test
  void rejectsANamespaceOnAClusterScopedKind() {
    String json =
        Events.deleteEnvelope(
            "demo", new ObjectKey(Kind.NODE, "", "node-a"), "", "5", Instant.EPOCH);
    String withNamespace = edit(json, root -> detail(root).put("namespace", "default"));

    assertRejected(withNamespace, "Node default/node-a", "Node is cluster-scoped");
  }

  @Test
  void namesTheKindWhenTheKeyIsNotKnown() {
    String json = edit(upsert(), root -> detail(root).remove("name"));

    assertThatThrownBy(() -> validator.parse(json))
        .isInstanceOfSatisfying(
            InvalidEventException.class, e -> assertThat(e.subject()).isEqualTo("Service"));
  }

  @Test
  void acceptsAnEndpointSliceDeleteThatCarriesItsLastState() {
    var meta =
        new ObjectMeta(
            "default",
            "echo-abc",
            null,
            "7",
            Map.of(K8sEndpointSlice.SERVICE_NAME_LABEL, "echo"),
            Map.of(),
            null,
            null);
    var slice = new K8sEndpointSlice(meta, "IPv4", List.of(), List.of());

    ObjectEvent event =
        (ObjectEvent) validator.parse(Events.envelope("demo", slice, Operation.DELETE));

    assertThat(event.object()).isEqualTo(slice);
    assertThat(event.uid()).isEmpty();
  }
}
