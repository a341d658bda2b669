package dev.lbr.k8s.validation;

import static dev.lbr.k8s.validation.Objects.ENDPOINT_SLICE;
import static dev.lbr.k8s.validation.Objects.errors;
import static dev.lbr.k8s.validation.Objects.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lbr.k8s.Kind;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EndpointSliceValidationTest {
  private static final String ADDRESS = "/endpoints/0/addresses/0";

  @Test
  void theBaseSliceIsValid() {
    assertThat(errors(Kind.ENDPOINT_SLICE, Objects.of(ENDPOINT_SLICE))).isEmpty();
  }

  static Stream<Arguments> valid() {
    return Stream.of(
        arguments("no endpoints", "/endpoints", "[]"),
        arguments("no ports", "/ports", "[]"),
        arguments("a port without number", "/ports/0/port", null),
        arguments("a port without protocol", "/ports/0/protocol", null),
        arguments("a named port", "/ports/0/name", "\"http\""),
        arguments("100 addresses", "/endpoints/0/addresses", addresses(100)),
        arguments("1000 endpoints", "/endpoints", endpoints(1000)),
        arguments("the top address", ADDRESS, "\"255.255.255.255\""),
        arguments("a zero octet", ADDRESS, "\"10.0.0.0\""),
        arguments("no conditions", "/endpoints/0/conditions", null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("valid")
  void accepts(String description, String pointer, String json) {
    assertThat(errors(Kind.ENDPOINT_SLICE, with(ENDPOINT_SLICE, pointer, json))).isEmpty();
  }

  static Stream<Arguments> validIpv6() {
    return Stream.of(
        arguments("full form", "2001:0db8:0000:0000:0000:ff00:0042:8329"),
        arguments("compressed", "2001:db8::ff00:42:8329"),
        arguments("upper case", "2001:DB8::1"),
        arguments("a trailing gap", "fd00:10::"),
        arguments("an embedded IPv4", "64:ff9b::192.0.2.33"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validIpv6")
  void acceptsIpv6Addresses(String description, String address) {
    var slice = with(ENDPOINT_SLICE, "/addressType", "\"IPv6\"");
    firstEndpoint(slice).putArray("addresses").add(address);

    assertThat(errors(Kind.ENDPOINT_SLICE, slice)).isEmpty();
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        arguments(
            "not-an-ip",
            ADDRESS,
            "\"not-an-ip\"",
            "endpoints[0].addresses[0]: \"not-an-ip\" must be a valid IPv4 address"),
        arguments(
            "an octet over 255",
            ADDRESS,
            "\"10.0.0.256\"",
            "endpoints[0].addresses[0]: \"10.0.0.256\" must be a valid IPv4 address"),
        arguments(
            "three octets",
            ADDRESS,
            "\"10.0.1\"",
            "endpoints[0].addresses[0]: \"10.0.1\" must be a valid IPv4 address"),
        arguments(
            "a leading zero",
            ADDRESS,
            "\"10.0.0.01\"",
            "endpoints[0].addresses[0]: \"10.0.0.01\" must be a valid IPv4 address"),
        arguments(
            "an IPv6 address in an IPv4 slice",
            ADDRESS,
            "\"fd00::1\"",
            "endpoints[0].addresses[0]: \"fd00::1\" must be a valid IPv4 address"),
        arguments(
            "a loopback address",
            ADDRESS,
            "\"127.0.0.1\"",
            "endpoints[0].addresses[0]: \"127.0.0.1\" may not be a loopback address"),
        arguments(
            "the unspecified address",
            ADDRESS,
            "\"0.0.0.0\"",
            "endpoints[0].addresses[0]: \"0.0.0.0\" may not be the unspecified address"),
        arguments(
            "a link-local address",
            ADDRESS,
            "\"169.254.169.254\"",
            "endpoints[0].addresses[0]: \"169.254.169.254\" may not be a link-local address"),
        arguments(
            "a link-local multicast address",
            ADDRESS,
            "\"224.0.0.1\"",
            "endpoints[0].addresses[0]: \"224.0.0.1\" may not be a link-local multicast address"),
        arguments(
            "an address that is a number",
            ADDRESS,
            "3232235777",
            "endpoints[0].addresses[0]: must be a string, got number 3232235777"),
        arguments(
            "no address",
            "/endpoints/0/addresses",
            "[]",
            "endpoints[0].addresses: required value: an endpoint has at least 1 address"),
        arguments(
            "101 addresses",
            "/endpoints/0/addresses",
            addresses(101),
            "endpoints[0].addresses: must have at most 100 items, has 101"),
        arguments(
            "1001 endpoints",
            "/endpoints",
            endpoints(1001),
            "endpoints: must have at most 1000 items, has 1001"),
        arguments(
            "an unknown address type",
            "/addressType",
            "\"IP\"",
            "addressType: \"IP\" is not supported; supported values: IPv4, IPv6, FQDN"),
        arguments("no address type", "/addressType", null, "addressType: required value"),
        arguments("port 0", "/ports/0/port", "0", "ports[0].port: 0 must be between 1 and 65535"),
        arguments(
            "port 70000",
            "/ports/0/port",
            "70000",
            "ports[0].port: 70000 must be between 1 and 65535"),
        arguments(
            "port a string",
            "/ports/0/port",
            "\"abc\"",
            "ports[0].port: must be an integer, got \"abc\""),
        arguments(
            "protocol HTTP",
            "/ports/0/protocol",
            "\"HTTP\"",
            "ports[0].protocol: \"HTTP\" is not supported"),
        arguments(
            "a port name with upper case",
            "/ports/0/name",
            "\"Http\"",
            "ports[0].name: \"Http\" must be a DNS-1123 label"),
        arguments(
            "two ports of one name",
            "/ports/-",
            "{\"name\": \"\", \"port\": 8443}",
            "ports[1].name: duplicate value \"\""),
        arguments(
            "ready as a string",
            "/endpoints/0/conditions/ready",
            "\"yes\"",
            "endpoints[0].conditions.ready: must be a boolean, got \"yes\""),
        arguments(
            "a node name with upper case",
            "/endpoints/0/nodeName",
            "\"Node-1\"",
            "endpoints[0].nodeName: \"Node-1\" must be a DNS-1123 subdomain"),
        arguments(
            "a name with an emoji",
            "/metadata/name",
            "\"echo-\uD83D\uDE80\"",
            "metadata.name: \"echo-\uD83D\uDE80\" must be a DNS-1123 subdomain"),
        arguments(
            "a name of 254 characters",
            "/metadata/name",
            "\"" + "a".repeat(254) + "\"",
            "must be no more than 253 characters"),
        arguments(
            "a namespace with upper case",
            "/metadata/namespace",
            "\"Default\"",
            "metadata.namespace: \"Default\" must be a DNS-1123 label"),
        arguments(
            "a label key with two slashes",
            "/metadata/labels",
            "{\"a/b/c\": \"x\"}",
            "metadata.labels.a/b/c: \"a/b/c\" must be a qualified name"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void refuses(String description, String pointer, String json, String message) {
    assertThat(errors(Kind.ENDPOINT_SLICE, with(ENDPOINT_SLICE, pointer, json))).contains(message);
  }

  static Stream<Arguments> invalidIpv6() {
    return Stream.of(
        arguments("an IPv4 address", "10.0.0.1", "must be a valid IPv6 address"),
        arguments("an IPv4-mapped address", "::ffff:10.0.0.1", "must be a valid IPv6 address"),
        arguments("two gaps", "2001::db8::1", "must be a valid IPv6 address"),
        arguments("nine groups", "1:2:3:4:5:6:7:8:9", "must be a valid IPv6 address"),
        arguments("a five-digit group", "2001:db8::12345", "must be a valid IPv6 address"),
        arguments("a zone", "fe80::1%eth0", "must be a valid IPv6 address"),
        arguments("the loopback address", "::1", "may not be the loopback address"),
        arguments("the unspecified address", "::", "may not be the unspecified address"),
        arguments("a link-local address", "fe80::1", "may not be a link-local address"),
        arguments("link-local multicast", "ff02::1", "may not be a link-local multicast"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidIpv6")
  void refusesIpv6Addresses(String description, String address, String message) {
    var slice = with(ENDPOINT_SLICE, "/addressType", "\"IPv6\"");
    firstEndpoint(slice).putArray("addresses").add(address);

    assertThat(errors(Kind.ENDPOINT_SLICE, slice))
        .contains("endpoints[0].addresses[0]: \"" + address + "\" " + message);
  }

  @Test
  void fqdnSlicesHoldDomainNamesOfTwoLabelsOrMore() {
    var slice = with(ENDPOINT_SLICE, "/addressType", "\"FQDN\"");
    firstEndpoint(slice)
        .putArray("addresses")
        .add("db.example.com.")
        .add("localhost")
        .add("Bad_Name.example.com");

    assertThat(errors(Kind.ENDPOINT_SLICE, slice))
        .isEqualTo(
            "endpoints[0].addresses[1]: \"localhost\" must be a fully qualified domain name (at"
                + " least two labels); endpoints[0].addresses[2]: \"Bad_Name.example.com\" must"
                + " be a DNS-1123 subdomain: lower-case letters, digits, '-' and '.', each"
                + " dot-separated part starting and ending with a letter or digit");
  }

  private static ObjectNode firstEndpoint(ObjectNode slice) {
    return (ObjectNode) slice.get("endpoints").get(0);
  }

  private static String addresses(int n) {
    return IntStream.range(0, n)
        .mapToObj(i -> "\"10.0." + (i / 250) + "." + (i % 250 + 1) + "\"")
        .collect(Collectors.joining(",", "[", "]"));
  }

  private static String endpoints(int n) {
    return IntStream.range(0, n)
        .mapToObj(i -> "{\"addresses\": [\"10.1." + (i / 250) + "." + (i % 250 + 1) + "\"]}")
        .collect(Collectors.joining(",", "[", "]"));
  }
}
