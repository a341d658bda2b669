package dev.lbr.translate.service;

import static dev.lbr.translate.service.ServiceAnnotation.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lbr.model.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * ELBv2's value rules and quotas, checked on a Service before any AWS call: each refusal names the
 * Service, the annotation (or field) at fault, and what is allowed.
 */
class ServiceValidationTest {

  /** {@code annotation} is a suffix, or null when a field of the Service is at fault. */
  record Case(
      String name, UnaryOperator<Fixtures.Svc> service, String annotation, String... mentions) {
    @Override
    public String toString() {
      return name;
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void refusesTheServiceNamingTheAnnotationAndWhatIsAllowed(Case c) {
    String key = c.annotation() == null ? null : ServiceAnnotation.key(c.annotation());
    assertThatThrownBy(
            () ->
                ServiceModelBuilder.build(
                    c.service().apply(Fixtures.service()).build(),
                    Fixtures.slices(),
                    Fixtures.nodes(),
                    Fixtures.facts()))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.object()).isEqualTo("Service default/echo");
              assertThat(e.annotation()).isEqualTo(key);
              assertThat(e.getMessage()).startsWith("Service default/echo");
              for (String mention : c.mentions()) {
                assertThat(e.getMessage()).contains(mention);
              }
            });
  }

  static Stream<Case> cases() {
    return Stream.of(
        // Attributes.
        new Case(
            "an unknown load balancer attribute",
            s -> s.annotation(LB_ATTRIBUTES, "idle_timeout.timeout_seconds=60"),
            LB_ATTRIBUTES,
            "unknown load balancer attribute \"idle_timeout.timeout_seconds\" for an NLB",
            "deletion_protection.enabled"),
        new Case(
            "a load balancer attribute that is no boolean",
            s -> s.annotation(LB_ATTRIBUTES, "access_logs.s3.enabled=yes"),
            LB_ATTRIBUTES,
            "access_logs.s3.enabled=\"yes\"",
            "one of [true, false]"),
        new Case(
            "secondary IPs per subnet out of range",
            s -> s.annotation(LB_ATTRIBUTES, "secondary_ips.auto_assign.per_subnet=8"),
            LB_ATTRIBUTES,
            "an integer from 0 to 7"),
        new Case(
            "an unknown target group attribute",
            s -> s.annotation(TG_ATTRIBUTES, "slow_start.duration_seconds=30"),
            TG_ATTRIBUTES,
            "unknown target group attribute \"slow_start.duration_seconds\" for an NLB"),
        new Case(
            "a deregistration delay out of range",
            s -> s.annotation(TG_ATTRIBUTES, "deregistration_delay.timeout_seconds=3601"),
            TG_ATTRIBUTES,
            "an integer from 0 to 3600"),
        new Case(
            "an ALB stickiness type on an NLB target group",
            s -> s.annotation(TG_ATTRIBUTES, "stickiness.type=lb_cookie"),
            TG_ATTRIBUTES,
            "one of [source_ip]"),
        new Case(
            "a bad value in the per-port target group attributes",
            s -> s.annotation(TG_ATTRIBUTES + ".80", "proxy_protocol_v2.enabled=on"),
            TG_ATTRIBUTES + ".80",
            "proxy_protocol_v2.enabled=\"on\""),
        // Listeners.
        new Case(
            "an SSL policy that does not exist",
            s ->
                s.annotation(SSL_CERT, certificates(1))
                    .annotation(SSL_POLICY, "ELBSecurityPolicy-2099-01"),
            SSL_POLICY,
            "\"ELBSecurityPolicy-2099-01\" is not an ELBv2 predefined security policy",
            "ELBSecurityPolicy-2016-08"),
        new Case(
            "26 certificates besides the default",
            s -> s.annotation(SSL_CERT, certificates(27)),
            SSL_CERT,
            "27 certificates",
            "at most 25 more"),
        new Case(
            "51 ports make 51 listeners",
            s -> ports(s, 51),
            null,
            "spec.ports: 51 listeners; a load balancer takes at most 50"),
        new Case(
            "a proxy-protocol port out of range",
            s -> s.annotation(PROXY_PROTOCOL_PER_TG, "80,70000"),
            PROXY_PROTOCOL_PER_TG,
            "port 70000 is not between 1 and 65535"),
        // Health checks.
        new Case(
            "a health check path without a leading slash",
            s -> s.annotation(HC_PROTOCOL, "http").annotation(HC_PATH, "healthz"),
            HC_PATH,
            "health check path \"healthz\" must start with /"),
        new Case(
            "a health check path over 1024 characters",
            s -> s.annotation(HC_PROTOCOL, "http").annotation(HC_PATH, "/" + "a".repeat(1024)),
            HC_PATH,
            "1025 characters long; at most 1024"),
        // Names and tags.
        new Case(
            "a load balancer name with an emoji",
            s -> s.annotation(NAME, "echo-\uD83D\uDE80"),
            NAME,
            "is not a valid load balancer name"),
        new Case(
            "a tag key with an emoji",
            s -> s.annotation(ADDITIONAL_TAGS, "team\uD83D\uDE80=web"),
            ADDITIONAL_TAGS,
            "tag key \"team\uD83D\uDE80\" may contain only letters, digits, spaces"),
        new Case(
            "a tag value with a character ELBv2 refuses",
            s -> s.annotation(ADDITIONAL_TAGS, "team=web;drop"),
            ADDITIONAL_TAGS,
            "the value \"web;drop\" of tag team"),
        new Case(
            "a tag value over 256 characters",
            s -> s.annotation(ADDITIONAL_TAGS, "team=" + "w".repeat(257)),
            ADDITIONAL_TAGS,
            "longer than 256 characters"),
        new Case(
            "48 user tags beside the controller's 3",
            s -> s.annotation(ADDITIONAL_TAGS, tags(48)),
            ADDITIONAL_TAGS,
            "48 tags",
            "at most 47 user tags"),
        // Security groups.
        new Case(
            "a source range that is no CIDR, with the user's own security groups",
            s -> s.annotation(SECURITY_GROUPS, "sg-1").annotation(SOURCE_RANGES, "not-cidr"),
            SOURCE_RANGES,
            "\"not-cidr\" is not a CIDR block"),
        new Case(
            "a managed security group needing 61 inbound rules",
            s -> s.annotation(SOURCE_RANGES, cidrs(61)),
            SOURCE_RANGES,
            "would need 61 IPv4 inbound rules",
            "at most 60 per IP family"),
        new Case(
            "three ports times 21 source ranges",
            s -> ports(s, 3).annotation(SOURCE_RANGES, cidrs(21)),
            SOURCE_RANGES,
            "would need 63 IPv4 inbound rules"));
  }

  private static Fixtures.Svc ports(Fixtures.Svc s, int n) {
    s.clearPorts();
    for (int i = 0; i < n; i++) {
      s.port("p" + i, "TCP", 1000 + i, "8080");
    }
    return s;
  }

  private static String certificates(int n) {
    List<String> arns = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      arns.add("arn:aws:acm:us-west-2:123456789012:certificate/c" + i);
    }
    return String.join(",", arns);
  }

  private static String tags(int n) {
    return IntStream.range(0, n).mapToObj(i -> "k" + i + "=v").collect(Collectors.joining(","));
  }

  private static String cidrs(int n) {
    return IntStream.range(0, n)
        .mapToObj(i -> "10.0." + i + ".0/24")
        .collect(Collectors.joining(","));
  }
}
