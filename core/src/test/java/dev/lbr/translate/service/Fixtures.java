package dev.lbr.translate.service;

import dev.lbr.k8s.K8sEndpointSlice;
import dev.lbr.k8s.K8sNode;
import dev.lbr.k8s.K8sService;
import dev.lbr.k8s.ObjectMeta;
import dev.lbr.model.ClusterFacts;
import dev.lbr.model.Subnet;
import dev.lbr.translate.common.NodeTargets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Inputs of the builder tests: a VPC laid out like the scenario runner's (three public subnets
 * tagged {@code kubernetes.io/role/elb=1}, three private ones tagged {@code
 * kubernetes.io/role/internal-elb=1}, all tagged for the cluster) and a simple ip-mode Service.
 */
public final class Fixtures {
  static final String CLUSTER = "my-cluster";
  static final String VPC = "vpc-0example";
  public static final String NS = "default";
  public static final String NAME = "echo";
  static final String UID = "7b1c2d3e-0000-4a5b-9c8d-00000000e001";

  private Fixtures() {}

  static ClusterFacts facts() {
    return facts(defaultSubnets());
  }

  public static ClusterFacts facts(List<Subnet> subnets) {
    return new ClusterFacts(CLUSTER, "ap-northeast-2", VPC, subnets);
  }

  static List<Subnet> defaultSubnets() {
    List<Subnet> subnets = new ArrayList<>();
    String[] azs = {"a", "b", "c"};
    for (int i = 0; i < azs.length; i++) {
      subnets.add(
          subnet(
              "subnet-public-" + azs[i],
              azs[i],
              Map.of(
                  "kubernetes.io/role/elb",
                  "1",
                  "kubernetes.io/cluster/" + CLUSTER,
                  "shared",
                  "Name",
                  "public-" + azs[i])));
      subnets.add(
          subnet(
              "subnet-private-" + azs[i],
              azs[i],
              Map.of(
                  "kubernetes.io/role/internal-elb",
                  "1",
                  "kubernetes.io/cluster/" + CLUSTER,
                  "shared",
                  "Name",
                  "private-" + azs[i])));
    }
    return subnets;
  }

  public static Subnet subnet(String id, String az, Map<String, String> tags) {
    return subnet(id, VPC, az, 250, tags);
  }

  static Subnet subnet(String id, String vpc, String az, int freeIps, Map<String, String> tags) {
    return new Subnet(id, vpc, "ap-northeast-2" + az, "192.168.0.0/19", freeIps, tags);
  }

  /** The base Service: ours by loadBalancerClass, ip targets, port 80 → 8080. */
  public static Svc service() {
    return new Svc().annotation(ServiceAnnotation.TARGET_TYPE, "ip").port("", "TCP", 80, "8080");
  }

  /** The base Service in instance mode: port 80 on NodePort 30080. */
  static Svc instanceService() {
    return service()
        .annotation(ServiceAnnotation.TARGET_TYPE, "instance")
        .clearPorts()
        .port("", "TCP", 80, "8080", 30080);
  }

  /**
   * Nodes: a and b Ready (b labelled role=web), c NotReady, d excluded from load balancers, e
   * tainted by the cluster autoscaler.
   */
  static List<K8sNode> nodes() {
    return List.of(
        node("a", "True", Map.of()),
        node("b", "True", Map.of("role", "web")),
        node("c", "False", Map.of()),
        node(
            "d", "True", Map.of("node.kubernetes.io/exclude-from-external-load-balancers", "true")),
        new K8sNode(
            new ObjectMeta(null, "node-e", null, "1", Map.of(), null, null, null),
            new K8sNode.Spec(
                "aws:///ap-northeast-2a/i-0e",
                List.of(new K8sNode.Taint(NodeTargets.AUTOSCALER_TAINT, null, "NoSchedule")),
                null),
            new K8sNode.Status(List.of(new K8sNode.Condition("Ready", "True")))));
  }

  static K8sNode node(String id, String ready, Map<String, String> labels) {
    return new K8sNode(
        new ObjectMeta(null, "node-" + id, null, "1", labels, null, null, null),
        new K8sNode.Spec("aws:///ap-northeast-2a/i-0" + id, List.of(), null),
        new K8sNode.Status(List.of(new K8sNode.Condition("Ready", ready))));
  }

  /** Two ready pods, one not ready and one terminating, on 8080. */
  static List<K8sEndpointSlice> slices() {
    return List.of(
        slice(
            "IPv4",
            List.of(new K8sEndpointSlice.Port("", 8080, "TCP")),
            endpoint("10.0.1.10", true, false),
            endpoint("10.0.2.20", true, false),
            endpoint("10.0.3.30", false, false),
            endpoint("10.0.4.40", false, true)));
  }

  public static K8sEndpointSlice slice(
      String addressType, List<K8sEndpointSlice.Port> ports, K8sEndpointSlice.Endpoint... eps) {
    return new K8sEndpointSlice(
        new ObjectMeta(
            NS,
            NAME + "-" + addressType.toLowerCase(java.util.Locale.ROOT),
            null,
            "1",
            Map.of(K8sEndpointSlice.SERVICE_NAME_LABEL, NAME),
            null,
            null,
            null),
        addressType,
        ports,
        List.of(eps));
  }

  public static K8sEndpointSlice.Endpoint endpoint(String ip, Boolean ready, Boolean terminating) {
    return new K8sEndpointSlice.Endpoint(
        List.of(ip),
        new K8sEndpointSlice.Conditions(ready, ready, terminating),
        "node-1",
        "ap-northeast-2a",
        new K8sEndpointSlice.TargetRef("Pod", NS, "pod-" + ip));
  }

  /** A mutable Service under construction. */
  public static final class Svc {
    private final Map<String, String> annotations = new LinkedHashMap<>();
    private final List<K8sService.Port> ports = new ArrayList<>();
    private String type = "LoadBalancer";
    private String lbClass = ServiceModelBuilder.LOAD_BALANCER_CLASS;
    private String deletionTimestamp;
    private List<String> ipFamilies = List.of();
    private List<String> sourceRanges = List.of();
    private String externalTrafficPolicy;
    private Integer healthCheckNodePort;

    /** Sets {@code service.beta.kubernetes.io/<suffix>}; a null value removes it. */
    Svc annotation(String suffix, String value) {
      if (value == null) {
        annotations.remove(ServiceAnnotation.key(suffix));
      } else {
        annotations.put(ServiceAnnotation.key(suffix), value);
      }
      return this;
    }

    Svc port(String name, String protocol, int port, String targetPort) {
      return port(name, protocol, port, targetPort, null);
    }

    Svc port(String name, String protocol, int port, String targetPort, Integer nodePort) {
      ports.add(new K8sService.Port(name, protocol, port, targetPort, nodePort));
      return this;
    }

    /** {@code externalTrafficPolicy: Local} with a healthCheckNodePort (null: none). */
    Svc local(Integer hcNodePort) {
      externalTrafficPolicy = "Local";
      healthCheckNodePort = hcNodePort;
      return this;
    }

    Svc clearPorts() {
      ports.clear();
      return this;
    }

    Svc type(String value) {
      type = value;
      return this;
    }

    Svc lbClass(String value) {
      lbClass = value;
      return this;
    }

    Svc deleting() {
      deletionTimestamp = "2026-01-01T00:00:00Z";
      return this;
    }

    Svc ipFamilies(String... families) {
      ipFamilies = List.of(families);
      return this;
    }

    Svc sourceRanges(String... cidrs) {
      sourceRanges = List.of(cidrs);
      return this;
    }

    public K8sService build() {
      return new K8sService(
          new ObjectMeta(
              NS, NAME, UID, "1", null, Map.copyOf(annotations), null, deletionTimestamp),
          new K8sService.Spec(
              type,
              lbClass,
              ports,
              Map.of("app", NAME),
              externalTrafficPolicy,
              healthCheckNodePort,
              sourceRanges,
              ipFamilies));
    }
  }
}
