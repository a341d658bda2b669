package dev.lbr.functions.convergence;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.lbr.k8s.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The manifests of {@link KubeWorld}'s objects, as JSON (which the manifest reader takes as YAML);
 * {@code ${RV}} is filled in per version.
 */
final class WorldObjects {
  private static final String SVC = "service.beta.kubernetes.io/aws-load-balancer-";
  private static final String ALB = "alb.ingress.kubernetes.io/";

  private WorldObjects() {}

  /**
   * An NLB Service in ip mode. Variants: 0 plain; 1 cross-zone on; 2 internal (the load balancer is
   * replaced); 3 a health check port. Every variant states cross-zone: an attribute whose
   * annotation is removed is left as it is, as in LBC, so a variant that only dropped it would make
   * the end state depend on the history, not on the last event. (No variant sets a target group
   * attribute, for the same reason.)
   */
  static String service(String name, String uid, int variant) {
    Map<String, String> annotations = new TreeMap<>();
    annotations.put(SVC + "nlb-target-type", "ip");
    annotations.put(SVC + "scheme", variant == 2 ? "internal" : "internet-facing");
    annotations.put(SVC + "cross-zone-load-balancing-enabled", String.valueOf(variant == 1));
    if (variant == 3) {
      annotations.put(SVC + "healthcheck-port", "8080");
    }
    return json(
        Map.of(
            "apiVersion",
            "v1",
            "kind",
            "Service",
            "metadata",
            metadata(name, uid, annotations, Map.of()),
            "spec",
            Map.of(
                "type",
                "LoadBalancer",
                "loadBalancerClass",
                "service.k8s.aws/nlb",
                "selector",
                Map.of("app", name),
                "ports",
                List.of(Map.of("port", 80, "targetPort", 8080, "protocol", "TCP")))));
  }

  /**
   * The Service's one EndpointSlice: pod {@code i} (0–3) is ready when bit i of {@code pods} is.
   */
  static String slice(String service, int serviceIndex, int pods) {
    List<Object> endpoints = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      if ((pods & (1 << i)) != 0) {
        endpoints.add(
            Map.of(
                "addresses", List.of(podIp(serviceIndex, i)),
                "conditions", Map.of("ready", true, "serving", true, "terminating", false),
                "zone", "us-east-1a",
                "targetRef",
                    Map.of(
                        "kind",
                        "Pod",
                        "namespace",
                        KubeWorld.NAMESPACE,
                        "name",
                        service + "-pod-" + i)));
      }
    }
    return json(
        Map.of(
            "apiVersion",
            "discovery.k8s.io/v1",
            "kind",
            "EndpointSlice",
            "metadata",
            metadata(
                service + "-slice", null, Map.of(), Map.of("kubernetes.io/service-name", service)),
            "addressType",
            "IPv4",
            "ports",
            List.of(Map.of("name", "", "port", 8080, "protocol", "TCP")),
            "endpoints",
            endpoints));
  }

  static String podIp(int serviceIndex, int pod) {
    return "192.168." + (10 + serviceIndex) + "." + (10 + pod);
  }

  /** The Ingress: 0 routes /web to web; 1 also /api to api; 2 as 0, in the explicit group shop. */
  static String ingress(String uid, int variant) {
    Map<String, String> annotations = new TreeMap<>();
    annotations.put("kubernetes.io/ingress.class", "alb");
    annotations.put(ALB + "scheme", "internet-facing");
    annotations.put(ALB + "target-type", "ip");
    if (variant == 2) {
      annotations.put(ALB + "group.name", "shop");
    }
    List<Object> paths = new ArrayList<>(List.of(path("/web", "web")));
    if (variant == 1) {
      paths.add(path("/api", "api"));
    }
    return json(
        Map.of(
            "apiVersion",
            "networking.k8s.io/v1",
            "kind",
            "Ingress",
            "metadata",
            metadata(KubeWorld.INGRESS, uid, annotations, Map.of()),
            "spec",
            Map.of("rules", List.of(Map.of("http", Map.of("paths", paths))))));
  }

  private static Map<String, Object> path(String path, String service) {
    return Map.of(
        "path",
        path,
        "pathType",
        "Prefix",
        "backend",
        Map.of("service", Map.of("name", service, "port", Map.of("number", 80))));
  }

  private static Map<String, Object> metadata(
      String name, String uid, Map<String, String> annotations, Map<String, String> labels) {
    Map<String, Object> meta = new TreeMap<>();
    meta.put("name", name);
    meta.put("namespace", KubeWorld.NAMESPACE);
    meta.put("resourceVersion", "${RV}");
    if (uid != null) {
      meta.put("uid", uid);
    }
    if (!annotations.isEmpty()) {
      meta.put("annotations", annotations);
    }
    if (!labels.isEmpty()) {
      meta.put("labels", labels);
    }
    return meta;
  }

  private static String json(Map<String, Object> object) {
    try {
      return Json.mapper().writeValueAsString(new TreeMap<>(object));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
