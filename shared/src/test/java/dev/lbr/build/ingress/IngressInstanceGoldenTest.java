package dev.lbr.build.ingress;

import static dev.lbr.build.ingress.IngressWorld.http;

import dev.lbr.build.ingress.IngressGolden.Case;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden cases: instance targets (LBC-REFERENCE §2.10). The target group listens on the nodePort
 * and registers the Ready nodes (of {@link IngressWorld#base}: node-1 and node-2) on it.
 */
class IngressInstanceGoldenTest {
  private static final String LABELS = "target-node-labels";

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void buildsTheExpectedStack(Case c) {
    IngressGolden.check("instance", c);
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
            "target-node-labels are ignored for ip targets",
            w -> {
              w.ing().annotation(LABELS, "pool=c");
              return w;
            }));
  }
}
