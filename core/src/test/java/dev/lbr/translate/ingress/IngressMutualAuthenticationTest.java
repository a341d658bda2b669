package dev.lbr.translate.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbr.translate.common.StackJson;
import dev.lbr.translate.ingress.IngressErrors.Case;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code mutual-authentication} as LBC reads it ({@code pkg/ingress/model_build_listener.go}): mode
 * {@code off}, ELBv2's default, builds the stack the Ingress builds without the annotation; the
 * other modes are refused on an HTTPS listen port, and every entry is checked as LBC checks it.
 */
class IngressMutualAuthenticationTest {
  private static final String WEB = "Ingress default/web";
  private static final String MTLS = "mutual-authentication";

  static Stream<Arguments> asIfUnset() {
    return Stream.of(
        row("mode off on the HTTPS port", "[{\"port\": 443, \"mode\": \"off\"}]"),
        row(
            "mode off on every port",
            "[{\"port\":80,\"mode\":\"off\"},{\"port\":443,\"mode\":\"off\"}]"),
        row(
            "keys in another case, as Go's JSON decoder matches them",
            "[{\"Port\": 443, \"MODE\": \"off\"}]"),
        row(
            "mode off on a port the Ingress does not listen on",
            "[{\"port\": 8443, \"mode\": \"off\"}]"),
        row(
            "verify on an HTTP port, which LBC does not apply",
            "[{\"port\": 80, \"mode\": \"verify\", \"trustStore\": \"ts\"}]"),
        row(
            "passthrough on a port the Ingress does not listen on",
            "[{\"port\": 8443, \"mode\": \"passthrough\"}]"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("asIfUnset")
  void buildsTheSameStackAsWithoutTheAnnotation(String name, String value) {
    String with = stack(w -> https(w).annotation(MTLS, value));
    String without = stack(w -> https(w));

    assertThat(with).isEqualTo(without);
  }

  static Stream<Case> refused() {
    return Stream.of(
        refused(
            "mode verify on the HTTPS port",
            "[{\"port\":443,\"mode\":\"verify\",\"trustStore\":\"ts\"}]",
            "mode verify on port 443",
            "not supported yet",
            "only mode off"),
        refused(
            "mode passthrough on the HTTPS port",
            "[{\"port\":443,\"mode\":\"passthrough\"}]",
            "mode passthrough on port 443",
            "not supported yet"),
        refused("an empty list", "[]", "empty mutualAuthentication configuration"),
        refused("not JSON", "off", "failed to parse"),
        refused(
            "an object instead of a list", "{\"port\":443,\"mode\":\"off\"}", "failed to parse"),
        refused("a port out of range", "[{\"port\":0,\"mode\":\"off\"}]", "[1, 65535]: 0"),
        refused(
            "a port as a string",
            "[{\"port\":\"443\",\"mode\":\"off\"}]",
            "port must be an integer"),
        refused("no mode", "[{\"port\":443}]", "mode cannot be empty for port 443"),
        refused(
            "an unknown mode",
            "[{\"port\":443,\"mode\":\"Off\"}]",
            "must be among [off, passthrough, verify] for port 443 : Off"),
        refused(
            "verify without a trust store",
            "[{\"port\":443,\"mode\":\"verify\"}]",
            "trustStore is required"),
        refused(
            "off with a trust store",
            "[{\"port\":443,\"mode\":\"off\",\"trustStore\":\"ts\"}]",
            "mode off does not support trustStore"),
        refused(
            "off ignoring certificate expiry",
            "[{\"port\":443,\"mode\":\"off\",\"ignoreClientCertificateExpiry\":true}]",
            "mode off does not support ignoring client certificate expiry"),
        refused(
            "off advertising CA names",
            "[{\"port\":443,\"mode\":\"off\",\"advertiseTrustStoreCaNames\":\"on\"}]",
            "mode off does not support advertiseTrustStoreCaNames"),
        refused(
            "an entry checked on a port the Ingress does not listen on",
            "[{\"port\":8443,\"mode\":\"off\",\"trustStore\":\"ts\"}]",
            "does not support trustStore for port 8443"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refused")
  void refusesTheIngressNamingTheAnnotation(Case c) {
    IngressErrors.check(c);
  }

  private static IngressWorld.Ing https(IngressWorld w) {
    return w.ing()
        .annotation("listen-ports", "[{\"HTTP\": 80}, {\"HTTPS\": 443}]")
        .annotation("certificate-arn", "arn:cert-1");
  }

  private static String stack(java.util.function.Consumer<IngressWorld> setUp) {
    IngressWorld w = IngressWorld.base();
    setUp.accept(w);
    return StackJson.string(IngressModelBuilder.build(w.input(), w.facts));
  }

  private static Arguments row(String name, String value) {
    return Arguments.of(name, value);
  }

  private static Case refused(String name, String value, String... mentions) {
    UnaryOperator<IngressWorld> world =
        w -> {
          https(w).annotation(MTLS, value);
          return w;
        };
    return new Case(name, world, WEB, MTLS, mentions);
  }
}
