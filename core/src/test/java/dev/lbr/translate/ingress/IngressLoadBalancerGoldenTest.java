package dev.lbr.translate.ingress;

import dev.lbr.translate.ingress.IngressGolden.Case;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Golden cases: the ALB, its security groups and tags, listeners and default actions. */
class IngressLoadBalancerGoldenTest {

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void buildsTheExpectedStack(Case c) {
    IngressGolden.check("load-balancer", c);
  }

  static Stream<Case> cases() {
    return Stream.of(
        annotated(
            "scheme internet-facing uses the public subnets and renames the ALB",
            "scheme",
            "internet-facing"),
        annotated(
            "ip-address-type dualstack opens the ports to ::/0 too",
            "ip-address-type",
            "dualstack"),
        annotated("load-balancer-name names the ALB", "load-balancer-name", "my-alb"),
        annotated(
            "subnets by Name tag, in the annotation's order", "subnets", "public-b, private-c"),
        annotated("subnets by ID", "subnets", "subnet-private-c,subnet-public-a"),
        annotated(
            "security-groups by ID and Name replace the managed security group",
            "security-groups",
            "web, sg-0custom"),
        annotated(
            "load-balancer-attributes",
            "load-balancer-attributes",
            "idle_timeout.timeout_seconds=600, deletion_protection.enabled=true"),
        annotated("tags go on every resource", "tags", "team=web, cost-center=42"),
        annotated(
            "inbound-cidrs: IPv6 ones only apply to a dualstack ALB",
            "inbound-cidrs",
            "10.0.0.0/8, 2001:db8::/32"),
        new Case(
            "inbound-cidrs and prefix lists on a dualstack ALB",
            w -> {
              w.ing()
                  .annotation("ip-address-type", "dualstack")
                  .annotation("inbound-cidrs", "10.0.0.0/8, 2001:db8::/32")
                  .annotation("security-group-prefix-lists", "pl-0abc");
              return w;
            }),
        annotated(
            "certificate-arn alone makes the listener HTTPS:443",
            "certificate-arn",
            "arn:cert-1, arn:cert-2"),
        new Case(
            "listen-ports HTTP and HTTPS with ssl-policy",
            w -> {
              w.ing()
                  .annotation("listen-ports", "[{\"HTTP\": 80}, {\"HTTPS\": 8443}]")
                  .annotation("certificate-arn", "arn:cert-1")
                  .annotation("ssl-policy", "ELBSecurityPolicy-TLS13-1-2-2021-06");
              return w;
            }),
        new Case(
            "ssl-redirect leaves the HTTP listener a 301 redirect without rules",
            w -> {
              w.ing()
                  .annotation("listen-ports", "[{\"HTTP\": 80}, {\"HTTPS\": 443}]")
                  .annotation("certificate-arn", "arn:cert-1")
                  .annotation("ssl-redirect", "443");
              return w;
            }),
        new Case(
            "certificates merge across members, the first member's first one being the default",
            w -> {
              IngressGroupGoldenTest.twoMembers(w)
                  .ing()
                  .annotation("certificate-arn", "arn:a,arn:b");
              w.ingresses.get(1).annotation("certificate-arn", "arn:c, arn:a");
              return w;
            }),
        new Case(
            "the default backend becomes the listener's default action",
            w -> {
              w.ing().clearRules().defaultBackend("web", null, 80);
              return w;
            }),
        new Case(
            "a default backend whose Service does not exist answers 503",
            w -> {
              w.ing().defaultBackend("missing", "http", null);
              return w;
            }));
  }

  private static Case annotated(String name, String suffix, String value) {
    return new Case(
        name,
        w -> {
          w.ing().annotation(suffix, value);
          return w;
        });
  }
}
