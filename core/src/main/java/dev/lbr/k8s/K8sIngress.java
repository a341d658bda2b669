package dev.lbr.k8s;

import java.util.List;

/** Declared for the event contract; the Ingress → ALB path comes with its own issue. */
@ProjectedJson
public record K8sIngress(ObjectMeta metadata, Spec spec) implements K8sObject {

  @Override
  public K8sIngress withMetadata(ObjectMeta m) {
    return new K8sIngress(m, spec);
  }

  @ProjectedJson
  public record Spec(
      String ingressClassName, Backend defaultBackend, List<Tls> tls, List<Rule> rules) {
    public Spec {
      tls = tls == null ? List.of() : List.copyOf(tls);
      rules = rules == null ? List.of() : List.copyOf(rules);
    }
  }

  @ProjectedJson
  public record Tls(List<String> hosts, String secretName) {}

  @ProjectedJson
  public record Rule(String host, Http http) {}

  @ProjectedJson
  public record Http(List<Path> paths) {
    public Http {
      paths = paths == null ? List.of() : List.copyOf(paths);
    }
  }

  @ProjectedJson
  public record Path(String path, String pathType, Backend backend) {}

  @ProjectedJson
  public record Backend(ServiceBackend service) {}

  @ProjectedJson
  public record ServiceBackend(String name, ServiceBackendPort port) {}

  @ProjectedJson
  public record ServiceBackendPort(String name, Integer number) {}
}
