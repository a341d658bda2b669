package dev.lbr.k8s;

import java.util.List;
import java.util.Map;

@ProjectedJson
public record K8sService(ObjectMeta metadata, Spec spec) implements K8sObject {

  @Override
  public K8sService withMetadata(ObjectMeta m) {
    return new K8sService(m, spec);
  }

  @ProjectedJson
  public record Spec(
      String type,
      String loadBalancerClass,
      List<Port> ports,
      Map<String, String> selector,
      String externalTrafficPolicy,
      Integer healthCheckNodePort,
      List<String> loadBalancerSourceRanges,
      List<String> ipFamilies) {
    public Spec {
      ports = ports == null ? List.of() : List.copyOf(ports);
      selector = selector == null ? Map.of() : Map.copyOf(selector);
      loadBalancerSourceRanges =
          loadBalancerSourceRanges == null ? List.of() : List.copyOf(loadBalancerSourceRanges);
      ipFamilies = ipFamilies == null ? List.of() : List.copyOf(ipFamilies);
    }
  }

  /**
   * Whether the Service selects a pod with these labels, as the EndpointSlice controller does: a
   * non-empty selector whose every entry the labels carry (an empty one selects nothing).
   */
  public boolean selects(Map<String, String> podLabels) {
    Map<String, String> selector = spec == null ? Map.of() : spec.selector();
    return !selector.isEmpty()
        && selector.entrySet().stream()
            .allMatch(e -> e.getValue().equals(podLabels.get(e.getKey())));
  }

  /**
   * A Service port. {@code targetPort} is Kubernetes' IntOrString kept as text: digits are a port
   * number, anything else a container port name; absent means "same as port".
   */
  @ProjectedJson
  public record Port(String name, String protocol, int port, String targetPort, Integer nodePort) {
    public Port {
      name = name == null ? "" : name;
      protocol = protocol == null ? "TCP" : protocol;
    }

    /** The effective targetPort: as written, or the port number when absent. */
    public String effectiveTargetPort() {
      return targetPort == null || targetPort.isEmpty() ? Integer.toString(port) : targetPort;
    }

    public boolean targetPortIsNumber() {
      return effectiveTargetPort().chars().allMatch(Character::isDigit);
    }
  }
}
