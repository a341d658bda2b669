package dev.lbr.k8s.validation;

import static dev.lbr.k8s.validation.Objects.SERVICE;
import static dev.lbr.k8s.validation.Objects.errors;
import static dev.lbr.k8s.validation.Objects.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lbr.k8s.Kind;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ServiceValidationTest {

  @Test
  void theBaseServiceIsValid() {
    assertThat(errors(Kind.SERVICE, Objects.of(SERVICE))).isEmpty();
  }

  static Stream<Arguments> valid() {
    return Stream.of(
        arguments("no ports on a ClusterIP Service", "/spec", "{\"type\": \"ClusterIP\"}"),
        arguments("one port needs no name", "/spec/ports", "[{\"port\": 80}]"),
        arguments("port 1", "/spec/ports/0/port", "1"),
        arguments("port 65535", "/spec/ports/0/port", "65535"),
        arguments("targetPort absent", "/spec/ports/0/targetPort", null),
        arguments("targetPort 65535", "/spec/ports/0/targetPort", "65535"),
        arguments("targetPort a name", "/spec/ports/0/targetPort", "\"http-alt\""),
        arguments("nodePort 0 (unassigned)", "/spec/ports/0/nodePort", "0"),
        arguments("protocol SCTP", "/spec/ports/0/protocol", "\"SCTP\""),
        arguments("protocol absent (TCP)", "/spec/ports/0/protocol", null),
        arguments("same number, other protocol", "/spec/ports/1/port", "80"),
        arguments("a host CIDR", "/spec/loadBalancerSourceRanges", "[\"1.2.3.4/32\"]"),
        arguments("a CIDR with spaces", "/spec/loadBalancerSourceRanges", "[\" 1.2.3.0/24 \"]"),
        arguments("a class without prefix", "/spec/loadBalancerClass", "\"nlb\""),
        arguments("a name of 63", "/metadata/name", "\"a" + "b".repeat(62) + "\""),
        arguments("dual stack", "/spec/ipFamilies", "[\"IPv4\", \"IPv6\"]"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("valid")
  void accepts(String description, String pointer, String json) {
    assertThat(errors(Kind.SERVICE, with(SERVICE, pointer, json))).isEmpty();
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        arguments(
            "ports: [] on a LoadBalancer",
            "/spec/ports",
            "[]",
            "spec.ports: required value: a Service of type LoadBalancer needs at least one port"),
        arguments(
            "no ports on a NodePort",
            "/spec",
            "{\"type\": \"NodePort\"}",
            "spec.ports: required value: a Service of type NodePort needs at least one port"),
        arguments(
            "port 70000",
            "/spec/ports/0/port",
            "70000",
            "spec.ports[0].port: 70000 must be between 1 and 65535"),
        arguments(
            "port 0",
            "/spec/ports/0/port",
            "0",
            "spec.ports[0].port: 0 must be between 1 and 65535"),
        arguments(
            "port -1",
            "/spec/ports/1/port",
            "-1",
            "spec.ports[1].port: -1 must be between 1 and 65535"),
        arguments("port missing", "/spec/ports/0/port", null, "spec.ports[0].port: required value"),
        arguments(
            "port a string",
            "/spec/ports/0/port",
            "\"abc\"",
            "spec.ports[0].port: must be an integer, got \"abc\""),
        arguments(
            "port a fraction",
            "/spec/ports/0/port",
            "80.5",
            "spec.ports[0].port: must be an integer, got number 80.5"),
        arguments(
            "targetPort 70000",
            "/spec/ports/0/targetPort",
            "70000",
            "spec.ports[0].targetPort: 70000 must be between 1 and 65535"),
        arguments(
            "targetPort 0",
            "/spec/ports/0/targetPort",
            "0",
            "spec.ports[0].targetPort: 0 must be between 1 and 65535"),
        arguments(
            "targetPort digits as a string",
            "/spec/ports/0/targetPort",
            "\"8080\"",
            "spec.ports[0].targetPort: \"8080\" must contain at least one letter"),
        arguments(
            "targetPort name too long",
            "/spec/ports/0/targetPort",
            "\"abcdefghijklmnop\"",
            "spec.ports[0].targetPort: \"abcdefghijklmnop\" must be no more than 15 characters"),
        arguments(
            "targetPort name with upper case",
            "/spec/ports/0/targetPort",
            "\"Http\"",
            "spec.ports[0].targetPort: \"Http\" must be a port name (IANA_SVC_NAME)"),
        arguments(
            "targetPort name with --",
            "/spec/ports/0/targetPort",
            "\"a--b\"",
            "spec.ports[0].targetPort: \"a--b\" must not contain '--'"),
        arguments(
            "targetPort an object",
            "/spec/ports/0/targetPort",
            "{}",
            "spec.ports[0].targetPort: must be a port number or a port name, got object"),
        arguments(
            "nodePort 70000",
            "/spec/ports/0/nodePort",
            "70000",
            "spec.ports[0].nodePort: 70000 must be between 1 and 65535"),
        arguments(
            "nodePort -1",
            "/spec/ports/0/nodePort",
            "-1",
            "spec.ports[0].nodePort: -1 must be between 1 and 65535"),
        arguments(
            "protocol HTTP",
            "/spec/ports/0/protocol",
            "\"HTTP\"",
            "spec.ports[0].protocol: \"HTTP\" is not supported; supported values: TCP, UDP, SCTP"),
        arguments(
            "protocol lower case",
            "/spec/ports/0/protocol",
            "\"tcp\"",
            "spec.ports[0].protocol: \"tcp\" is not supported"),
        arguments(
            "duplicate port and protocol",
            "/spec/ports/1",
            "{\"name\": \"web\", \"port\": 80, \"protocol\": \"TCP\"}",
            "spec.ports[1].port: duplicate value: 80/TCP is also spec.ports[0]"),
        arguments(
            "duplicate name",
            "/spec/ports/1/name",
            "\"http\"",
            "spec.ports[1].name: duplicate value \"http\""),
        arguments(
            "no name among two ports",
            "/spec/ports/1/name",
            null,
            "spec.ports[1].name: required value: every port needs a name"),
        arguments(
            "a name that is not a label",
            "/spec/ports/0/name",
            "\"HTTP_1\"",
            "spec.ports[0].name: \"HTTP_1\" must be a DNS-1123 label"),
        arguments(
            "a type that does not exist",
            "/spec/type",
            "\"Balanced\"",
            "spec.type: \"Balanced\" is not supported"),
        arguments(
            "a source range that is not a CIDR",
            "/spec/loadBalancerSourceRanges/0",
            "\"10.0.0.0\"",
            "spec.loadBalancerSourceRanges[0]: \"10.0.0.0\" must be a CIDR"),
        arguments(
            "a source range with a prefix too long",
            "/spec/loadBalancerSourceRanges/0",
            "\"10.0.0.0/33\"",
            "spec.loadBalancerSourceRanges[0]: \"10.0.0.0/33\" must be a CIDR"),
        arguments(
            "source ranges on a ClusterIP Service",
            "/spec/type",
            "\"ClusterIP\"",
            "spec.loadBalancerSourceRanges: may only be used when spec.type is 'LoadBalancer'"),
        arguments(
            "a class with a space",
            "/spec/loadBalancerClass",
            "\"service k8s\"",
            "spec.loadBalancerClass: \"service k8s\" must be a qualified name"),
        arguments(
            "a class with an empty prefix",
            "/spec/loadBalancerClass",
            "\"/nlb\"",
            "spec.loadBalancerClass: \"/nlb\" has an empty prefix"),
        arguments(
            "a traffic policy that does not exist",
            "/spec/externalTrafficPolicy",
            "\"Nearest\"",
            "spec.externalTrafficPolicy: \"Nearest\" is not supported"),
        arguments(
            "a health check node port of 70000",
            "/spec/healthCheckNodePort",
            "70000",
            "spec.healthCheckNodePort: 70000 must be between 1 and 65535"),
        arguments(
            "IPv4 twice",
            "/spec/ipFamilies",
            "[\"IPv4\", \"IPv4\"]",
            "spec.ipFamilies: must hold at most one of each of IPv4 and IPv6"),
        arguments(
            "a selector value with a space",
            "/spec/selector/app",
            "\"my app\"",
            "spec.selector.app: \"my app\" must be a label value"),
        arguments(
            "ports not a list",
            "/spec/ports",
            "\"eighty\"",
            "spec.ports: must be a list, got \"eighty\""),
        arguments(
            "a name starting with a digit (DNS-1035)",
            "/metadata/name",
            "\"1echo\"",
            "metadata.name: \"1echo\" must be a DNS-1035 label"),
        arguments(
            "a name with a dot",
            "/metadata/name",
            "\"echo.v1\"",
            "metadata.name: \"echo.v1\" must be a DNS-1035 label"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void refuses(String description, String pointer, String json, String message) {
    assertThat(errors(Kind.SERVICE, with(SERVICE, pointer, json))).contains(message);
  }

  @Test
  void everyProblemIsReportedNotOnlyTheFirst() {
    var object = with(SERVICE, "/spec/ports/0/port", "70000");
    ((ObjectNode) object.at("/spec/ports/1")).put("protocol", "HTTP");

    assertThat(errors(Kind.SERVICE, object))
        .isEqualTo(
            "spec.ports[0].port: 70000 must be between 1 and 65535; spec.ports[1].protocol:"
                + " \"HTTP\" is not supported; supported values: TCP, UDP, SCTP");
  }
}
