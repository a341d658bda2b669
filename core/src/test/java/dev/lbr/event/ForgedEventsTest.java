package dev.lbr.event;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lbr.k8s.K8sEndpointSlice;
import dev.lbr.k8s.Kind;
import dev.lbr.k8s.ObjectKey;
import dev.lbr.k8s.ObjectMeta;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Events that kube-apiserver would never have let through (forged, or from a broken sender): the
 * reconciler refuses them as {@link InvalidEventException}s that name the object and the field, and
 * the builders refuse to write them.
 */
class ForgedEventsTest {
  private final EventValidator validator = new EventValidator("demo");

  static K8sEndpointSlice slice() {
    var meta =
        new ObjectMeta(
            "default",
            "echo-x7k2p",
            "uid-2",
            "2001",
            Map.of(K8sEndpointSlice.SERVICE_NAME_LABEL, "echo"),
            Map.of(),
            null,
            null);
    var endpoint =
        new K8sEndpointSlice.Endpoint(
            List.of("192.168.1.187"), null, "ip-192-168-1-10", "eu-west-1a", null);
    return new K8sEndpointSlice(
        meta, "IPv4", List.of(new K8sEndpointSlice.Port("", 8080, "TCP")), List.of(endpoint));
  }

  private static String serviceEvent(Consumer<ObjectNode> editObject) {
    String json = Events.envelope("demo", EventValidatorTest.service("1001"), Operation.UPSERT);
    return EventValidatorTest.edit(
        json, root -> editObject.accept((ObjectNode) root.path("detail").path("object")));
  }

  private static String sliceEvent(Consumer<ObjectNode> editObject) {
    String json = Events.envelope("demo", slice(), Operation.UPSERT);
    return EventValidatorTest.edit(
        json, root -> editObject.accept((ObjectNode) root.path("detail").path("object")));
  }

  private static ObjectNode port0(ObjectNode service) {
    return (ObjectNode) service.path("spec").path("ports").get(0);
  }

  static Stream<Arguments> forged() {
    return Stream.of(
        arguments(
            "ports: [] on a LoadBalancer Service",
            serviceEvent(s -> ((ObjectNode) s.get("spec")).putArray("ports")),
            "invalid event [Service default/echo]: spec.ports: required value: a Service of type"
                + " LoadBalancer needs at least one port"),
        arguments(
            "port 70000",
            serviceEvent(s -> port0(s).put("port", 70000)),
            "invalid event [Service default/echo]: spec.ports[0].port: 70000 must be between 1"
                + " and 65535"),
        arguments(
            "port \"abc\"",
            serviceEvent(s -> port0(s).put("port", "abc")),
            "invalid event [Service default/echo]: spec.ports[0].port: must be an integer, got"
                + " \"abc\""),
        arguments(
            "protocol HTTP",
            serviceEvent(s -> port0(s).put("protocol", "HTTP")),
            "invalid event [Service default/echo]: spec.ports[0].protocol: \"HTTP\" is not"
                + " supported; supported values: TCP, UDP, SCTP"),
        arguments(
            "an EndpointSlice address not-an-ip",
            sliceEvent(
                s -> {
                  ArrayNode addresses = (ArrayNode) s.path("endpoints").get(0).path("addresses");
                  addresses.removeAll().add("not-an-ip");
                }),
            "invalid event [EndpointSlice default/echo-x7k2p]: endpoints[0].addresses[0]:"
                + " \"not-an-ip\" must be a valid IPv4 address (dotted quad)"),
        arguments(
            "an EndpointSlice port 0",
            sliceEvent(s -> ((ObjectNode) s.path("ports").get(0)).put("port", 0)),
            "invalid event [EndpointSlice default/echo-x7k2p]: ports[0].port: 0 must be between 1"
                + " and 65535"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("forged")
  void isRefusedNamingTheObjectAndTheField(String description, String json, String message) {
    assertThatThrownBy(() -> validator.parse(json))
        .isInstanceOf(InvalidEventException.class)
        .hasMessage(message);
  }

  @Test
  void aNameWithAnEmojiIsRefusedEvenOnADeleteWithoutObject() {
    String json =
        EventValidatorTest.edit(
            Events.deleteEnvelope(
                "demo", new ObjectKey(Kind.SERVICE, "default", "echo"), "", "1002", Instant.EPOCH),
            root -> EventValidatorTest.detail(root).put("name", "echo-\uD83D\uDE80"));

    assertThatThrownBy(() -> validator.parse(json))
        .isInstanceOf(InvalidEventException.class)
        .hasMessageStartingWith(
            "invalid event [Service default/echo-\uD83D\uDE80]: metadata.name:"
                + " \"echo-\uD83D\uDE80\" must be a DNS-1035 label");
  }

  @Test
  void theBuildersRefuseToWriteAnInvalidObject() {
    var endpoint = new K8sEndpointSlice.Endpoint(List.of("10.0.0.256"), null, null, null, null);
    var invalid =
        new K8sEndpointSlice(slice().metadata(), "IPv4", slice().ports(), List.of(endpoint));

    assertThatThrownBy(() -> Events.envelope("demo", invalid, Operation.UPSERT))
        .isInstanceOf(InvalidEventException.class)
        .hasMessageContaining("endpoints[0].addresses[0]: \"10.0.0.256\"");
  }
}
