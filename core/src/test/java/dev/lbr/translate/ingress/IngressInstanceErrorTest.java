package dev.lbr.translate.ingress;

import static dev.lbr.translate.ingress.IngressWorld.http;

import dev.lbr.k8s.K8sService;
import dev.lbr.translate.ingress.IngressErrors.Case;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Instance target mode refused: no nodePort to register the nodes on, bad node labels. */
class IngressInstanceErrorTest {
  private static final String WEB = "Ingress default/web";
  private static final String TYPE = "target-type";
  private static final String CLUSTER_IP = "Service default/web is of type ClusterIP";
  private static final String NEEDS = "it must be NodePort or LoadBalancer";

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void refusesTheGroupNamingTheObjectAndAnnotation(Case c) {
    IngressErrors.check(c);
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case(
            "no target type (LBC's default, instance) with a ClusterIP backend",
            w -> {
              w.ing().annotation(TYPE, null);
              return w;
            },
            WEB,
            TYPE,
            "LBC's default",
            CLUSTER_IP,
            NEEDS),
        new Case(
            "target type instance with a ClusterIP backend",
            w -> {
              w.ing().annotation(TYPE, "instance");
              return w;
            },
            WEB,
            TYPE,
            "annotation alb.ingress.kubernetes.io/target-type on Ingress default/web",
            CLUSTER_IP),
        new Case(
            "the Service's target-type instance with a ClusterIP backend",
            w ->
                w.service(
                    "default",
                    "web",
                    Map.of(IngressAnnotation.key(TYPE), "instance"),
                    List.of(),
                    http(null)),
            WEB,
            TYPE,
            "on Service default/web",
            CLUSTER_IP),
        new Case(
            "IngressClassParams targetType instance with a ClusterIP backend",
            w -> {
              w.ing().className("alb-params");
              return w.params("params", "{\"targetType\": \"instance\"}");
            },
            WEB,
            TYPE,
            "spec.targetType of IngressClassParams params",
            CLUSTER_IP),
        new Case(
            "a NodePort Service port without a nodePort",
            w -> w.instance().typed("NodePort", "default", "web", Map.of(), http(null)),
            WEB,
            TYPE,
            "port 80 of NodePort Service default/web has no nodePort"),
        new Case(
            "a LoadBalancer Service port without a nodePort",
            w -> w.instance().typed("LoadBalancer", "default", "web", Map.of(), http(null)),
            WEB,
            TYPE,
            "port 80 of LoadBalancer Service default/web has no nodePort"),
        new Case(
            "a healthcheck-port naming a Service port without a nodePort",
            w -> {
              w.instance()
                  .typed(
                      "NodePort",
                      "default",
                      "web",
                      Map.of(),
                      http(30080),
                      new K8sService.Port("metrics", "TCP", 9090, "9090", null));
              w.ing().annotation("healthcheck-port", "metrics");
              return w;
            },
            WEB,
            "healthcheck-port",
            "port metrics of service default/web has no nodePort"),
        new Case(
            "a malformed target-node-labels on the Service",
            w ->
                w.instance()
                    .typed(
                        "NodePort",
                        "default",
                        "web",
                        Map.of(IngressAnnotation.key("target-node-labels"), "pool"),
                        http(30080)),
            "Service default/web",
            "target-node-labels"),
        new Case(
            "a malformed target-node-labels on the Ingress",
            w -> {
              w.instance().ing().annotation("target-node-labels", "pool");
              return w;
            },
            WEB,
            "target-node-labels"));
  }
}
