package dev.lbr.translate.common;

import dev.lbr.k8s.K8sEndpointSlice;
import dev.lbr.k8s.K8sService;
import dev.lbr.k8s.ObjectKey;
import dev.lbr.model.Target;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The ip targets of one Service port (LBC {@code pkg/backend/endpoint_resolver.go}, ip mode): the
 * ready, not terminating pod endpoints of the Service's EndpointSlices of the target group's
 * address family, each registered with the slice port that serves the Service port.
 */
public final class EndpointResolver {
  /** The target group address family ({@link TargetSource#ipAddressType()}) of IPv6 endpoints. */
  /** The target group ip address type of IPv6 targets (LBC's {@code ipv6}). */
  public static final String IPV6 = "ipv6";

  private final String namespace;
  private final String name;
  private final List<K8sEndpointSlice> slices;

  public EndpointResolver(K8sService service, List<K8sEndpointSlice> slices) {
    this(service.metadata().namespace(), service.metadata().name(), slices);
  }

  /** The endpoints of Service {@code namespace/name} among {@code slices}. */
  public EndpointResolver(String namespace, String name, List<K8sEndpointSlice> slices) {
    this.namespace = namespace;
    this.name = name;
    this.slices = slices == null ? List.of() : slices;
  }

  /** Targets of {@code port}'s target group; {@code ipAddressType} is the group's (ipv4/ipv6). */
  public SortedSet<Target> targets(K8sService.Port port, String ipAddressType) {
    return Collections.unmodifiableSortedSet(new TreeSet<>(pods(port, ipAddressType).keySet()));
  }

  /**
   * The targets of {@code port}'s target group, each with the pod behind it (for readiness gates);
   * a target served by two endpoints keeps the first.
   */
  public SortedMap<Target, ObjectKey> pods(K8sService.Port port, String ipAddressType) {
    String addressType = IPV6.equals(ipAddressType) ? "IPv6" : "IPv4";
    TreeMap<Target, ObjectKey> pods = new TreeMap<>();
    for (K8sEndpointSlice slice : slices) {
      if (!belongsToService(slice) || !addressType.equals(slice.addressType())) {
        continue;
      }
      for (K8sEndpointSlice.Port slicePort : slice.ports()) {
        if (slicePort.port() == null || !serves(port, slicePort)) {
          continue;
        }
        for (K8sEndpointSlice.Endpoint endpoint : slice.endpoints()) {
          if (isReady(endpoint)) {
            pods.putIfAbsent(
                new Target(endpoint.addresses().get(0), slicePort.port()),
                ReadinessGates.podKey(slice, endpoint.targetRef()));
          }
        }
      }
    }
    return Collections.unmodifiableSortedMap(pods);
  }

  private boolean belongsToService(K8sEndpointSlice slice) {
    return slice.metadata() != null
        && Objects.equals(slice.metadata().namespace(), namespace)
        && Objects.equals(slice.serviceName(), name);
  }

  /**
   * A numeric targetPort is served by the slice port of that number; a named one by the slice port
   * named like the Service port (the endpoint controller names slice ports after Service ports).
   * The protocol must match either way.
   */
  static boolean serves(K8sService.Port port, K8sEndpointSlice.Port slicePort) {
    if (!port.protocol().equals(slicePort.protocol())) {
      return false;
    }
    if (port.targetPortIsNumber()) {
      return Annotations.parseInt32(port.effectiveTargetPort())
          .map(n -> n.equals(slicePort.port()))
          .orElse(false);
    }
    return slicePort.name().equals(port.name());
  }

  /**
   * Ready (or unknown, which Kubernetes says to treat as ready) and not terminating; only pod
   * endpoints with an address, as LBC registers only {@code targetRef.kind: Pod}.
   */
  static boolean isReady(K8sEndpointSlice.Endpoint endpoint) {
    K8sEndpointSlice.Conditions c = endpoint.conditions();
    return !Boolean.FALSE.equals(c.ready())
        && !Boolean.TRUE.equals(c.terminating())
        && endpoint.targetRef() != null
        && "Pod".equals(endpoint.targetRef().kind())
        && !endpoint.addresses().isEmpty();
  }
}
