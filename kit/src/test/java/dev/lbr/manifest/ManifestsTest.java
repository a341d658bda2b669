package dev.lbr.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lbr.event.ManifestException;
import dev.lbr.k8s.K8sEndpointSlice;
import dev.lbr.k8s.K8sObject;
import dev.lbr.k8s.K8sService;
import dev.lbr.k8s.Kind;
import dev.lbr.testing.RepoPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ManifestsTest {

  static List<Path> scenarioSteps() throws IOException {
    try (Stream<Path> files = Files.walk(RepoPaths.scenarios())) {
      List<Path> steps =
          files.filter(f -> f.getFileName().toString().matches("step.*\\.yaml")).sorted().toList();
      assertThat(steps).as("scenario steps under " + RepoPaths.scenarios()).isNotEmpty();
      return steps;
    }
  }

  @ParameterizedTest
  @MethodSource("scenarioSteps")
  void loadsEveryScenarioStep(Path step) {
    List<K8sObject> objects = Manifests.load(step);

    assertThat(objects).allSatisfy(o -> assertThat(o.metadata().name()).isNotEmpty());
  }

  @Test
  void loadsScenarioOnesServiceWithItsIntegerTargetPortAsText() {
    Path step = RepoPaths.scenarios().resolve("01-echo-nlb/step1.yaml");

    List<K8sObject> objects = Manifests.load(step);

    assertThat(objects)
        .extracting(K8sObject::kind)
        .containsExactly(Kind.SERVICE, Kind.ENDPOINT_SLICE);
    K8sService service = (K8sService) objects.get(0);
    assertThat(service.spec().ports().get(0).targetPort()).isEqualTo("8080");
    assertThat(service.metadata().resourceVersion()).isEqualTo("1001");
    K8sEndpointSlice slice = (K8sEndpointSlice) objects.get(1);
    assertThat(slice.serviceName()).isEqualTo("svc-nlb-ip-type");
    assertThat(slice.metadata().uid()).as("hand-written: no uid").isNull();
    assertThat(slice.endpoints()).hasSize(2);
  }

  @Test
  void skipsKindsItDoesNotCarryLikeNamespace() {
    List<K8sObject> objects =
        Manifests.load(RepoPaths.scenarios().resolve("02-game-2048-alb/step1.yaml"));

    assertThat(objects)
        .extracting(K8sObject::kind)
        .containsExactly(Kind.INGRESS_CLASS, Kind.SERVICE, Kind.INGRESS, Kind.ENDPOINT_SLICE);
  }

  @Test
  void aFileOfOnlyCommentsHoldsNoObjects() {
    assertThat(Manifests.load(RepoPaths.scenarios().resolve("01-echo-nlb/step4.yaml"))).isEmpty();
  }

  @Test
  void skipsEmptyDocuments() {
    String yaml = "---\n---\nkind: Node\nmetadata: {name: a}\n---\n\n---\n";

    assertThat(Manifests.parse(yaml, Path.of("x.yaml"))).hasSize(1);
  }

  @Test
  void loadsADirectoryRecursivelyInPathOrderAndIgnoresOtherFiles(@TempDir Path dir)
      throws IOException {
    Files.createDirectories(dir.resolve("b"));
    Files.writeString(dir.resolve("b/one.yml"), "kind: Node\nmetadata: {name: from-b}\n");
    Files.writeString(
        dir.resolve("a.json"), "{\"kind\": \"Node\", \"metadata\": {\"name\": \"from-a\"}}");
    Files.writeString(dir.resolve("c.yaml"), "kind: Node\nmetadata: {name: from-c}\n");
    Files.writeString(dir.resolve("notes.txt"), "kind: Node\nmetadata: {name: ignored}\n");

    assertThat(Manifests.load(dir))
        .extracting(o -> o.metadata().name())
        .containsExactly("from-a", "from-b", "from-c");
  }

  @Test
  void loadsTheItemsOfAListAsKubectlPrintsThem() {
    String json =
        """
        {"apiVersion": "v1", "kind": "List", "items": [
          {"apiVersion": "v1", "kind": "Node", "metadata": {"name": "n1"}},
          {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "default"}}]}
        """;

    assertThat(Manifests.parse(json, Path.of("list.json")))
        .extracting(o -> o.metadata().name())
        .containsExactly("n1");
  }

  @Test
  void namesTheFileAndDocumentOfMalformedYaml() {
    String yaml = "kind: Node\nmetadata: {name: a}\n---\nkind: Node\nmetadata: {name: [\n";

    assertThatThrownBy(() -> Manifests.parse(yaml, Path.of("bad.yaml")))
        .isInstanceOf(ManifestException.class)
        .hasMessageStartingWith("bad.yaml (document 2): malformed YAML")
        .satisfies(e -> assertThat(((ManifestException) e).document()).isEqualTo(2));
  }

  @Test
  void namesTheFileAndDocumentOfADocumentWithoutKind() {
    String yaml = "kind: Node\nmetadata: {name: a}\n---\nmetadata: {name: b}\n";

    assertThatThrownBy(() -> Manifests.parse(yaml, Path.of("m.yaml")))
        .isInstanceOf(ManifestException.class)
        .hasMessage("m.yaml (document 2): missing kind");
  }

  @Test
  void namesTheFileAndDocumentOfADocumentWithoutName() {
    String yaml =
        "kind: Node\nmetadata: {name: a}\n---\n# empty\n---\nkind: Service\nmetadata: {namespace: x}\n";

    assertThatThrownBy(() -> Manifests.parse(yaml, Path.of("m.yaml")))
        .isInstanceOf(ManifestException.class)
        .hasMessage("m.yaml (document 3): Service without metadata.name");
  }

  @Test
  void namesTheObjectWhoseFieldsHaveTheWrongShape() {
    String yaml = "kind: Service\nmetadata: {name: s, namespace: d}\nspec: {ports: 80}\n";

    assertThatThrownBy(() -> Manifests.parse(yaml, Path.of("m.yaml")))
        .isInstanceOf(ManifestException.class)
        .hasMessageContaining(
            "m.yaml (document 1): Service d/s: spec.ports: must be a list, got NUMBER");
  }

  @Test
  void reportsAFileThatDoesNotExist(@TempDir Path dir) {
    assertThatThrownBy(() -> Manifests.load(dir.resolve("missing.yaml")))
        .isInstanceOf(ManifestException.class)
        .hasMessageContaining("missing.yaml: cannot read");
  }

  @Test
  void refusesAnObjectTheApiServerWouldRefuseAndKeepsTheOthers() {
    String yaml =
        """
        kind: Service
        metadata: {name: good, namespace: d}
        spec: {type: LoadBalancer, ports: [{port: 80}]}
        ---
        kind: Service
        metadata: {name: bad, namespace: d}
        spec: {type: LoadBalancer, ports: [{port: 70000, protocol: HTTP}]}
        ---
        kind: Service
        metadata: {name: typed, namespace: d}
        spec: {type: LoadBalancer, ports: [{port: abc}]}
        ---
        kind: EndpointSlice
        metadata: {name: good-1, namespace: d}
        addressType: IPv4
        endpoints: [{addresses: [10.0.0.1]}]
        """;

    Manifests.Batch batch = Manifests.read(yaml, Path.of("m.yaml"));

    assertThat(batch.objects())
        .extracting(o -> o.metadata().name())
        .containsExactly("good", "good-1");
    assertThat(batch.refused())
        .extracting(ManifestException::getMessage)
        .containsExactly(
            "m.yaml (document 2): Service d/bad: spec.ports[0].protocol: \"HTTP\" is not"
                + " supported; supported values: TCP, UDP, SCTP; spec.ports[0].port: 70000 must be"
                + " between 1 and 65535",
            "m.yaml (document 3): Service d/typed: spec.ports[0].port: must be an integer, got"
                + " \"abc\"");
  }

  @Test
  void malformedYamlRefusesTheRestOfItsFileOnly(@TempDir Path dir) throws IOException {
    Files.writeString(
        dir.resolve("a.yaml"), "kind: Node\nmetadata: {name: a}\n---\nkind: [unclosed\n");
    Files.writeString(dir.resolve("b.yaml"), "kind: Node\nmetadata: {name: b}\n");

    Manifests.Batch batch = Manifests.read(dir);

    assertThat(batch.objects()).extracting(o -> o.metadata().name()).containsExactly("a", "b");
    assertThat(batch.refused())
        .singleElement()
        .satisfies(e -> assertThat(e.getMessage()).contains("a.yaml (document 2): malformed YAML"));
  }
}
