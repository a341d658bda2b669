package dev.lbr.translate.ingress;

import static dev.lbr.translate.ingress.IngressWorld.http;

import dev.lbr.k8s.K8sNode;
import dev.lbr.translate.ingress.IngressGolden.Case;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden cases: instance targets (LBC's {@code pkg/backend/endpoint_resolver.go}). The target group
 * listens on the nodePort and registers the Ready nodes (of {@link IngressWorld#base}: node-1 and
 * node-2) on it.
 */
class IngressInstanceGoldenTest {
  private static final String LABELS = "target-node-labels";
  private static final String ROLE = "node-role.kubernetes.io/";
  private static final String ALPHA_EXCLUDE =
      "alpha.service-controller.kubernetes.io/exclude-balancer";
  private static final String COMPUTE = "eks.amazonaws.com/compute-type";
  private static final String CA = "ToBeDeletedByClusterAutoscaler";
  private static final String KARPENTER = "karpenter.sh/disrupted";

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void buildsTheExpectedStack(Case c) {
    IngressGolden.check("instance", c);
  }

  private static K8sNode.Taint taint(String key) {
    return new K8sNode.Taint(key, null, "NoSchedule");
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case(
            "no target type: LBC's default, instance, on the nodePort", IngressWorld::instance),
        new Case(
            "target-type instance",
            w -> {
              w.instance().ing().annotation("target-type", "instance");
              return w;
            }),
        new Case(
            "a LoadBalancer Service's nodePort",
            w -> w.instance().typed("LoadBalancer", "default", "web", Map.of(), http(30080))),
        new Case(
            "the Service's target-type instance wins over the Ingress's ip",
            w -> {
              w.instance().ing().annotation("target-type", "ip");
              return w.typed(
                  "NodePort",
                  "default",
                  "web",
                  Map.of(IngressAnnotation.key("target-type"), "instance"),
                  http(30080));
            }),
        new Case(
            "IngressClassParams targetType instance overrides the target-type ip annotation",
            w -> {
              w.instance().ing().className("alb-params").annotation("target-type", "ip");
              return w.params("params", "{\"targetType\": \"instance\"}");
            }),
        new Case(
            "target-node-labels on the Ingress select the nodes",
            w -> {
              w.instance().ing().annotation(LABELS, "pool=a");
              return w;
            }),
        new Case(
            "the Service's target-node-labels win over the Ingress's",
            w -> {
              w.instance().ing().annotation(LABELS, "pool=a");
              return w.typed(
                  "NodePort",
                  "default",
                  "web",
                  Map.of(IngressAnnotation.key(LABELS), "pool=b"),
                  http(30080));
            }),
        new Case(
            "target-node-labels no node carries: no targets",
            w -> {
              w.instance().ing().annotation(LABELS, "pool=c");
              return w;
            }),
        new Case(
            "a healthcheck-port naming a Service port checks its nodePort",
            w -> {
              w.instance().ing().annotation("healthcheck-port", "http");
              return w;
            }),
        new Case(
            "LBC's default node selector: not master, excluded, Fargate or being removed",
            w ->
                w.instance()
                    .node("master", "i-00000000000000a1", "True", Map.of(ROLE + "master", ""))
                    .node(
                        "control", "i-00000000000000a2", "True", Map.of(ROLE + "control-plane", ""))
                    .node("excluded", "i-00000000000000a3", "True", Map.of(ALPHA_EXCLUDE, "true"))
                    .node("fargate", "i-00000000000000a4", "True", Map.of(COMPUTE, "fargate"))
                    .node("scaled-in", "i-00000000000000a5", "True", Map.of(), taint(CA))
                    .node("karpenter", "i-00000000000000a6", "True", Map.of(), taint(KARPENTER))),
        new Case(
            "no Ready node: the Unknown ones (EndpointsFailOpen)",
            w -> {
              w.instance().nodes.clear();
              return w.node("unknown", "i-00000000000000b1", "Unknown", Map.of())
                  .node("down", "i-00000000000000b2", "False", Map.of());
            }),
        new Case(
            "target-node-labels are ignored for ip targets",
            w -> {
              w.ing().annotation(LABELS, "pool=c");
              return w;
            }));
  }
}
