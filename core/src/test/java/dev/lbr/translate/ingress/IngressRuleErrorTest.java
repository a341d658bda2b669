package dev.lbr.translate.ingress;

import static dev.lbr.translate.ingress.IngressWorld.Ing.p;

import dev.lbr.translate.ingress.IngressErrors.Case;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every way the builder refuses paths, actions, conditions and rules. */
class IngressRuleErrorTest {
  private static final String TG_ARN =
      "arn:aws:elasticloadbalancing:us-west-2:123456789012:targetgroup/x/0123456789abcdef";

  private static final String WEB = "Ingress default/web";

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void refusesTheGroupNamingTheObjectAndAnnotation(Case c) {
    IngressErrors.check(c);
  }

  static Stream<Case> cases() {
    return Stream.of(
        // Paths.
        path("an unknown pathType", "/x", "Regex", "unknown pathType Regex"),
        path("an Exact path with a wildcard", "/x*", "Exact", "exact path shouldn't contain"),
        path("a Prefix path with a wildcard", "/x?", "Prefix", "prefix path shouldn't contain"),
        // actions.*
        action("malformed action JSON", "{\"type\": ", "failed to parse json annotation"),
        action("an unknown action type", "{\"type\": \"forwrd\"}", "unknown action type"),
        action("a forward without a target", "{\"type\": \"forward\"}", "missing ForwardConfig"),
        action(
            "a forward to a target group by name",
            "{\"type\": \"forward\", \"targetGroupName\": \"tg\"}",
            "not supported yet"),
        action(
            "weights missing with several target groups",
            "{\"type\": \"forward\", \"forwardConfig\": {\"targetGroups\": ["
                + "{\"serviceName\": \"web\", \"servicePort\": 80},"
                + " {\"targetGroupARN\": \"arn:x\"}]}}",
            "weight must be set"),
        action(
            "more than 5 target groups in a forward",
            "{\"type\": \"forward\", \"forwardConfig\": {\"targetGroups\": ["
                + "{\"targetGroupARN\": \"a\", \"weight\": 1}, ".repeat(5)
                + "{\"targetGroupARN\": \"f\", \"weight\": 1}]}}",
            "at most 5 target groups"),
        action(
            "a weight out of range",
            "{\"type\": \"forward\", \"forwardConfig\": {\"targetGroups\": ["
                + "{\"targetGroupARN\": \"a\", \"weight\": 1000}]}}",
            "within [0, 999]"),
        action(
            "stickiness enabled without a duration",
            "{\"type\": \"forward\", \"forwardConfig\": {\"targetGroups\": ["
                + "{\"targetGroupARN\": \""
                + TG_ARN
                + "\"}], \"targetGroupStickinessConfig\":"
                + " {\"enabled\": true}}}",
            "durationSeconds is required"),
        action(
            "a fixed response without a status code",
            "{\"type\": \"fixed-response\", \"fixedResponseConfig\": {}}",
            "statusCode is required"),
        action(
            "a redirect with an invalid status code",
            "{\"type\": \"redirect\", \"redirectConfig\": {\"statusCode\": \"301\"}}",
            "HTTP_301 or HTTP_302"),
        action(
            "a weighted forward to a Service that does not exist",
            "{\"type\": \"forward\", \"forwardConfig\": {\"targetGroups\": ["
                + "{\"serviceName\": \"web\", \"servicePort\": 80, \"weight\": 1},"
                + " {\"serviceName\": \"gone\", \"servicePort\": 80, \"weight\": 1}]}}",
            "service default/gone not found"),
        // conditions.*
        conditions("malformed conditions JSON", "[{", "failed to parse json annotation"),
        conditions(
            "an unknown condition field", "[{\"field\": \"cookie\"}]", "unknown condition field"),
        conditions(
            "values and regexValues together",
            "[{\"field\": \"path-pattern\", \"pathPatternConfig\": {\"values\": [\"/a\"],"
                + " \"regexValues\": [\"^/b\"]}}]",
            "precisely one of values and regexValues"),
        conditions(
            "more than five condition values in a rule",
            "[{\"field\": \"host-header\", \"hostHeaderConfig\": {\"values\": "
                + "[\"a\", \"b\", \"c\", \"d\"]}}]",
            "ALB allows at most 5"),
        conditions(
            "regex path values with an Exact path",
            "[{\"field\": \"path-pattern\", \"pathPatternConfig\": {\"regexValues\": [\"^/b\"]}}]",
            "path condition must specify exactly one of Values and RegexValues"),
        conditions(
            "two source-ip conditions",
            "[{\"field\": \"source-ip\", \"sourceIpConfig\": {\"values\": [\"10.0.0.0/8\"]}},"
                + " {\"field\": \"source-ip\", \"sourceIpConfig\": {\"values\": [\"::/0\"]}}]",
            "at most one source-ip condition"),
        new Case(
            "more than 100 rules",
            w -> {
              w.ing().clearRules();
              for (int i = 0; i < 101; i++) {
                w.ing().path("/p" + i, "Exact", "web", 80);
              }
              return w;
            },
            WEB,
            null,
            "at most 100"));
  }

  private static Case path(String name, String path, String type, String mention) {
    return new Case(
        name,
        w -> {
          w.ing().clearRules().path(path, type, "web", 80);
          return w;
        },
        WEB,
        null,
        mention);
  }

  private static Case action(String name, String json, String mention) {
    return new Case(
        name,
        w -> {
          w.ing().clearRules().action("/", "Prefix", "custom").annotation("actions.custom", json);
          return w;
        },
        WEB,
        "actions.custom",
        mention);
  }

  private static Case conditions(String name, String json, String mention) {
    return new Case(
        name,
        w -> {
          w.ing()
              .clearRules()
              .rule("a.example.com", p("/a", "Exact", "web", 80))
              .annotation("conditions.web", json);
          return w;
        },
        WEB,
        "conditions.web",
        mention);
  }
}
