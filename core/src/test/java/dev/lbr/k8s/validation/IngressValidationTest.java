package dev.lbr.k8s.validation;

import static dev.lbr.k8s.validation.Objects.INGRESS;
import static dev.lbr.k8s.validation.Objects.errors;
import static dev.lbr.k8s.validation.Objects.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.lbr.k8s.Kind;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IngressValidationTest {
  private static final String PATH0 = "/spec/rules/0/http/paths/0";
  private static final String BACKEND0 = PATH0 + "/backend/service";

  @Test
  void theBaseIngressIsValid() {
    assertThat(errors(Kind.INGRESS, Objects.of(INGRESS))).isEmpty();
  }

  static Stream<Arguments> valid() {
    return Stream.of(
        arguments("a default backend only", "/spec/rules", null, "/spec/defaultBackend"),
        arguments("a rule without host", "/spec/rules/0/host", null, null),
        arguments("a Prefix path with a dot name", PATH0 + "/path", "\"/v1.2/app\"", null),
        arguments("a rule without http", "/spec/rules/0/http", null, null),
        arguments("port number 65535", BACKEND0 + "/port", "{\"number\": 65535}", null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("valid")
  void accepts(String description, String pointer, String json, String addDefaultBackend) {
    var ingress = with(INGRESS, pointer, json);
    if (addDefaultBackend != null) {
      ingress
          .withObject("/spec/defaultBackend")
          .putObject("service")
          .put("name", "game")
          .putObject("port")
          .put("number", 80);
    }
    assertThat(errors(Kind.INGRESS, ingress)).isEmpty();
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        arguments(
            "a Prefix path without '/'",
            PATH0 + "/path",
            "\"api\"",
            "spec.rules[0].http.paths[0].path: \"api\" must be an absolute path (start with '/')"),
        arguments(
            "an empty Prefix path",
            PATH0 + "/path",
            "\"\"",
            "spec.rules[0].http.paths[0].path: \"\" must be an absolute path"),
        arguments(
            "an ImplementationSpecific path without '/'",
            "/spec/rules/1/http/paths/0/path",
            "\"api\"",
            "spec.rules[1].http.paths[0].path: \"api\" must be an absolute path"),
        arguments(
            "a Prefix path with '//'",
            PATH0 + "/path",
            "\"/a//b\"",
            "spec.rules[0].http.paths[0].path: \"/a//b\" must not contain '//'"),
        arguments(
            "an Exact path ending in '/..'",
            "/spec/rules/0/http/paths/1/path",
            "\"/api/..\"",
            "spec.rules[0].http.paths[1].path: \"/api/..\" must not end with '/..'"),
        arguments(
            "a pathType that does not exist",
            PATH0 + "/pathType",
            "\"Regex\"",
            "spec.rules[0].http.paths[0].pathType: \"Regex\" is not supported; supported values:"
                + " Exact, Prefix, ImplementationSpecific"),
        arguments(
            "no pathType",
            PATH0 + "/pathType",
            null,
            "spec.rules[0].http.paths[0].pathType: required value"),
        arguments(
            "no paths",
            "/spec/rules/0/http/paths",
            "[]",
            "spec.rules[0].http.paths: required value"),
        arguments(
            "a wildcard in the middle",
            "/spec/rules/0/host",
            "\"game.*.example.com\"",
            "spec.rules[0].host: \"game.*.example.com\" must be a DNS-1123 subdomain, with a"
                + " wildcard only as the whole first label"),
        arguments(
            "a partial wildcard label",
            "/spec/rules/0/host",
            "\"g*.example.com\"",
            "spec.rules[0].host: \"g*.example.com\" must be a DNS-1123 subdomain, with a wildcard"),
        arguments(
            "an IP host",
            "/spec/rules/0/host",
            "\"10.0.0.1\"",
            "spec.rules[0].host: \"10.0.0.1\" must be a DNS name, not an IP address"),
        arguments(
            "a host with a port",
            "/spec/rules/0/host",
            "\"game.example.com:443\"",
            "spec.rules[0].host: \"game.example.com:443\" must be a DNS-1123 subdomain"),
        arguments(
            "a host with upper case",
            "/spec/rules/0/host",
            "\"Game.example.com\"",
            "spec.rules[0].host: \"Game.example.com\" must be a DNS-1123 subdomain"),
        arguments(
            "a TLS host with a bad wildcard",
            "/spec/tls/0/hosts/0",
            "\"*game.example.com\"",
            "spec.tls[0].hosts[0]: \"*game.example.com\" must be a DNS-1123 subdomain, with a"
                + " wildcard"),
        arguments(
            "a backend port 70000",
            BACKEND0 + "/port",
            "{\"number\": 70000}",
            "spec.rules[0].http.paths[0].backend.service.port.number: 70000 must be between 1 and"
                + " 65535"),
        arguments(
            "a backend port 0",
            BACKEND0 + "/port",
            "{\"number\": 0}",
            "spec.rules[0].http.paths[0].backend.service.port.number: 0 must be between 1 and"
                + " 65535"),
        arguments(
            "a backend port name with upper case",
            BACKEND0 + "/port",
            "{\"name\": \"HTTP\"}",
            "spec.rules[0].http.paths[0].backend.service.port.name: \"HTTP\" must be a port name"),
        arguments(
            "a backend port with name and number",
            BACKEND0 + "/port",
            "{\"name\": \"http\", \"number\": 80}",
            "spec.rules[0].http.paths[0].backend.service.port: cannot set both port name and"
                + " port number"),
        arguments(
            "a backend port with neither",
            BACKEND0 + "/port",
            "{}",
            "spec.rules[0].http.paths[0].backend.service.port: required value: port name or port"
                + " number"),
        arguments(
            "a backend port number as a string",
            BACKEND0 + "/port",
            "{\"number\": \"80\"}",
            "spec.rules[0].http.paths[0].backend.service.port.number: must be an integer, got"
                + " \"80\""),
        arguments(
            "a backend Service name with a dot",
            BACKEND0 + "/name",
            "\"game.v2\"",
            "spec.rules[0].http.paths[0].backend.service.name: \"game.v2\" must be a DNS-1035"
                + " label"),
        arguments(
            "a backend without service",
            PATH0 + "/backend",
            "{}",
            "spec.rules[0].http.paths[0].backend: required value: one of service or resource"),
        arguments(
            "no rules and no default backend",
            "/spec/rules",
            "[]",
            "spec: required value: either spec.defaultBackend or spec.rules must be specified"),
        arguments(
            "a class name with upper case",
            "/spec/ingressClassName",
            "\"ALB\"",
            "spec.ingressClassName: \"ALB\" must be a DNS-1123 subdomain"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void refuses(String description, String pointer, String json, String message) {
    assertThat(errors(Kind.INGRESS, with(INGRESS, pointer, json))).contains(message);
  }
}
