package dev.lbr.translate.ingress;

import static dev.lbr.translate.ingress.IngressWorld.Ing.p;

import dev.lbr.k8s.K8sIngress;
import dev.lbr.translate.ingress.IngressGolden.Case;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Golden cases: rule order, path patterns, conditions and actions. */
class IngressRulesGoldenTest {

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void buildsTheExpectedStack(Case c) {
    IngressGolden.check("rules", c);
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case(
            "paths sort Exact first, then Prefix longest first, then the rest as written",
            w -> {
              w.ing()
                  .clearRules()
                  .rule(
                      "shop.example.com",
                      p("/legacy*", "ImplementationSpecific", "web", 80),
                      p("/a", "Prefix", "web", 80),
                      p("/exact", "Exact", "web", 80),
                      p("/longer/path/", "Prefix", "web", 80),
                      new K8sIngress.Path(null, null, IngressWorld.Ing.backend("web", null, 80)))
                  .rule("other.example.com", p("/", "Prefix", "web", 80));
              return w;
            }),
        new Case(
            "use-regex-path-match turns ImplementationSpecific paths into regexValues",
            w -> {
              w.ing()
                  .clearRules()
                  .annotation("use-regex-path-match", "true")
                  .path("/^/api/(.+)$", "ImplementationSpecific", "web", 80)
                  .path("/exact", "Exact", "web", 80);
              return w;
            }),
        new Case(
            "conditions merge host and path values and add the other fields",
            w -> {
              w.ing()
                  .clearRules()
                  .rule("a.example.com", p("/app", "Exact", "web", 80))
                  .annotation(
                      "conditions.web",
                      """
                      [{"field": "host-header", "hostHeaderConfig": {"values": ["b.example.com"]}},
                       {"field": "http-header", "httpHeaderConfig":
                          {"httpHeaderName": "X-Canary", "values": ["true"]}},
                       {"Field": "query-string", "QueryStringConfig":
                          {"Values": [{"key": "v", "value": "2"}]}}]
                      """);
              return w;
            }),
        new Case(
            "conditions on a path-less rule: source-ip and method, no default /*",
            w -> {
              w.ing()
                  .clearRules()
                  .rule(
                      null,
                      new K8sIngress.Path(null, null, IngressWorld.Ing.backend("web", null, 80)))
                  .annotation(
                      "conditions.web",
                      """
                      [{"field": "source-ip", "sourceIpConfig": {"values": ["10.0.0.0/8"]}},
                       {"field": "http-request-method",
                        "httpRequestMethodConfig": {"Values": ["GET", "HEAD"]}}]
                      """);
              return w;
            }),
        action(
            "a fixed-response action (JSON keys in any case)",
            """
            {"Type": "fixed-response", "FixedResponseConfig":
              {"ContentType": "text/plain", "StatusCode": "418", "MessageBody": "teapot"}}
            """),
        action(
            "a redirect action",
            """
            {"type": "redirect", "redirectConfig": {"host": "aws.amazon.com", "path": "/eks/",
              "port": "443", "protocol": "HTTPS", "query": "k=v", "statusCode": "HTTP_302"}}
            """),
        action(
            "a forward to a target group ARN",
            "{\"type\": \"forward\", \"targetGroupARN\": \"arn:aws:elasticloadbalancing:us-west-2:123456789012:targetgroup/x/0123456789abcdef\"}"),
        new Case(
            "a weighted forward to Services and an ARN, with stickiness",
            w -> {
              w.ing()
                  .clearRules()
                  .action("/", "Prefix", "split")
                  .annotation(
                      "actions.split",
                      """
                      {"type": "forward", "forwardConfig": {"targetGroups": [
                        {"serviceName": "web", "servicePort": "http", "weight": 60},
                        {"serviceName": "api", "servicePort": 80, "weight": 30},
                        {"targetGroupARN": "arn:aws:elasticloadbalancing:us-west-2:123456789012:targetgroup/x/0123456789abcdef", "weight": 10}],
                       "targetGroupStickinessConfig": {"enabled": true, "durationSeconds": 300}}}
                      """);
              return IngressGroupGoldenTest.twoMembers(w);
            }),
        new Case(
            "a use-annotation backend without its actions annotation answers 503",
            w -> {
              w.ing().clearRules().action("/", "Prefix", "nowhere");
              return w;
            }),
        new Case(
            "a backend Service that does not exist answers 503",
            w -> {
              w.ing().clearRules().path("/", "Prefix", "missing", 80);
              return w;
            }),
        new Case(
            "the legacy actions.ssl-redirect rule: no loop on HTTPS, shadowed rules dropped on HTTP",
            w -> {
              w.ing()
                  .clearRules()
                  .annotation("listen-ports", "[{\"HTTP\": 80}, {\"HTTPS\": 443}]")
                  .annotation("certificate-arn", "arn:cert-1")
                  .annotation(
                      "actions.ssl-redirect",
                      "{\"Type\": \"redirect\", \"RedirectConfig\": {\"Protocol\": \"HTTPS\","
                          + " \"Port\": \"443\", \"StatusCode\": \"HTTP_301\"}}")
                  .rule(
                      null,
                      new K8sIngress.Path(
                          "/*",
                          "ImplementationSpecific",
                          IngressWorld.Ing.backend("ssl-redirect", "use-annotation", null)),
                      p("/*", "ImplementationSpecific", "web", 80));
              return w;
            }));
  }

  private static Case action(String name, String json) {
    return new Case(
        name,
        w -> {
          w.ing().clearRules().action("/", "Prefix", "custom").annotation("actions.custom", json);
          return w;
        });
  }
}
