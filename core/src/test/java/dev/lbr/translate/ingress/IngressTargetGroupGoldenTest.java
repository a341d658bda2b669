package dev.lbr.translate.ingress;

import dev.lbr.k8s.K8sService;
import dev.lbr.translate.ingress.IngressGolden.Case;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Golden cases: target groups, health checks, their annotations and targets. */
class IngressTargetGroupGoldenTest {

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void buildsTheExpectedStack(Case c) {
    IngressGolden.check("target-groups", c);
  }

  static Stream<Case> cases() {
    return Stream.of(
        annotated("backend-protocol HTTPS", Map.of("backend-protocol", "HTTPS")),
        annotated(
            "backend-protocol-version GRPC checks /AWS.ALB/healthcheck for code 12",
            Map.of("backend-protocol-version", "GRPC")),
        annotated(
            "every health check annotation",
            Map.of(
                "healthcheck-port", "8081",
                "healthcheck-protocol", "HTTPS",
                "healthcheck-path", "/healthz",
                "healthcheck-interval-seconds", "30",
                "healthcheck-timeout-seconds", "10",
                "healthy-threshold-count", "3",
                "unhealthy-threshold-count", "4",
                "success-codes", "200-299,302")),
        annotated(
            "healthcheck-port may name a Service port (its numeric targetPort)",
            Map.of("healthcheck-port", "http")),
        annotated(
            "target-group-attributes",
            Map.of(
                "target-group-attributes",
                "deregistration_delay.timeout_seconds=30, stickiness.enabled=true")),
        new Case(
            "the Service's annotations win over the Ingress's",
            w -> {
              w.ing()
                  .annotation("healthcheck-path", "/ingress")
                  .annotation("tags", "owner=ingress, team=web")
                  .annotation("target-group-attributes", "slow_start.duration_seconds=30");
              return w.service(
                  "default",
                  "web",
                  Map.of(
                      IngressAnnotation.key("healthcheck-path"), "/service",
                      IngressAnnotation.key("tags"), "owner=service",
                      IngressAnnotation.key("target-group-attributes"),
                          "deregistration_delay.timeout_seconds=10"),
                  List.of(),
                  new K8sService.Port("http", "TCP", 80, "8080", null));
            }),
        new Case(
            "the Service's target-type annotation wins over the Ingress's",
            w -> {
              w.ing().annotation("target-type", "instance");
              return w.service(
                  "default",
                  "web",
                  Map.of(IngressAnnotation.key("target-type"), "ip"),
                  List.of(),
                  new K8sService.Port("http", "TCP", 80, "8080", null));
            }),
        new Case(
            "a backend by Service port name, and the same port by number, give two target groups",
            w -> {
              w.ing().path("/named", "Prefix", "web", "http");
              return w;
            }),
        new Case(
            "a named targetPort gives target group port 1 and targets from the named slice port",
            w ->
                w.service(
                    "default", "web", new K8sService.Port("http", "TCP", 80, "web-port", null))),
        new Case(
            "an IPv6 Service on a dualstack ALB gets an ipv6 target group and IPv6 targets",
            w -> {
              w.ing().annotation("ip-address-type", "dualstack");
              w.service(
                  "default",
                  "web",
                  Map.of(),
                  List.of("IPv6"),
                  new K8sService.Port("http", "TCP", 80, "8080", null));
              return w.pods("default", "web", 8080, "fd00::10");
            }),
        new Case(
            "IngressClassParams targetType ip stands in for the annotation",
            w -> {
              w.ing().className("alb-params").annotation("target-type", null);
              return w.params("params", "{\"targetType\": \"ip\"}");
            }));
  }

  private static Case annotated(String name, Map<String, String> annotations) {
    return new Case(
        name,
        w -> {
          annotations.forEach((k, v) -> w.ing().annotation(k, v));
          return w;
        });
  }
}
