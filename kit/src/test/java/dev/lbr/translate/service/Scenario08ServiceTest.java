package dev.lbr.translate.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lbr.k8s.Json;
import dev.lbr.k8s.K8sNode;
import dev.lbr.k8s.K8sService;
import dev.lbr.manifest.Manifests;
import dev.lbr.model.DesiredStack;
import dev.lbr.testing.RepoPaths;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Scenario 08's Service part ({@code default/echo-local}, instance mode, Local policy): the NLB,
 * its target group, health check and node targets are what the step's expected state lists.
 */
class Scenario08ServiceTest {
  private static final String STACK = "default/echo-local";

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"step1", "step2"})
  void theServiceStackIsTheExpectedOne(String step) throws IOException {
    Path dir = RepoPaths.scenarios().resolve("08-instance-mode");
    List<?> objects = Manifests.load(dir.resolve(step + ".yaml"));
    K8sService svc =
        objects.stream()
            .filter(K8sService.class::isInstance)
            .map(K8sService.class::cast)
            .filter(s -> s.metadata().key().equals(STACK))
            .findFirst()
            .orElseThrow();
    List<K8sNode> nodes =
        objects.stream().filter(K8sNode.class::isInstance).map(K8sNode.class::cast).toList();
    assertThat(nodes).hasSize(5);

    DesiredStack stack = ServiceModelBuilder.build(svc, List.of(), nodes, Fixtures.facts());
    JsonNode expected = Json.mapper().readTree(dir.resolve(step + ".expected.json").toFile());
    JsonNode lb = find(expected.get("loadBalancers"), "stack", STACK);
    JsonNode tg = find(expected.get("targetGroups"), "key", "tg:" + STACK + ":80");

    assertThat(stack.targetGroups()).hasSize(1);
    ScenarioInputsTest.assertContains(
        "$.loadBalancers[" + STACK + "]",
        lb,
        ScenarioInputsTest.loadBalancer(stack, stack.loadBalancer().orElseThrow()));
    ScenarioInputsTest.assertContains(
        "$.targetGroups[" + STACK + "]",
        tg,
        ScenarioInputsTest.targetGroup(stack, stack.targetGroups().get(0)));
    assertThat(ServiceModelBuilder.targets(svc, List.of(), nodes)).isEqualTo(stack.targets());
  }

  private static JsonNode find(JsonNode array, String field, String value) {
    for (JsonNode n : array) {
      if (n.path(field).asText().equals(value)) {
        return n;
      }
    }
    throw new AssertionError("no element with " + field + "=" + value + " in " + array);
  }
}
