package dev.lbr.k8s;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

@ProjectedJson
public record K8sEndpointSlice(
    ObjectMeta metadata, String addressType, List<Port> ports, List<Endpoint> endpoints)
    implements K8sObject {

  /** The label that names the Service a slice belongs to. */
  public static final String SERVICE_NAME_LABEL = "kubernetes.io/service-name";

  public K8sEndpointSlice {
    ports = ports == null ? List.of() : List.copyOf(ports);
    endpoints = endpoints == null ? List.of() : List.copyOf(endpoints);
  }

  @Override
  public K8sEndpointSlice withMetadata(ObjectMeta m) {
    return new K8sEndpointSlice(m, addressType, ports, endpoints);
  }

  /** The owning Service's name, from the {@value #SERVICE_NAME_LABEL} label; null if absent. */
  public String serviceName() {
    return metadata.label(SERVICE_NAME_LABEL);
  }

  @ProjectedJson
  public record Port(String name, Integer port, String protocol) {
    public Port {
      name = name == null ? "" : name;
      protocol = protocol == null ? "TCP" : protocol;
    }
  }

  @ProjectedJson
  public record Endpoint(
      List<String> addresses,
      Conditions conditions,
      String nodeName,
      String zone,
      TargetRef targetRef) {
    public Endpoint {
      addresses = addresses == null ? List.of() : List.copyOf(addresses);
      conditions = conditions == null ? new Conditions(null, null, null) : conditions;
    }
  }

  /** Kubernetes semantics: a null {@code ready} means "unknown, treat as ready". */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Conditions(Boolean ready, Boolean serving, Boolean terminating) {}

  @ProjectedJson
  public record TargetRef(String kind, String namespace, String name) {}
}
