package dev.lbr.translate.ingress;

import static dev.lbr.translate.ingress.IngressGroupGoldenTest.twoMembers;
import static dev.lbr.translate.ingress.IngressWorld.Ing.p;

import dev.lbr.k8s.K8sService;
import dev.lbr.translate.ingress.IngressErrors.Case;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * ELBv2's value rules and quotas, checked on an IngressGroup before any AWS call: each refusal
 * names the Ingress at fault (in a group, the member that set the value or crossed the limit), the
 * annotation (or spec field), and what is allowed.
 */
class IngressValidationTest {
  private static final String WEB = "Ingress default/web";
  private static final String API = "Ingress default/api";
  private static final String CERT = "arn:aws:acm:us-west-2:123456789012:certificate/c";

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void refusesTheGroupNamingTheIngressAndAnnotation(Case c) {
    IngressErrors.check(c);
  }

  static Stream<Case> cases() {
    return Stream.of(
        // Listeners.
        set("listen-ports with an empty entry", "listen-ports", "[{}]", "at least one port"),
        set("60 listen ports", "listen-ports", listenPorts(60), "60 listeners", "at most 50"),
        set("500 listen ports", "listen-ports", listenPorts(500), "500 listeners", "at most 50"),
        set("listen port 0", "listen-ports", "[{\"HTTP\": 0}]", "within [1, 65535]"),
        new Case(
            "two members whose ports make 60 listeners: the one adding the 51st",
            w -> {
              twoMembers(w);
              w.ingresses.get(1).annotation("listen-ports", listenPorts(1000, 30));
              w.ing().annotation("listen-ports", listenPorts(2000, 30));
              return w;
            },
            WEB,
            "listen-ports",
            "the IngressGroup needs 60 listeners (port 2020 is one too many)",
            "at most 50"),
        new Case(
            "an SSL policy that does not exist",
            https(i -> i.annotation("ssl-policy", "ELBSecurityPolicy-Nope")),
            WEB,
            "ssl-policy",
            "\"ELBSecurityPolicy-Nope\" is not an ELBv2 predefined security policy"),
        new Case(
            "27 certificates on one listener",
            w -> {
              w.ing()
                  .annotation("listen-ports", "[{\"HTTPS\": 443}]")
                  .annotation(
                      "certificate-arn",
                      IntStream.range(0, 27)
                          .mapToObj(i -> CERT + i)
                          .collect(Collectors.joining(",")));
              return w;
            },
            WEB,
            "certificate-arn",
            "listener port 443 would have 27 certificates",
            "at most 25 more"),
        // Load balancer and target group settings.
        set(
            "an unknown load balancer attribute",
            "load-balancer-attributes",
            "idle_timeout.seconds=60",
            "unknown load balancer attribute \"idle_timeout.seconds\" for an ALB"),
        set(
            "an idle timeout out of range",
            "load-balancer-attributes",
            "idle_timeout.timeout_seconds=0",
            "an integer from 1 to 4000"),
        set(
            "an NLB attribute on an ALB",
            "load-balancer-attributes",
            "dns_record.client_routing_policy=any_availability_zone",
            "unknown load balancer attribute"),
        set(
            "an unknown target group attribute",
            "target-group-attributes",
            "preserve_client_ip.enabled=true",
            "unknown target group attribute \"preserve_client_ip.enabled\" for an ALB"),
        set(
            "a slow start of 10 seconds",
            "target-group-attributes",
            "slow_start.duration_seconds=10",
            "0 (off) or an integer from 30 to 900"),
        set(
            "a load balancing algorithm ALB does not know",
            "target-group-attributes",
            "load_balancing.algorithm.type=random",
            "one of [round_robin, least_outstanding_requests, weighted_random]"),
        set(
            "a health check path without a leading slash",
            "healthcheck-path",
            "healthz",
            "must start with /"),
        set(
            "a load balancer name with an emoji",
            "load-balancer-name",
            "web-\uD83D\uDE80",
            "not a valid load balancer name"),
        set("a tag key with an emoji", "tags", "\uD83D\uDE80=1", "may contain only letters"),
        set("48 user tags", "tags", tags(48), "at most 47 user tags"),
        // Security group.
        set("an inbound CIDR that is no CIDR", "inbound-cidrs", "not-cidr", "invalid CIDR"),
        set(
            "61 inbound CIDRs",
            "inbound-cidrs",
            cidrs(61),
            "would need 61 IPv4 inbound rules",
            "at most 60 per IP family"),
        new Case(
            "3 listen ports times 21 inbound CIDRs",
            w -> {
              w.ing()
                  .annotation("listen-ports", listenPorts(80, 3))
                  .annotation("inbound-cidrs", cidrs(21));
              return w;
            },
            WEB,
            "inbound-cidrs",
            "would need 63 IPv4 inbound rules"),
        // Actions.
        action(
            "a fixed response with a bad content type",
            fixed("\"contentType\": \"text/xml\""),
            "fixedResponseConfig.contentType \"text/xml\" must be one of [text/plain"),
        action(
            "a fixed response body over 1024 characters",
            fixed("\"messageBody\": \"" + "x".repeat(1025) + "\""),
            "messageBody is 1025 characters long; at most 1024"),
        action(
            "a redirect to port abc",
            redirect("\"port\": \"abc\""),
            "redirectConfig.port \"abc\" must be a port from 1 to 65535 or #{port}"),
        action(
            "a redirect to port 70000",
            redirect("\"port\": \"70000\""),
            "redirectConfig.port \"70000\""),
        action(
            "a redirect to FTP",
            redirect("\"protocol\": \"FTP\""),
            "redirectConfig.protocol \"FTP\" must be one of [HTTP, HTTPS, #{protocol}]"),
        action(
            "a redirect path without a leading slash",
            redirect("\"path\": \"x\""),
            "redirectConfig.path \"x\" must start with /"),
        action(
            "a redirect host over 128 characters",
            redirect("\"host\": \"" + "h".repeat(129) + "\""),
            "redirectConfig.host is 129 characters long"),
        action(
            "a forward to target group ARN garbage",
            "{\"type\": \"forward\", \"targetGroupARN\": \"garbage\"}",
            "targetGroupARN \"garbage\" is not a target group ARN",
            "targetgroup/<name>/<id>"),
        action(
            "a weighted forward to an ARN of a load balancer",
            "{\"type\": \"forward\", \"forwardConfig\": {\"targetGroups\": [{\"targetGroupARN\":"
                + " \"arn:aws:elasticloadbalancing:us-west-2:123456789012:loadbalancer/app/x/1\","
                + " \"weight\": 1}]}}",
            "forwardConfig.targetGroups[0].targetGroupARN"),
        // Conditions.
        conditions(
            "a source-ip that is no CIDR",
            "[{\"field\": \"source-ip\", \"sourceIPConfig\": {\"values\": [\"not-cidr\"]}}]",
            "[0]: source-ip value \"not-cidr\" is not a CIDR block"),
        conditions(
            "a path-pattern value over 128 characters",
            "[{\"field\": \"path-pattern\", \"pathPatternConfig\": {\"values\": [\"/"
                + "p".repeat(128)
                + "\"]}}]",
            "path-pattern value",
            "129 characters long; ALB allows at most 128"),
        conditions(
            "a host-header value with an underscore",
            "[{\"field\": \"host-header\", \"hostHeaderConfig\": {\"values\": [\"a_b.example\"]}}]",
            "host-header value \"a_b.example\" may contain only letters, digits and - . * ?"),
        conditions(
            "an http-header name over 40 characters",
            "[{\"field\": \"http-header\", \"httpHeaderConfig\": {\"httpHeaderName\": \""
                + "X".repeat(41)
                + "\", \"values\": [\"1\"]}}]",
            "http header name"),
        conditions(
            "a lower-case http method",
            "[{\"field\": \"http-request-method\", \"httpRequestMethodConfig\":"
                + " {\"values\": [\"get\"]}}]",
            "http-request-method \"get\""),
        conditions(
            "a query-string value over 128 characters",
            "[{\"field\": \"query-string\", \"queryStringConfig\": {\"values\": [{\"value\": \""
                + "q".repeat(129)
                + "\"}]}}]",
            "query-string value"),
        new Case(
            "a spec path over 128 characters",
            w -> {
              w.ing().clearRules().path("/" + "p".repeat(128), "Exact", "web", 80);
              return w;
            },
            WEB,
            null,
            "spec.rules path /ppp",
            "129 characters long; ALB allows at most 128"),
        new Case(
            "a spec path with a character path-pattern refuses",
            w -> {
              w.ing().clearRules().path("/a b", "Exact", "web", 80);
              return w;
            },
            WEB,
            null,
            "path-pattern value \"/a b\" may contain only"),
        // A bad member of a group is the one named.
        new Case(
            "the second member of a group with a bad redirect",
            w -> {
              twoMembers(w);
              w.ingresses
                  .get(1)
                  .action("/moved", "Exact", "moved")
                  .annotation(
                      "actions.moved",
                      "{\"type\": \"redirect\", \"redirectConfig\": {\"port\": \"abc\","
                          + " \"statusCode\": \"HTTP_301\"}}");
              return w;
            },
            API,
            "actions.moved",
            "redirectConfig.port \"abc\""),
        // Target groups and targets.
        new Case(
            "105 target groups on one ALB",
            IngressValidationTest::targetGroups105,
            WEB,
            null,
            "the IngressGroup needs 105 target groups",
            "at most 100"),
        new Case(
            "1001 more pods, 1003 in all, behind one target group",
            w -> w.pods("default", "web", 8080, ips(1001)),
            WEB,
            null,
            "target group default/web-web:80 would have 1003 targets",
            "at most 1000"));
  }

  private static Case set(String name, String suffix, String value, String... mentions) {
    return new Case(
        name,
        w -> {
          w.ing().annotation(suffix, value);
          return w;
        },
        WEB,
        suffix,
        mentions);
  }

  private static Case action(String name, String json, String... mentions) {
    return new Case(
        name,
        w -> {
          w.ing().clearRules().action("/", "Prefix", "custom").annotation("actions.custom", json);
          return w;
        },
        WEB,
        "actions.custom",
        mentions);
  }

  private static Case conditions(String name, String json, String... mentions) {
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
        mentions);
  }

  private static UnaryOperator<IngressWorld> https(UnaryOperator<IngressWorld.Ing> more) {
    return w -> {
      more.apply(
          w.ing()
              .annotation("listen-ports", "[{\"HTTPS\": 443}]")
              .annotation("certificate-arn", CERT));
      return w;
    };
  }

  private static String fixed(String field) {
    return "{\"type\": \"fixed-response\", \"fixedResponseConfig\": {\"statusCode\": \"200\", "
        + field
        + "}}";
  }

  private static String redirect(String field) {
    return "{\"type\": \"redirect\", \"redirectConfig\": {\"statusCode\": \"HTTP_301\", "
        + field
        + "}}";
  }

  /** 21 rules each forwarding to 5 ports of default/web. */
  private static IngressWorld targetGroups105(IngressWorld w) {
    List<K8sService.Port> ports = new ArrayList<>();
    for (int i = 0; i < 105; i++) {
      ports.add(new K8sService.Port("p" + i, "TCP", 1000 + i, "8080", null));
    }
    w.service("default", "web", ports.toArray(K8sService.Port[]::new));
    IngressWorld.Ing ing = w.ing().clearRules();
    for (int r = 0; r < 21; r++) {
      List<String> tuples = new ArrayList<>();
      for (int t = 0; t < 5; t++) {
        tuples.add(
            "{\"serviceName\": \"web\", \"servicePort\": "
                + (1000 + r * 5 + t)
                + ", \"weight\": 1}");
      }
      ing.action("/r" + r, "Exact", "split" + r)
          .annotation(
              "actions.split" + r,
              "{\"type\": \"forward\", \"forwardConfig\": {\"targetGroups\": ["
                  + String.join(",", tuples)
                  + "]}}");
    }
    return w;
  }

  private static String listenPorts(int n) {
    return listenPorts(1, n);
  }

  private static String listenPorts(int first, int n) {
    return IntStream.range(first, first + n)
        .mapToObj(p -> "{\"HTTP\": " + p + "}")
        .collect(Collectors.joining(",", "[", "]"));
  }

  private static String tags(int n) {
    return IntStream.range(0, n).mapToObj(i -> "k" + i + "=v").collect(Collectors.joining(","));
  }

  private static String cidrs(int n) {
    return IntStream.range(0, n)
        .mapToObj(i -> "10.0." + i + ".0/24")
        .collect(Collectors.joining(","));
  }

  private static String[] ips(int n) {
    return IntStream.range(0, n)
        .mapToObj(i -> "10.1." + (i / 250) + "." + (i % 250 + 1))
        .toArray(String[]::new);
  }
}
