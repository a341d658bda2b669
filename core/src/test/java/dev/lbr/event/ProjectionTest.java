package dev.lbr.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lbr.k8s.K8sEndpointSlice;
import dev.lbr.k8s.K8sIngress;
import dev.lbr.k8s.K8sNode;
import dev.lbr.k8s.K8sObject;
import dev.lbr.k8s.K8sService;
import dev.lbr.k8s.K8sTargetGroupBinding;
import dev.lbr.k8s.Kind;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProjectionTest {
  private static final com.fasterxml.jackson.databind.ObjectMapper YAML =
      new com.fasterxml.jackson.dataformat.yaml.YAMLMapper();

  private static JsonNode yaml(String text) {
    try {
      return YAML.readTree(text);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The raw (unprojected) sample object of a kind, from sample-objects.yaml. */
  private static JsonNode raw(Kind kind) throws IOException {
    try (var in = ProjectionTest.class.getResourceAsStream("sample-objects.yaml")) {
      List<JsonNode> docs = YAML.readerFor(JsonNode.class).<JsonNode>readValues(in).readAll();
      return docs.stream()
          .filter(d -> d.path("kind").asText().equals(kind.wireName()))
          .findFirst()
          .orElseThrow();
    }
  }

  @Test
  void dropsManagedFieldsOwnerReferencesFinalizersAndStatus() throws IOException {
    JsonNode service = Projection.project(raw(Kind.SERVICE));
    JsonNode slice = Projection.project(raw(Kind.ENDPOINT_SLICE));

    assertThat(service.path("metadata").has("managedFields")).isFalse();
    assertThat(service.path("metadata").has("finalizers")).isFalse();
    assertThat(service.has("status")).isFalse();
    assertThat(slice.path("metadata").has("ownerReferences")).isFalse();
    assertThat(slice.path("metadata").has("generateName")).isFalse();
    assertThat(slice.path("metadata").has("generation")).isFalse();
  }

  @Test
  void keepsOnlyTheServiceFieldsTheReconcilerReads() throws IOException {
    JsonNode spec = Projection.project(raw(Kind.SERVICE)).path("spec");

    assertThat(spec.properties())
        .extracting(e -> e.getKey())
        .containsExactlyInAnyOrder(
            "type",
            "loadBalancerClass",
            "selector",
            "externalTrafficPolicy",
            "ipFamilies",
            "ports");
    assertThat(spec.path("ports").get(0).path("nodePort").asInt()).isEqualTo(31337);
  }

  @Test
  void keepsEndpointAddressesConditionsNodeZoneAndTargetRef() throws IOException {
    JsonNode endpoint = Projection.project(raw(Kind.ENDPOINT_SLICE)).path("endpoints").get(0);

    assertThat(endpoint.path("addresses").get(0).asText()).isEqualTo("192.168.1.187");
    assertThat(endpoint.path("conditions").path("ready").asBoolean()).isTrue();
    assertThat(endpoint.path("conditions").has("terminating")).isTrue();
    assertThat(endpoint.path("nodeName").asText()).startsWith("ip-192-168-187-10");
    assertThat(endpoint.path("zone").asText()).isEqualTo("ap-northeast-2a");
    assertThat(endpoint.path("targetRef").properties())
        .extracting(e -> e.getKey())
        .containsExactly("kind", "namespace", "name");
  }

  @Test
  void keepsNodeProviderIdTaintsAndConditionTypesAndStatusesOnly() {
    JsonNode raw =
        yaml(
            """
            apiVersion: v1
            kind: Node
            metadata: {name: node-e}
            spec:
              providerID: aws:///us-east-1b/i-0e
              podCIDR: 10.0.0.0/24
              unschedulable: true
              taints: [{key: ToBeDeletedByClusterAutoscaler, effect: NoSchedule, timeAdded: x}]
            status:
              addresses: [{type: InternalIP, address: 192.168.1.11}]
              conditions: [{type: Ready, status: "True", reason: KubeletReady}]
            """);

    JsonNode node = Projection.project(raw);

    assertThat(node.path("spec").toString())
        .isEqualTo(
            "{\"providerID\":\"aws:///us-east-1b/i-0e\",\"unschedulable\":true,"
                + "\"taints\":[{\"key\":\"ToBeDeletedByClusterAutoscaler\",\"effect\":\"NoSchedule\"}]}");
    assertThat(node.path("status").toString())
        .isEqualTo("{\"conditions\":[{\"type\":\"Ready\",\"status\":\"True\"}]}");
    K8sNode typed = (K8sNode) Projection.toObject(node);
    assertThat(typed.spec().unschedulable()).isTrue();
    assertThat(typed.status().conditions()).containsExactly(new K8sNode.Condition("Ready", "True"));
  }

  @Test
  void writesLabelsAndAnnotationsSortedAndAsText() {
    JsonNode raw =
        yaml(
            """
            apiVersion: v1
            kind: Service
            metadata:
              name: s
              namespace: default
              resourceVersion: 42
              labels: {zeta: "1", alpha: true}
              annotations: {b: 8080, a: x}
            """);

    JsonNode meta = Projection.project(raw).path("metadata");

    assertThat(meta.path("labels").toString()).isEqualTo("{\"alpha\":\"true\",\"zeta\":\"1\"}");
    assertThat(meta.path("annotations").toString()).isEqualTo("{\"a\":\"x\",\"b\":\"8080\"}");
    assertThat(meta.path("resourceVersion").isTextual()).isTrue();
  }

  @Test
  void keepsTheIngressSpecWhole() throws IOException {
    JsonNode raw = raw(Kind.INGRESS);

    JsonNode ingress = Projection.project(raw);

    assertThat(ingress.path("spec")).isEqualTo(raw.path("spec"));
    assertThat(ingress.has("status")).isFalse();
    K8sIngress typed = (K8sIngress) Projection.toObject(ingress);
    assertThat(typed.spec().rules().get(0).http().paths().get(0).backend().service().name())
        .isEqualTo("svc-nlb-ip-type");
  }

  @Test
  void doesNotCarryAKindOfTheSameNameFromAnotherApiGroup() {
    JsonNode knative =
        yaml("apiVersion: serving.knative.dev/v1\nkind: Service\nmetadata: {name: hello}\n");

    assertThat(Projection.carriedKind(knative)).isEmpty();
    assertThatThrownBy(() -> Projection.project(knative))
        .hasMessageContaining("not a kind the contract carries: serving.knative.dev/v1 Service");
  }

  @Test
  void judgesAnObjectWithoutApiVersionByItsKind() {
    assertThat(Projection.carriedKind(yaml("kind: EndpointSlice\nmetadata: {name: x}\n")))
        .contains(Kind.ENDPOINT_SLICE);
  }

  @Test
  void choosesTheRecordByKind() throws IOException {
    assertThat(Projection.toObject(Projection.project(raw(Kind.SERVICE))))
        .isInstanceOf(K8sService.class);
    assertThat(Projection.toObject(Projection.project(raw(Kind.ENDPOINT_SLICE))))
        .isInstanceOf(K8sEndpointSlice.class);
  }

  @Test
  void readsANumericTargetPortAsTextAndWritesItBackAsANumber() {
    JsonNode raw =
        yaml(
            """
            kind: Service
            metadata: {name: s, namespace: default}
            spec:
              ports: [{port: 80, targetPort: 8080}, {port: 443, targetPort: https}]
            """);

    K8sService service = (K8sService) Projection.toObject(Projection.project(raw));
    ObjectNode json = Projection.toJson(service);

    assertThat(service.spec().ports())
        .extracting(K8sService.Port::targetPort)
        .containsExactly("8080", "https");
    assertThat(json.path("spec").path("ports").get(0).path("targetPort").isInt()).isTrue();
    assertThat(json.path("spec").path("ports").get(1).path("targetPort").asText())
        .isEqualTo("https");
  }

  @Test
  void everySampleRecordSurvivesARoundTripThroughItsJson() throws IOException {
    List<K8sObject> objects = WriteEventSamples.sampleObjects();

    assertThat(objects).extracting(K8sObject::kind).containsExactlyInAnyOrder(Kind.values());
    for (K8sObject object : objects) {
      assertThat(Projection.toObject(Projection.toJson(object))).isEqualTo(object);
      assertThat(Projection.toJson(object).path("apiVersion").asText())
          .isEqualTo(Projection.apiVersion(object.kind()));
    }
  }

  @Test
  void refusesAnObjectWithoutName() {
    assertThatThrownBy(() -> Projection.toObject(yaml("kind: Node\nmetadata: {}\n")))
        .hasMessageContaining("Node without metadata.name");
  }

  @Test
  void carriesAUsersTargetGroupBindingWithItsSpecAndLabels() {
    JsonNode raw =
        yaml(
            """
            apiVersion: elbv2.k8s.aws/v1beta1
            kind: TargetGroupBinding
            metadata:
              namespace: shop
              name: web
              labels: {team: shop}
              finalizers: [elbv2.k8s.aws/resources]
            spec:
              targetGroupName: web
              serviceRef: {name: web, port: 80}
              nodeSelector: {matchLabels: {pool: edge}}
            status: {observedGeneration: 2}
            """);

    JsonNode projected = Projection.project(raw);
    var binding = (K8sTargetGroupBinding) Projection.toObject(projected);

    assertThat(projected.has("status")).isFalse();
    assertThat(binding.spec().serviceRef().port()).isEqualTo("80");
    assertThat(binding.spec().nodeSelector().matchLabels()).containsEntry("pool", "edge");
    assertThat(binding.writtenByLbr()).isFalse();
  }
}
