package dev.lbr.translate.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lbr.k8s.Json;
import dev.lbr.k8s.K8sEndpointSlice;
import dev.lbr.k8s.K8sIngress;
import dev.lbr.k8s.K8sIngressClass;
import dev.lbr.k8s.K8sIngressClassParams;
import dev.lbr.k8s.K8sNode;
import dev.lbr.k8s.K8sObject;
import dev.lbr.k8s.K8sService;
import dev.lbr.manifest.Manifests;
import dev.lbr.model.DesiredStack;
import dev.lbr.model.InvalidInputException;
import dev.lbr.model.StackId;
import dev.lbr.testing.RepoPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The acceptance scenarios' Ingress steps (from {@code scenarios/}): every Ingress stack the
 * builder makes from the step's objects, put in the scenarios' expected shape, has exactly the
 * listeners, rules, actions, target groups, health checks and targets the expected state lists;
 * expected errors are raised and mention what they must. Scenario 08: the Ingress's instance
 * targets are the Ready nodes the default selector keeps (its NLB is not ours here).
 */
class IngressScenarioTest {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "02-game-2048-alb-step1",
        "03-canary-weighted-step1",
        "04-ssl-redirect-step1",
        "07-invalid-input-step1",
        "08-instance-mode-step1",
        "08-instance-mode-step2"
      })
  void theBuiltStacksHaveTheExpectedState(String step) throws IOException {
    List<K8sObject> objects = Manifests.parse(resource(step + ".yaml"), Path.of(step + ".yaml"));
    Map<String, K8sIngressClass> classes = new TreeMap<>();
    Map<String, K8sIngressClassParams> params = new TreeMap<>();
    Map<String, K8sService> services = new TreeMap<>();
    Map<String, List<K8sEndpointSlice>> slices = new TreeMap<>();
    List<K8sIngress> ingresses = new ArrayList<>();
    List<K8sNode> nodes = new ArrayList<>();
    for (K8sObject o : objects) {
      switch (o) {
        case K8sIngressClass c -> classes.put(c.metadata().name(), c);
        case K8sIngressClassParams p -> params.put(p.metadata().name(), p);
        case K8sService s -> services.put(s.metadata().key(), s);
        case K8sEndpointSlice s ->
            slices
                .computeIfAbsent(
                    s.metadata().namespace() + "/" + s.serviceName(), k -> new ArrayList<>())
                .add(s);
        case K8sIngress i -> ingresses.add(i);
        case K8sNode n -> nodes.add(n);
        default -> {}
      }
    }
    Map<StackId, List<K8sIngress>> groups = new LinkedHashMap<>();
    for (K8sIngress ing : ingresses) {
      IngressModelBuilder.group(ing, classes, params)
          .ifPresent(id -> groups.computeIfAbsent(id, k -> new ArrayList<>()).add(ing));
    }
    ObjectNode actual = NODES.objectNode();
    ArrayNode lbs = actual.putArray("loadBalancers");
    ArrayNode tgs = actual.putArray("targetGroups");
    ArrayNode errors = actual.putArray("errors");
    groups.forEach(
        (id, members) -> {
          IngressGroupInput input =
              new IngressGroupInput(id, members, classes, params, services, slices, nodes);
          try {
            DesiredStack stack = IngressModelBuilder.build(input, IngressFixtures.facts());
            assertThat(IngressModelBuilder.targets(input)).isEqualTo(stack.targets());
            ScenarioShape shape = new ScenarioShape(stack, ingresses, services);
            lbs.add(shape.loadBalancer());
            stack.targetGroups().forEach(tg -> tgs.add(shape.targetGroup(tg)));
          } catch (InvalidInputException e) {
            errors.addObject().put("stack", id.name()).put("message", e.getMessage());
          }
        });
    JsonNode expected = Json.mapper().readTree(resource(step + ".expected.json"));
    assertMatches("$.loadBalancers", onlyApplication(expected.path("loadBalancers")), lbs);
    assertMatches("$.targetGroups", onlyIngressGroups(expected.path("targetGroups")), tgs);
    JsonNode expectedErrors = expected.path("errors");
    assertThat(errors.size()).as("errors: " + errors).isEqualTo(expectedErrors.size());
    for (JsonNode e : expectedErrors) {
      JsonNode found = null;
      for (JsonNode a : errors) {
        if (a.get("stack").asText().equals(e.get("stack").asText())) {
          found = a;
        }
      }
      assertThat(found).as("an error for stack " + e.get("stack")).isNotNull();
      for (JsonNode mention : e.get("mentions")) {
        assertThat(found.get("message").asText()).contains(mention.asText());
      }
    }
  }

  /** {@code 02-game-2048-alb-step1.yaml} is {@code step1.yaml} of scenario 02-game-2048-alb. */
  private static String resource(String name) throws IOException {
    int split = name.lastIndexOf("-step");
    return Files.readString(
        RepoPaths.scenarios().resolve(name.substring(0, split)).resolve(name.substring(split + 1)));
  }

  private static ArrayNode onlyApplication(JsonNode lbs) {
    ArrayNode out = NODES.arrayNode();
    lbs.forEach(
        lb -> {
          if (lb.path("type").asText().equals("application")) {
            out.add(lb);
          }
        });
    return out;
  }

  /** Target groups reached from the expected ALBs' actions (NLB ones are not ours here). */
  private static ArrayNode onlyIngressGroups(JsonNode tgs) {
    ArrayNode out = NODES.arrayNode();
    tgs.forEach(
        tg -> {
          if (tg.path("protocol").asText().startsWith("HTTP")) {
            out.add(tg);
          }
        });
    return out;
  }

  /**
   * Expected and actual are equal-sized; every expected element has an actual one that contains
   * every field it lists, and every actual element is claimed by an expected one.
   */
  static void assertMatches(String path, JsonNode expected, JsonNode actual) {
    assertThat(actual).as(path).isNotNull();
    if (expected.isObject()) {
      assertThat(actual.isObject()).as(path + " is an object: " + actual).isTrue();
      for (Map.Entry<String, JsonNode> field : expected.properties()) {
        if (!field.getKey().equals("notes")) {
          assertMatches(path + "." + field.getKey(), field.getValue(), actual.get(field.getKey()));
        }
      }
    } else if (expected.isArray()) {
      assertThat(actual.size()).as(path + " size of " + actual).isEqualTo(expected.size());
      List<JsonNode> unclaimed = new ArrayList<>();
      actual.forEach(unclaimed::add);
      for (JsonNode e : expected) {
        JsonNode match = null;
        for (JsonNode a : unclaimed) {
          try {
            assertMatches(path, e, a);
            match = a;
            break;
          } catch (AssertionError ignored) {
            // try the next element
          }
        }
        assertThat(match).as(path + " has an element like " + e + " in " + actual).isNotNull();
        unclaimed.remove(match);
      }
    } else {
      assertThat(actual.asText()).as(path).isEqualTo(expected.asText());
    }
  }
}
