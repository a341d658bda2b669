package dev.lbr.translate.ingress;

import static dev.lbr.translate.ingress.IngressGroupGoldenTest.twoMembers;

import dev.lbr.translate.ingress.IngressErrors.Case;
import dev.lbr.translate.ingress.IngressWorld.Ing;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every way the builder refuses a group, its load balancer or its listeners. */
class IngressGroupErrorTest {
  private static final String WEB = "Ingress default/web";
  private static final String PARAMS = "IngressClassParams params";

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void refusesTheGroupNamingTheObjectAndAnnotation(Case c) {
    IngressErrors.check(c);
  }

  static Stream<Case> cases() {
    return Stream.of(
        // Group membership.
        set("an invalid group.name", "group.name", "Shop_1", WEB, "lower case alphanumeric"),
        set("a group.name over 63 characters", "group.name", "g".repeat(64), WEB, "63"),
        set("group.order out of range", "group.order", "1001", WEB, "[-1000:1000]"),
        set("group.order not a number", "group.order", "first", WEB, "not an integer"),
        params(
            "an IngressClassParams namespaceSelector",
            "{\"namespaceSelector\": {}}",
            PARAMS,
            null,
            "namespaceSelector",
            "not supported yet"),
        params(
            "IngressClassParams listeners",
            "{\"listeners\": [{\"port\": 80}]}",
            PARAMS,
            null,
            "listeners",
            "not supported yet"),
        params(
            "an invalid IngressClassParams group name",
            "{\"group\": {\"name\": \"-x\"}}",
            PARAMS,
            null,
            "spec.group.name"),
        new Case(
            "an IngressClass whose IngressClassParams do not exist",
            w -> {
              w.ing().className("alb-params");
              return w;
            },
            WEB,
            null,
            "IngressClassParams params, which does not exist"),
        // Exclusive settings across the group.
        conflict("scheme", "internal", "internet-facing"),
        conflict("load-balancer-name", "one", "two"),
        conflict("ip-address-type", "ipv4", "dualstack"),
        conflict("security-groups", "sg-1", "sg-2"),
        conflict("subnets", "public-a,public-b", "public-b,public-c"),
        conflict("tags", "team=api", "team=web"),
        conflict(
            "load-balancer-attributes",
            "idle_timeout.timeout_seconds=1",
            "idle_timeout.timeout_seconds=2"),
        conflict("manage-backend-security-group-rules", "true", "false"),
        conflict("inbound-cidrs", "10.0.0.0/8", "10.0.0.0/16"),
        new Case(
            "members listening on one port with different protocols",
            w -> {
              twoMembers(w)
                  .ing()
                  .annotation("listen-ports", "[{\"HTTPS\": 8080}]")
                  .annotation("certificate-arn", "arn:cert-1");
              w.ingresses.get(1).annotation("listen-ports", "[{\"HTTP\": 8080}]");
              return w;
            },
            WEB,
            "listen-ports",
            "conflicting protocol of port 8080",
            "Ingress default/api",
            "Ingress default/web"),
        new Case(
            "two members with a default backend",
            w -> {
              twoMembers(w).ing().defaultBackend("web", null, 80);
              w.ingresses.get(1).defaultBackend("api", null, 80);
              return w;
            },
            WEB,
            null,
            "multiple ingress defined default backend",
            "default/api",
            "default/web"),
        // Load balancer values.
        set("an unknown scheme", "scheme", "public", WEB, "unknown scheme"),
        set("an unknown ip-address-type", "ip-address-type", "ipv6", WEB, "unknown IPAddressType"),
        set(
            "a load-balancer-name over 32 characters",
            "load-balancer-name",
            "n".repeat(33),
            WEB,
            "cannot be longer than 32 characters"),
        set(
            "a load-balancer-name with invalid characters",
            "load-balancer-name",
            "my_alb",
            WEB,
            "not a valid load balancer name"),
        set("an unknown subnet name", "subnets", "public-a,nowhere", WEB, "not found: nowhere"),
        set("a single subnet", "subnets", "public-a", WEB, "at least 2"),
        set(
            "two subnets in one AZ",
            "subnets",
            "public-a,private-a",
            WEB,
            "multiple subnets in same Availability Zone"),
        new Case(
            "discovery finding one AZ",
            w -> {
              w.facts =
                  IngressFixtures.facts(
                      List.of(
                          IngressFixtures.subnet(
                              "subnet-1", "a", "kubernetes.io/role/internal-elb", "x")));
              return w;
            },
            WEB,
            null,
            "couldn't auto-discover subnets",
            "at least 2"),
        set(
            "an unknown security group name",
            "security-groups",
            "sg-1,nosuch",
            WEB,
            "couldn't find all security groups",
            "nosuch"),
        set(
            "a tag the controller owns",
            "tags",
            "ingress.k8s.aws/stack=x",
            WEB,
            "set by the controller"),
        set("a tag AWS reserves", "tags", "aws:cost=1", WEB, "aws:"),
        set("an invalid inbound CIDR", "inbound-cidrs", "10.0.0.0/33", WEB, "invalid CIDR"),
        // Listeners.
        set(
            "malformed listen-ports",
            "listen-ports",
            "[{\"HTTP\": 80",
            WEB,
            "failed to parse listen-ports"),
        set("empty listen-ports", "listen-ports", "[]", WEB, "empty listen-ports"),
        set(
            "a listen-ports protocol other than HTTP(S)",
            "listen-ports",
            "[{\"TCP\": 80}]",
            WEB,
            "listen protocol must be within [HTTP, HTTPS]"),
        set(
            "a listen port out of range",
            "listen-ports",
            "[{\"HTTP\": 70000}]",
            WEB,
            "within [1, 65535]"),
        set(
            "a duplicate listen port",
            "listen-ports",
            "[{\"HTTP\": 80}, {\"HTTPS\": 80}]",
            WEB,
            "duplicate listen port 80"),
        new Case(
            "an HTTPS listen port without a certificate",
            w -> {
              w.ing().annotation("listen-ports", "[{\"HTTPS\": 443}]");
              return w;
            },
            WEB,
            "certificate-arn",
            "certificate discovery is not supported yet; set" + " certificate-arn"),
        set(
            "ssl-redirect to a port that is not listened on",
            "ssl-redirect",
            "443",
            WEB,
            "listener does not exist for SSLRedirect port: 443"),
        new Case(
            "ssl-redirect to an HTTP port",
            w -> {
              w.ing()
                  .annotation("listen-ports", "[{\"HTTP\": 80}, {\"HTTP\": 8080}]")
                  .annotation("ssl-redirect", "8080");
              return w;
            },
            WEB,
            "ssl-redirect",
            "listener protocol non-SSL for SSLRedirect port: 8080"));
  }

  private static Case set(
      String name, String suffix, String value, String object, String... mentions) {
    return new Case(name, annotate(suffix, value), object, suffix, mentions);
  }

  private static UnaryOperator<IngressWorld> annotate(String suffix, String value) {
    return w -> {
      w.ing().annotation(suffix, value);
      return w;
    };
  }

  private static Case params(
      String name, String spec, String object, String annotation, String... mentions) {
    return new Case(
        name,
        w -> {
          w.ing().className("alb-params");
          return w.params("params", spec);
        },
        object,
        annotation,
        mentions);
  }

  /** default/api (first in the group) sets {@code first}, default/web sets {@code second}. */
  private static Case conflict(String suffix, String first, String second) {
    return new Case(
        "members disagreeing on " + suffix,
        w -> {
          twoMembers(w);
          Ing web = w.ing();
          Ing api = w.ingresses.get(1);
          api.annotation(suffix, first);
          web.annotation(suffix, second);
          return w;
        },
        WEB,
        suffix,
        "conflicting",
        "Ingress default/api",
        "Ingress default/web");
  }
}
