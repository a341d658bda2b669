package dev.lbr.model;

import java.util.Map;
import java.util.TreeMap;

/**
 * Where one target group's targets come from, as the spec that built it says: the pods of a Service
 * port (ip) or the selected nodes on a NodePort (instance). Kept in the checkpoint, so the last
 * valid spec's target groups can follow the endpoints while a newer spec is refused.
 *
 * @param targetType {@code ip} or {@code instance}
 * @param namespace the backend Service's namespace (ip)
 * @param service the backend Service (ip)
 * @param portName the Service port's name (ip; a named targetPort is served by the slice port of
 *     that name)
 * @param protocol the Service port's protocol (ip)
 * @param targetPort the Service port's effective targetPort, a number or a name (ip)
 * @param ipAddressType the target group's address family, {@code ipv4} or {@code ipv6} (ip)
 * @param nodePort the targets' port (instance)
 * @param nodeLabels {@code target-node-labels} (instance; empty: every node)
 */
public record TargetSource(
    String targetType,
    String namespace,
    String service,
    String portName,
    String protocol,
    String targetPort,
    String ipAddressType,
    int nodePort,
    Map<String, String> nodeLabels) {
  public static final String IP = "ip";
  public static final String INSTANCE = "instance";

  public TargetSource {
    nodeLabels = nodeLabels == null ? Map.of() : new TreeMap<>(nodeLabels);
  }

  /** The pods of a Service port. */
  public static TargetSource pods(
      String namespace,
      String service,
      String portName,
      String protocol,
      String targetPort,
      String ipAddressType) {
    return new TargetSource(
        IP, namespace, service, portName, protocol, targetPort, ipAddressType, 0, Map.of());
  }

  /** The selected nodes on a NodePort. */
  public static TargetSource nodes(int nodePort, Map<String, String> nodeLabels) {
    return new TargetSource(INSTANCE, null, null, null, null, null, null, nodePort, nodeLabels);
  }

  public boolean instance() {
    return INSTANCE.equals(targetType);
  }

  /** {@code namespace/service}, the key of the Service's EndpointSlices. */
  public String serviceKey() {
    return namespace + "/" + service;
  }
}
