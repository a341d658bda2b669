package dev.lbr.translate.ingress;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lbr.k8s.Json;
import dev.lbr.k8s.K8sEndpointSlice;
import dev.lbr.k8s.K8sIngress;
import dev.lbr.k8s.K8sIngressClass;
import dev.lbr.k8s.K8sIngressClassParams;
import dev.lbr.k8s.K8sNode;
import dev.lbr.k8s.K8sService;
import dev.lbr.k8s.ObjectMeta;
import dev.lbr.model.ClusterFacts;
import dev.lbr.model.StackId;
import dev.lbr.model.StackKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Kubernetes objects of one builder test, mutable while a case sets it up. The base world: an
 * IngressClass {@code alb} (ours), {@code nginx} (another controller's) and {@code alb-params}
 * (ours, pointing at IngressClassParams {@code params} when a case adds it); Ingress {@code
 * default/web} ({@code target-type: ip}, {@code / Prefix → web:80}); Service {@code default/web}
 * (port 80 → 8080, named http) with two ready pods; Nodes {@code node-1} (pool a), {@code node-2}
 * (pool b), both Ready, and {@code node-3}, NotReady.
 */
final class IngressWorld {
  final List<Ing> ingresses = new ArrayList<>();
  final Map<String, K8sService> services = new TreeMap<>();
  final Map<String, List<K8sEndpointSlice>> slices = new TreeMap<>();
  final Map<String, K8sIngressClass> classes = new TreeMap<>();
  final Map<String, K8sIngressClassParams> params = new TreeMap<>();
  final List<K8sNode> nodes = new ArrayList<>();
  ClusterFacts facts = IngressFixtures.facts();

  static IngressWorld base() {
    IngressWorld w = new IngressWorld();
    w.ingressClass("alb", IngressClasses.CONTROLLER, null);
    w.ingressClass("nginx", "k8s.io/ingress-nginx", null);
    w.ingressClass("alb-params", IngressClasses.CONTROLLER, "params");
    w.ingresses.add(new Ing("default", "web").path("/", "Prefix", "web", 80));
    w.service("default", "web", new K8sService.Port("http", "TCP", 80, "8080", null));
    w.pods("default", "web", 8080, "10.0.1.10", "10.0.2.20");
    w.node("node-1", "i-0000000000000001", true, Map.of("pool", "a"));
    w.node("node-2", "i-0000000000000002", true, Map.of("pool", "b"));
    w.node("node-3", "i-0000000000000003", false, Map.of("pool", "a"));
    return w;
  }

  /**
   * Instance mode: no {@code target-type} on the Ingress (LBC's default) and {@code default/web} a
   * NodePort Service, port 80 → 8080 on nodePort 30080.
   */
  IngressWorld instance() {
    ing().annotation("target-type", null);
    return typed("NodePort", "default", "web", Map.of(), http(30080));
  }

  /** Port 80 → 8080, named http, on {@code nodePort} (null: none). */
  static K8sService.Port http(Integer nodePort) {
    return new K8sService.Port("http", "TCP", 80, "8080", nodePort);
  }

  /** A Node with an EC2 instance id; {@code ready} sets its Ready condition. */
  IngressWorld node(String name, String instanceId, boolean ready, Map<String, String> labels) {
    return node(name, instanceId, ready ? "True" : "False", labels);
  }

  /** A Node whose Ready condition is {@code ready} (True, False, Unknown). */
  IngressWorld node(
      String name,
      String instanceId,
      String ready,
      Map<String, String> labels,
      K8sNode.Taint... taints) {
    nodes.add(
        new K8sNode(
            meta(null, name, labels),
            new K8sNode.Spec("aws:///ap-northeast-2a/" + instanceId, List.of(taints), null),
            new K8sNode.Status(List.of(new K8sNode.Condition("Ready", ready)))));
    return this;
  }

  /** The first Ingress, the one most cases change. */
  Ing ing() {
    return ingresses.get(0);
  }

  IngressWorld add(Ing ing) {
    ingresses.add(ing);
    return this;
  }

  IngressWorld ingressClass(String name, String controller, String paramsName) {
    K8sIngressClass.Parameters ref =
        paramsName == null
            ? null
            : new K8sIngressClass.Parameters("elbv2.k8s.aws", "IngressClassParams", paramsName);
    classes.put(
        name,
        new K8sIngressClass(meta(null, name, Map.of()), new K8sIngressClass.Spec(controller, ref)));
    return this;
  }

  /** Marks IngressClass {@code name} as the cluster's default class. */
  IngressWorld markDefault(String name) {
    K8sIngressClass c = classes.get(name);
    classes.put(
        name,
        new K8sIngressClass(
            new ObjectMeta(
                null,
                name,
                null,
                "1",
                null,
                Map.of(IngressClasses.DEFAULT_CLASS_ANNOTATION, "true"),
                null,
                null),
            c.spec()));
    return this;
  }

  /** IngressClassParams {@code name} with {@code specJson} as its spec. */
  IngressWorld params(String name, String specJson) {
    try {
      JsonNode spec = Json.mapper().readTree(specJson);
      params.put(name, new K8sIngressClassParams(meta(null, name, Map.of()), spec));
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
    return this;
  }

  IngressWorld service(String ns, String name, K8sService.Port... ports) {
    return service(ns, name, Map.of(), List.of(), ports);
  }

  IngressWorld service(
      String ns,
      String name,
      Map<String, String> annotations,
      List<String> ipFamilies,
      K8sService.Port... ports) {
    return typed("ClusterIP", ns, name, annotations, ipFamilies, ports);
  }

  /** Service {@code ns/name} of {@code type} (ClusterIP, NodePort, LoadBalancer). */
  IngressWorld typed(
      String type,
      String ns,
      String name,
      Map<String, String> annotations,
      K8sService.Port... ports) {
    return typed(type, ns, name, annotations, List.of(), ports);
  }

  private IngressWorld typed(
      String type,
      String ns,
      String name,
      Map<String, String> annotations,
      List<String> ipFamilies,
      K8sService.Port... ports) {
    ObjectMeta m = new ObjectMeta(ns, name, "uid-" + name, "1", null, annotations, null, null);
    services.put(
        ns + "/" + name,
        new K8sService(
            m,
            new K8sService.Spec(
                type, null, List.of(ports), Map.of("app", name), null, null, null, ipFamilies)));
    return this;
  }

  /** Ready pods of Service {@code ns/name} on {@code port}, in an IPv4 slice. */
  IngressWorld pods(String ns, String name, int port, String... ips) {
    List<K8sEndpointSlice.Endpoint> endpoints = new ArrayList<>();
    for (String ip : ips) {
      endpoints.add(
          new K8sEndpointSlice.Endpoint(
              List.of(ip),
              new K8sEndpointSlice.Conditions(true, true, false),
              "node-1",
              "ap-northeast-2a",
              new K8sEndpointSlice.TargetRef("Pod", ns, "pod-" + ip)));
    }
    String family = ips.length > 0 && ips[0].contains(":") ? "IPv6" : "IPv4";
    slices
        .computeIfAbsent(ns + "/" + name, k -> new ArrayList<>())
        .add(
            new K8sEndpointSlice(
                meta(
                    ns,
                    name + "-" + family.toLowerCase(java.util.Locale.ROOT),
                    Map.of(K8sEndpointSlice.SERVICE_NAME_LABEL, name)),
                family,
                List.of(new K8sEndpointSlice.Port("http", port, "TCP")),
                endpoints));
    return this;
  }

  /** The stack of the first Ingress; its implicit one when it is not ours. */
  StackId stackId() {
    return IngressModelBuilder.group(ing().build(), classes, params)
        .orElse(new StackId(StackKind.INGRESS, ing().ns + "/" + ing().name));
  }

  /** All the world's Ingresses as candidates for the first Ingress's stack. */
  IngressGroupInput input() {
    return input(stackId());
  }

  IngressGroupInput input(StackId id) {
    return new IngressGroupInput(
        id, ingresses.stream().map(Ing::build).toList(), classes, params, services, slices, nodes);
  }

  private static ObjectMeta meta(String ns, String name, Map<String, String> labels) {
    return new ObjectMeta(ns, name, null, "1", labels, null, null, null);
  }

  /** A mutable Ingress under construction: class {@code alb}, {@code target-type: ip}. */
  static final class Ing {
    final String ns;
    final String name;
    final Map<String, String> annotations = new LinkedHashMap<>();
    final List<K8sIngress.Rule> rules = new ArrayList<>();
    String className = "alb";
    K8sIngress.Backend defaultBackend;
    String deletionTimestamp;

    Ing(String ns, String name) {
      this.ns = ns;
      this.name = name;
      annotation("target-type", "ip");
    }

    /** Sets {@code alb.ingress.kubernetes.io/<suffix>}; null removes it. */
    Ing annotation(String suffix, String value) {
      return raw(IngressAnnotation.key(suffix), value);
    }

    Ing raw(String key, String value) {
      if (value == null) {
        annotations.remove(key);
      } else {
        annotations.put(key, value);
      }
      return this;
    }

    Ing className(String value) {
      className = value;
      return this;
    }

    Ing clearRules() {
      rules.clear();
      return this;
    }

    /** A host-less rule with one path to a Service port number. */
    Ing path(String path, String pathType, String service, int port) {
      return rule(null, new K8sIngress.Path(path, pathType, backend(service, null, port)));
    }

    /** A host-less rule with one path to a named Service port. */
    Ing path(String path, String pathType, String service, String portName) {
      return rule(null, new K8sIngress.Path(path, pathType, backend(service, portName, null)));
    }

    /** A host-less rule with one path to the action {@code actions.<action>}. */
    Ing action(String path, String pathType, String action) {
      return path(path, pathType, action, "use-annotation");
    }

    Ing rule(String host, K8sIngress.Path... paths) {
      rules.add(new K8sIngress.Rule(host, new K8sIngress.Http(List.of(paths))));
      return this;
    }

    Ing defaultBackend(String service, String portName, Integer port) {
      defaultBackend = backend(service, portName, port);
      return this;
    }

    Ing deleting() {
      deletionTimestamp = "2026-01-01T00:00:00Z";
      return this;
    }

    static K8sIngress.Path p(String path, String pathType, String service, int port) {
      return new K8sIngress.Path(path, pathType, backend(service, null, port));
    }

    static K8sIngress.Backend backend(String service, String portName, Integer port) {
      return new K8sIngress.Backend(
          new K8sIngress.ServiceBackend(
              service, new K8sIngress.ServiceBackendPort(portName, port)));
    }

    K8sIngress build() {
      return new K8sIngress(
          new ObjectMeta(
              ns,
              name,
              "uid-ing-" + name,
              "1",
              null,
              Map.copyOf(annotations),
              null,
              deletionTimestamp),
          new K8sIngress.Spec(className, defaultBackend, List.of(), rules));
    }
  }
}
