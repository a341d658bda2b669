package dev.lbr.k8s.validation;

import static dev.lbr.k8s.validation.Objects.INGRESS_CLASS;
import static dev.lbr.k8s.validation.Objects.NODE;
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

/** Nodes and IngressClasses: the cluster-scoped kinds. */
class ClusterKindsValidationTest {

  @Test
  void theBaseObjectsAreValid() {
    assertThat(errors(Kind.NODE, Objects.of(NODE))).isEmpty();
    assertThat(errors(Kind.INGRESS_CLASS, Objects.of(INGRESS_CLASS))).isEmpty();
  }

  @Test
  void aProviderIdThatIsNotAnEc2OneIsAcceptedAsTheApiServerDoes() {
    assertThat(errors(Kind.NODE, with(NODE, "/spec/providerID", "\"kind://docker/kind/node\"")))
        .isEmpty();
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        arguments(
            Kind.NODE,
            NODE,
            "/metadata/name",
            "\"Node_1\"",
            "metadata.name: \"Node_1\" must be a DNS-1123 subdomain"),
        arguments(
            Kind.NODE,
            NODE,
            "/metadata/namespace",
            "\"default\"",
            "metadata.namespace: must be empty: Node is cluster-scoped"),
        arguments(
            Kind.NODE,
            NODE,
            "/spec/providerID",
            "42",
            "spec.providerID: must be a string, got number 42"),
        arguments(
            Kind.NODE,
            NODE,
            "/spec/taints/0/effect",
            "\"Evict\"",
            "spec.taints[0].effect: \"Evict\" is not supported; supported values: NoSchedule,"
                + " PreferNoSchedule, NoExecute"),
        arguments(
            Kind.NODE,
            NODE,
            "/spec/taints/0/key",
            "\"bad key\"",
            "spec.taints[0].key: \"bad key\" must be a qualified name"),
        arguments(
            Kind.NODE,
            NODE,
            "/spec/unschedulable",
            "\"yes\"",
            "spec.unschedulable: must be a boolean, got \"yes\""),
        arguments(
            Kind.NODE,
            NODE,
            "/status/conditions/0/type",
            null,
            "status.conditions[0].type: required value"),
        arguments(
            Kind.INGRESS_CLASS,
            INGRESS_CLASS,
            "/spec/controller",
            "\"alb\"",
            "spec.controller: \"alb\" must be a domain-prefixed path"),
        arguments(
            Kind.INGRESS_CLASS,
            INGRESS_CLASS,
            "/spec/parameters/name",
            null,
            "spec.parameters.name: required value"),
        arguments(
            Kind.INGRESS_CLASS,
            INGRESS_CLASS,
            "/metadata/annotations",
            "{\"Bad Key\": \"x\"}",
            "metadata.annotations.Bad Key: \"bad key\" must be a qualified name"));
  }

  @ParameterizedTest(name = "{0} {2}")
  @MethodSource("invalid")
  void refuses(Kind kind, String base, String pointer, String json, String message) {
    assertThat(errors(kind, with(base, pointer, json))).contains(message);
  }

  @Test
  void annotationsOverTheApiServersTotalAreRefused() {
    var node = with(NODE, "/metadata/annotations", "{\"a\": \"" + "x".repeat(262144) + "\"}");

    assertThat(errors(Kind.NODE, node))
        .isEqualTo(
            "metadata.annotations: may not have more than 262144 bytes in total, has 262145");
  }
}
