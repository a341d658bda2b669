package dev.lbr.translate.ingress;

import dev.lbr.translate.ingress.IngressGolden.Case;
import dev.lbr.translate.ingress.IngressWorld.Ing;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Golden cases: which Ingresses are members, group merge and order, IngressClassParams. */
class IngressGroupGoldenTest {

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void buildsTheExpectedStack(Case c) {
    IngressGolden.check("group", c);
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case("the base Ingress gives the base stack", w -> w),
        new Case(
            "the legacy kubernetes.io/ingress.class alb annotation makes an Ingress ours",
            w -> {
              w.ing().className(null).raw(IngressAnnotation.LEGACY_CLASS, "alb");
              return w;
            }),
        new Case(
            "an Ingress without a class uses the default IngressClass",
            w -> {
              w.ing().className(null);
              return w.markDefault("alb");
            }),
        new Case(
            "an Ingress being deleted leaves its stack empty",
            w -> {
              w.ing().deleting();
              return w;
            }),
        new Case(
            "candidates of another class or group are not members",
            w ->
                w.add(
                        new Ing("default", "other")
                            .className("nginx")
                            .path("/x", "Prefix", "web", 80))
                    .add(
                        new Ing("default", "grouped")
                            .annotation("group.name", "elsewhere")
                            .path("/y", "Prefix", "web", 80))),
        new Case(
            "an explicit group merges its members, ordered by namespace/name", w -> twoMembers(w)),
        new Case(
            "group.order puts a member first",
            w -> {
              twoMembers(w).ing().annotation("group.order", "-5");
              return w;
            }),
        new Case(
            "each member's rules go only to the ports it listens on",
            w -> {
              twoMembers(w).ingresses.get(1).annotation("listen-ports", "[{\"HTTP\": 8080}]");
              return w;
            }),
        new Case(
            "IngressClassParams override the annotations",
            w -> {
              w.ing()
                  .className("alb-params")
                  .annotation("scheme", "internal")
                  .annotation("target-type", "instance")
                  .annotation("inbound-cidrs", "10.0.0.0/8");
              return w.params(
                  "params",
                  """
                  {"scheme": "internet-facing", "ipAddressType": "dualstack",
                   "targetType": "ip", "inboundCIDRs": ["192.168.0.0/16", "fd00::/8"],
                   "loadBalancerName": "team-alb"}
                  """);
            }),
        new Case(
            "IngressClassParams group.name forces the group",
            w -> {
              w.ing().className("alb-params").annotation("group.name", "ignored");
              return w.params("params", "{\"group\": {\"name\": \"team\"}}");
            }),
        new Case(
            "IngressClassParams tags and attributes merge with the annotations and win",
            w -> {
              w.ing()
                  .className("alb-params")
                  .annotation("tags", "team=web,env=dev")
                  .annotation(
                      "load-balancer-attributes",
                      "idle_timeout.timeout_seconds=30," + " routing.http2.enabled=false");
              return w.params(
                  "params",
                  """
                  {"tags": [{"key": "env", "value": "prod"}],
                   "loadBalancerAttributes": [{"key": "idle_timeout.timeout_seconds",
                                               "value": "120"}]}
                  """);
            }),
        new Case(
            "IngressClassParams certificates, SSL policy and redirect port",
            w -> {
              w.ing()
                  .className("alb-params")
                  .annotation("listen-ports", "[{\"HTTP\": 80}, {\"HTTPS\": 443}]")
                  .annotation("certificate-arn", "arn:ignored");
              return w.params(
                  "params",
                  """
                  {"certificateArn": ["arn:cert-1", "arn:cert-2"],
                   "sslPolicy": "ELBSecurityPolicy-TLS13-1-2-2021-06", "sslRedirectPort": "443"}
                  """);
            }),
        new Case(
            "IngressClassParams subnet tag filters",
            w -> {
              w.ing().className("alb-params").annotation("subnets", "public-a,public-b");
              return w.params(
                  "params",
                  "{\"subnets\": {\"tags\": {\"Name\": [\"private-a\"," + " \"private-c\"]}}}");
            }),
        new Case(
            "IngressClassParams prefix lists replace the default open CIDRs",
            w -> {
              w.ing().className("alb-params");
              return w.params("params", "{\"prefixListsIDs\": [\"pl-0123\"]}");
            }));
  }

  /** The base Ingress and {@code default/api} ({@code /api → api:80}) in group {@code shop}. */
  static IngressWorld twoMembers(IngressWorld w) {
    w.ing().annotation("group.name", "shop");
    w.add(
        new Ing("default", "api")
            .annotation("group.name", "shop")
            .path("/api", "Prefix", "api", 80));
    w.service("default", "api", new dev.lbr.k8s.K8sService.Port("", "TCP", 80, "9090", null));
    return w.pods("default", "api", 9090, "10.0.3.30");
  }
}
