package dev.lbr.functions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbr.model.StackId;
import dev.lbr.model.StackKind;
import dev.lbr.state.HistoryEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The inputs fuzzing found failing with a raw SDK error after creating the load balancer, target
 * group, security group and listener now fail validation first: each stack is reported INVALID,
 * naming the Ingress and the annotation, nothing is created for it, and a good stack beside them is
 * reconciled as usual.
 */
class InvalidAnnotationsTest {
  private static final Path ECHO = Harness.scenario("01-echo-nlb").resolve("step1.yaml");
  private static final String PREFIX = "alb.ingress.kubernetes.io/";

  /** Ingress name → (its extra annotations and paths, the annotation the error must name). */
  private static final Map<String, Bad> BAD = new TreeMap<>();

  record Bad(String annotations, String path, String annotation, String mentions) {}

  static {
    BAD.put(
        "long-path",
        new Bad(
            conditions("web", "\"/" + "p".repeat(128) + "\""),
            path("/web", "web", "80"),
            "conditions.web",
            "129 characters long"));
    BAD.put(
        "bad-content-type",
        new Bad(
            action(
                "fixed",
                "{\"type\":\"fixed-response\",\"fixedResponseConfig\":"
                    + "{\"statusCode\":\"200\",\"contentType\":\"text/xml\"}}"),
            path("/fixed", "fixed", "use-annotation"),
            "actions.fixed",
            "contentType \"text/xml\""));
    BAD.put(
        "redirect-port-abc",
        new Bad(
            action(
                "moved",
                "{\"type\":\"redirect\",\"redirectConfig\":"
                    + "{\"port\":\"abc\",\"statusCode\":\"HTTP_301\"}}"),
            path("/moved", "moved", "use-annotation"),
            "actions.moved",
            "redirectConfig.port \"abc\""));
    BAD.put(
        "arn-garbage",
        new Bad(
            action("tg", "{\"type\":\"forward\",\"targetGroupARN\":\"garbage\"}"),
            path("/tg", "tg", "use-annotation"),
            "actions.tg",
            "\"garbage\" is not a target group ARN"));
    BAD.put(
        "ports-60",
        new Bad(
            "    " + PREFIX + "listen-ports: '" + listenPorts(60) + "'\n",
            path("/web", "web", "80"),
            "listen-ports",
            "60 listeners"));
    BAD.put(
        "ports-500",
        new Bad(
            "    " + PREFIX + "listen-ports: '" + listenPorts(500) + "'\n",
            path("/web", "web", "80"),
            "listen-ports",
            "500 listeners"));
  }

  @Test
  void theFuzzedInputsCreateNothingAreReportedInvalidAndTheGoodStackIsReconciled()
      throws Exception {
    Harness h = new Harness();

    assertThat(h.step(echoAndBadIngresses()).batchItemFailures()).isEmpty();

    var elb = h.testClients().elbv2();
    assertThat(elb.describeLoadBalancers().loadBalancers())
        .singleElement()
        .satisfies(lb -> assertThat(lb.type().toString()).isEqualTo("network"));
    assertThat(elb.describeTargetGroups().targetGroups()).hasSize(1);
    assertThat(
            h.testClients().ec2().describeSecurityGroups().securityGroups().stream()
                .filter(sg -> sg.tags().stream().anyMatch(t -> t.key().startsWith("ingress.k8s")))
                .map(sg -> sg.groupName())
                .toList())
        .as("security groups of Ingress stacks")
        .isEmpty();

    for (Map.Entry<String, Bad> e : BAD.entrySet()) {
      StackId id = new StackId(StackKind.INGRESS, "default/" + e.getKey());
      List<HistoryEntry> entries = h.lbr.stores().history().recent(id, 10);
      assertThat(entries).as(e.getKey()).singleElement();
      HistoryEntry invalid = entries.get(0);
      assertThat(invalid.result())
          .as(e.getKey())
          .startsWith(
              "INVALID: Ingress default/"
                  + e.getKey()
                  + ": annotation "
                  + PREFIX
                  + e.getValue().annotation())
          .contains(e.getValue().mentions());
      assertThat(invalid.changes()).as(e.getKey()).isEmpty();
    }
    List<HistoryEntry> echo =
        h.lbr.stores().history().recent(StackId.service("default", "svc-nlb-ip-type"), 10);
    assertThat(echo).singleElement().satisfies(x -> assertThat(x.result()).isEqualTo("OK"));
  }

  /**
   * One step: the echo NLB's objects, then the IngressClass, a backend Service and one Ingress per
   * bad input, each its own stack.
   */
  private static Path echoAndBadIngresses() throws Exception {
    StringBuilder yaml = new StringBuilder(Files.readString(ECHO).stripTrailing());
    yaml.append(
        """

        ---
        apiVersion: networking.k8s.io/v1
        kind: IngressClass
        metadata:
          name: alb
          resourceVersion: "10"
        spec:
          controller: ingress.k8s.aws/alb
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: web
          namespace: default
          uid: 7b1c2d3e-0014-4a5b-9c8d-000000000001
          resourceVersion: "14001"
        spec:
          selector:
            app: web
          ports:
            - port: 80
              targetPort: 8080
        """);
    int version = 14100;
    for (Map.Entry<String, Bad> e : BAD.entrySet()) {
      yaml.append("---\n")
          .append(
              """
              apiVersion: networking.k8s.io/v1
              kind: Ingress
              metadata:
                name: %s
                namespace: default
                uid: 7b1c2d3e-0014-4a5b-9c8d-%012d
                resourceVersion: "%d"
                annotations:
                  alb.ingress.kubernetes.io/target-type: ip
              """
                  .formatted(e.getKey(), version, version++))
          .append(e.getValue().annotations())
          .append("spec:\n  ingressClassName: alb\n  rules:\n  - http:\n      paths:\n")
          .append(e.getValue().path());
    }
    Path file = Files.createTempFile("invalid-annotations", ".yaml");
    Files.writeString(file, yaml.toString());
    return file;
  }

  private static String action(String name, String json) {
    return "    " + PREFIX + "actions." + name + ": '" + json + "'\n";
  }

  private static String conditions(String backend, String pathValue) {
    return "    "
        + PREFIX
        + "conditions."
        + backend
        + ": '[{\"field\":\"path-pattern\",\"pathPatternConfig\":{\"values\":["
        + pathValue
        + "]}}]'\n";
  }

  private static String path(String path, String service, String port) {
    String portYaml = port.equals("use-annotation") ? "name: use-annotation" : "number: " + port;
    return """
              - path: %s
                pathType: Exact
                backend:
                  service:
                    name: %s
                    port:
                      %s
        """
        .formatted(path, service, portYaml);
  }

  private static String listenPorts(int n) {
    return IntStream.rangeClosed(1, n)
        .mapToObj(p -> "{\"HTTP\": " + (1000 + p) + "}")
        .collect(Collectors.joining(",", "[", "]"));
  }
}
