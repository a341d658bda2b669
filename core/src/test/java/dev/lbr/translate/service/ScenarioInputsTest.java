package dev.lbr.translate.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.lbr.k8s.Json;
import dev.lbr.k8s.K8sEndpointSlice;
import dev.lbr.k8s.K8sService;
import dev.lbr.model.Action;
import dev.lbr.model.DesiredStack;
import dev.lbr.model.ListenerSpec;
import dev.lbr.model.LoadBalancerSpec;
import dev.lbr.model.TargetGroupSpec;
import dev.lbr.testing.RepoPaths;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The acceptance scenarios' NLB steps ({@code scenarios/}, see its README): the builder's stacks,
 * put in the scenarios' expected shape, contain every field the expected state lists. Lists of
 * listeners, target groups and targets compare as sets.
 */
class ScenarioInputsTest {
  private static final ObjectMapper YAML = new YAMLMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"01-echo-nlb-step1", "01-echo-nlb-step3", "05-nlb-tls-proxy-step1"})
  void theBuiltStackHasTheExpectedState(String step) throws IOException {
    List<K8sService> services = new ArrayList<>();
    List<K8sEndpointSlice> slices = new ArrayList<>();
    try (InputStream in = resource(step + ".yaml")) {
      Iterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(in);
      while (docs.hasNext()) {
        JsonNode doc = docs.next();
        switch (doc.path("kind").asText()) {
          case "Service" -> services.add(YAML.treeToValue(doc, K8sService.class));
          case "EndpointSlice" -> slices.add(YAML.treeToValue(doc, K8sEndpointSlice.class));
          default -> {}
        }
      }
    }
    ObjectNode actual = NODES.objectNode();
    ArrayNode lbs = actual.putArray("loadBalancers");
    ArrayNode tgs = actual.putArray("targetGroups");
    for (K8sService svc : services) {
      DesiredStack stack = ServiceModelBuilder.build(svc, slices, List.of(), Fixtures.facts());
      stack.loadBalancer().ifPresent(lb -> lbs.add(loadBalancer(stack, lb)));
      stack.targetGroups().forEach(tg -> tgs.add(targetGroup(stack, tg)));
    }
    JsonNode expected;
    try (InputStream in = resource(step + ".expected.json")) {
      expected = Json.mapper().readTree(in);
    }
    ((ObjectNode) expected).remove("notes");
    assertContains("$", expected, actual);
  }

  /** {@code 01-echo-nlb-step1.yaml} is {@code scenarios/01-echo-nlb/step1.yaml}. */
  private static InputStream resource(String name) throws IOException {
    int step = name.indexOf("-step");
    return Files.newInputStream(
        RepoPaths.scenarios().resolve(name.substring(0, step)).resolve(name.substring(step + 1)));
  }

  static ObjectNode loadBalancer(DesiredStack stack, LoadBalancerSpec lb) {
    ObjectNode node = NODES.objectNode();
    node.put("stack", stack.id().name());
    node.put("type", lb.type().api());
    node.put("scheme", lb.scheme());
    node.put("ipAddressType", lb.ipAddressType());
    node.set("attributes", Json.mapper().valueToTree(lb.attributes()));
    ArrayNode listeners = node.putArray("listeners");
    for (ListenerSpec ls : stack.listeners()) {
      ObjectNode l = listeners.addObject();
      l.put("port", ls.port());
      l.put("protocol", ls.protocol());
      l.set("certificates", Json.mapper().valueToTree(ls.certificateArns()));
      l.put("sslPolicy", ls.sslPolicy());
      ArrayNode actions = l.putArray("defaultActions");
      for (Action a : ls.defaultActions()) {
        if (a instanceof Action.Forward f && f.targetGroups().size() == 1) {
          actions
              .addObject()
              .put("Type", "forward")
              .put("TargetGroup", "tg:" + f.targetGroups().get(0).targetGroup().resourceId());
        }
      }
      l.putArray("rules");
    }
    return node;
  }

  static ObjectNode targetGroup(DesiredStack stack, TargetGroupSpec tg) {
    ObjectNode node = NODES.objectNode();
    node.put("key", "tg:" + tg.resourceId());
    node.put("protocol", tg.protocol());
    node.put("port", tg.port());
    node.put("targetType", tg.targetType());
    node.set("healthCheck", Json.mapper().valueToTree(tg.healthCheck()));
    node.set("attributes", Json.mapper().valueToTree(tg.attributes()));
    node.set("targets", Json.mapper().valueToTree(stack.targets().get(tg.resourceId())));
    return node;
  }

  /** Every field of {@code expected} is in {@code actual}; arrays are equal-sized sets. */
  static void assertContains(String path, JsonNode expected, JsonNode actual) {
    assertThat(actual).as(path).isNotNull();
    if (expected.isObject()) {
      for (Map.Entry<String, JsonNode> field : expected.properties()) {
        assertContains(path + "." + field.getKey(), field.getValue(), actual.get(field.getKey()));
      }
    } else if (expected.isArray()) {
      assertThat(actual.size()).as(path + " size").isEqualTo(expected.size());
      for (JsonNode e : expected) {
        boolean found = false;
        for (JsonNode a : actual) {
          try {
            assertContains(path, e, a);
            found = true;
            break;
          } catch (AssertionError ignored) {
            // try the next element
          }
        }
        assertThat(found).as(path + " has an element like " + e + " in " + actual).isTrue();
      }
    } else {
      assertThat(actual.asText()).as(path).isEqualTo(expected.asText());
    }
  }
}
