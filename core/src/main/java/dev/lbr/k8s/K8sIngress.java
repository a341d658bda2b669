package dev.lbr.k8s;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** Declared for the event contract; the Ingress → ALB path comes with its own issue. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record K8sIngress(ObjectMeta metadata, Spec spec) implements K8sObject {

  @Override
  public K8sIngress withMetadata(ObjectMeta m) {
    return new K8sIngress(m, spec);
  }

  @Override
  public Kind kind() {
    return Kind.INGRESS;
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record Spec(
      String ingressClassName, Backend defaultBackend, List<Tls> tls, List<Rule> rules) {
    public Spec {
      tls = tls == null ? List.of() : List.copyOf(tls);
      rules = rules == null ? List.of() : List.copyOf(rules);
    }
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record Tls(List<String> hosts, String secretName) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record Rule(String host, Http http) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record Http(List<Path> paths) {
    public Http {
      paths = paths == null ? List.of() : List.copyOf(paths);
    }
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record Path(String path, String pathType, Backend backend) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record Backend(ServiceBackend service) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record ServiceBackend(String name, ServiceBackendPort port) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record ServiceBackendPort(String name, Integer number) {}
}
