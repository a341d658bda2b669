package dev.lbr.translate.ingress;

import dev.lbr.k8s.K8sService;
import dev.lbr.translate.ingress.IngressErrors.Case;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every way the builder refuses target groups and health checks, and what is not supported yet
 * (instance mode: {@link IngressInstanceErrorTest}).
 */
class IngressTargetGroupErrorTest {
  private static final String WEB = "Ingress default/web";
  private static final String SVC = "Service default/web";

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void refusesTheGroupNamingTheObjectAndAnnotation(Case c) {
    IngressErrors.check(c);
  }

  static Stream<Case> cases() {
    return Stream.of(
        // Target groups.
        new Case(
            "a backend Service without the port",
            w -> {
              w.ing().clearRules().path("/", "Prefix", "web", 81);
              return w;
            },
            WEB,
            null,
            "unable to find port 81 on service default/web"),
        set("an unknown target type", "target-type", "pod", WEB, "unknown targetType: pod"),
        set("an unknown backend-protocol", "backend-protocol", "TCP", WEB, "[HTTP, HTTPS]"),
        set(
            "an unknown backend-protocol-version",
            "backend-protocol-version",
            "HTTP3",
            WEB,
            "[HTTP1, HTTP2, GRPC]"),
        set(
            "a health check interval under 5 s",
            "healthcheck-interval-seconds",
            "3",
            WEB,
            "ALB allows 5-300"),
        set(
            "a health check timeout over 120 s",
            "healthcheck-timeout-seconds",
            "121",
            WEB,
            "ALB allows 2-120"),
        set(
            "a health check timeout not under the interval",
            "healthcheck-timeout-seconds",
            "15",
            WEB,
            "must be smaller than the interval"),
        set(
            "a health check interval not above the default timeout of 5 s",
            "healthcheck-interval-seconds",
            "5",
            WEB,
            "the health check timeout (5 s) must be smaller than the interval (5 s)"),
        new Case(
            "a health check timeout equal to the interval",
            w -> {
              w.ing()
                  .annotation("healthcheck-interval-seconds", "10")
                  .annotation("healthcheck-timeout-seconds", "10");
              return w;
            },
            WEB,
            "healthcheck-timeout-seconds",
            "must be smaller than the interval (10 s)"),
        set("a healthy threshold over 10", "healthy-threshold-count", "11", WEB, "ALB allows 2-10"),
        set(
            "an unhealthy threshold under 2",
            "unhealthy-threshold-count",
            "1",
            WEB,
            "ALB allows 2-10"),
        set(
            "an unknown health check protocol",
            "healthcheck-protocol",
            "TCP",
            WEB,
            "[HTTP, HTTPS]"),
        set(
            "a health check port naming no Service port",
            "healthcheck-port",
            "admin",
            WEB,
            "unable to find port admin"),
        set(
            "a health check port out of range",
            "healthcheck-port",
            "0",
            WEB,
            "not between 1 and 65535"),
        set("success codes out of ALB's range", "success-codes", "200-600", WEB, "200-499"),
        new Case(
            "HTTP success codes with GRPC",
            w -> {
              w.ing()
                  .annotation("backend-protocol-version", "GRPC")
                  .annotation("success-codes", "200");
              return w;
            },
            WEB,
            "success-codes",
            "gRPC codes 0-99"),
        service(
            "an invalid health check interval on the Service",
            Map.of(IngressAnnotation.key("healthcheck-interval-seconds"), "400"),
            List.of(),
            "healthcheck-interval-seconds",
            "ALB allows 5-300"),
        service(
            "a health check timeout on the Service not under the default interval",
            Map.of(IngressAnnotation.key("healthcheck-timeout-seconds"), "15"),
            List.of(),
            "healthcheck-timeout-seconds",
            "must be smaller than the interval (15 s)"),
        service(
            "authentication on the Service",
            Map.of(IngressAnnotation.key("auth-type"), "cognito"),
            List.of(),
            "auth-type",
            "not supported yet"),
        new Case(
            "an IPv6 Service on an ipv4 ALB",
            w ->
                w.service(
                    "default",
                    "web",
                    Map.of(),
                    List.of("IPv6"),
                    new K8sService.Port("http", "TCP", 80, "8080", null)),
            WEB,
            "ip-address-type",
            "lb not dual-stack"),
        // Not supported yet.
        set("authentication", "auth-type", "cognito", WEB, "not supported yet"),
        set("JWT validation", "jwt-validation", "{}", WEB, "not supported yet"),
        set("a WAFv2 ACL", "wafv2-acl-arn", "arn:waf", WEB, "not supported yet"),
        set("Shield Advanced", "shield-advanced-protection", "true", WEB, "not supported yet"),
        set("a frontend NLB", "enable-frontend-nlb", "true", WEB, "not supported yet"),
        set("a frontend NLB setting", "frontend-nlb-scheme", "internal", WEB, "not supported yet"),
        set("transforms", "transforms.web", "[]", WEB, "not supported yet"),
        set("listener attributes", "listener-attributes.HTTP-80", "a=b", WEB, "not supported yet"),
        set(
            "multi-cluster target groups",
            "multi-cluster-target-group",
            "true",
            WEB,
            "not supported yet"),
        set(
            "a customer-owned IPv4 pool",
            "customer-owned-ipv4-pool",
            "pool",
            WEB,
            "not supported yet"),
        set(
            "capacity reservation",
            "minimum-load-balancer-capacity",
            "CapacityUnits=100",
            WEB,
            "not supported yet"),
        set("an IPAM pool", "ipam-ipv4-pool-id", "ipam-pool-1", WEB, "not supported yet"));
  }

  private static Case set(
      String name, String suffix, String value, String object, String... mentions) {
    return new Case(
        name,
        w -> {
          w.ing().annotation(suffix, value);
          return w;
        },
        object,
        suffix,
        mentions);
  }

  private static Case service(
      String name,
      Map<String, String> annotations,
      List<String> families,
      String suffix,
      String mention) {
    return new Case(
        name,
        w ->
            w.service(
                "default",
                "web",
                annotations,
                families,
                new K8sService.Port("http", "TCP", 80, "8080", null)),
        SVC,
        suffix,
        mention);
  }
}
