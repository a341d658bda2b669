package dev.lbr.translate.common;

import dev.lbr.model.LoadBalancerType;
import dev.lbr.model.NetworkingPort;
import dev.lbr.model.TargetGroupNetworking;
import dev.lbr.model.TargetGroupSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The networking of each target group (LBC's {@code buildTargetGroupBindingNetworking}, restricted
 * rules): which ports of the targets the load balancer must reach, and from where. Ip targets are
 * reached on their own ports ({@code null}: a named {@code targetPort} resolves per pod), instance
 * targets on the NodePort; a numeric health-check port that differs is added.
 */
public final class TargetNetworking {
  static final String TRAFFIC_PORT = "traffic-port";
  private static final String ATTR_PRESERVE_CLIENT_IP = "preserve_client_ip.enabled";

  private TargetNetworking() {}

  /** With security groups on the load balancer: everything from the backend group. */
  public static List<TargetGroupNetworking> fromBackend(
      LoadBalancerType type, List<TargetGroupSpec> targetGroups) {
    List<TargetGroupNetworking> out = new ArrayList<>();
    for (TargetGroupSpec tg : targetGroups) {
      List<NetworkingPort> ports = new ArrayList<>();
      String protocol = tg.protocol().toUpperCase(Locale.ROOT);
      if (type == LoadBalancerType.APPLICATION
          || protocol.equals("TCP")
          || protocol.equals("TLS")) {
        ports.add(traffic("tcp", tg));
      } else {
        ports.add(traffic("udp", tg));
        if (protocol.equals("TCP_UDP") || healthCheckOnTrafficPort(tg)) {
          ports.add(traffic("tcp", tg));
        }
      }
      healthCheckPort(tg).ifPresent(p -> ports.add(NetworkingPort.tcp(p)));
      out.add(
          new TargetGroupNetworking(
              tg.resourceId(), tg.targetType(), ports, List.of(TargetGroupNetworking.BACKEND)));
    }
    return out;
  }

  /**
   * An NLB without security groups (LBC's {@code buildTargetGroupBindingNetworkingLegacy}): traffic
   * from the load balancer's subnets, or from the clients when their IP is preserved (UDP, or
   * {@code preserve_client_ip.enabled}, on by default for instance targets); health checks from the
   * load balancer's subnets.
   *
   * @param clientRanges where clients come from: the source ranges, else everything (internal: the
   *     VPC's ranges)
   */
  public static List<TargetGroupNetworking> withoutSecurityGroups(
      List<TargetGroupSpec> targetGroups,
      List<String> subnetCidrs,
      List<String> clientRanges,
      boolean defaultRanges) {
    List<TargetGroupNetworking> out = new ArrayList<>();
    for (TargetGroupSpec tg : targetGroups) {
      String protocol = tg.protocol().toUpperCase(Locale.ROOT);
      boolean udp = protocol.equals("UDP") || protocol.equals("TCP_UDP");
      boolean preserve = udp || preservesClientIp(tg);
      List<String> traffic = preserve ? clientRanges : subnetCidrs;
      List<NetworkingPort> ports = new ArrayList<>();
      if (protocol.equals("TCP_UDP")) {
        ports.add(traffic("tcp", tg));
        ports.add(traffic("udp", tg));
      } else {
        ports.add(traffic(udp ? "udp" : "tcp", tg));
      }
      out.add(new TargetGroupNetworking(tg.resourceId(), tg.targetType(), ports, traffic));
      boolean sameHealthPort = healthCheckPort(tg).isEmpty();
      boolean openToAll = traffic.contains("0.0.0.0/0") || traffic.contains("::/0");
      boolean healthCovered =
          !protocol.equals("UDP") && sameHealthPort && (!preserve || defaultRanges || openToAll);
      if (!healthCovered && !subnetCidrs.isEmpty()) {
        NetworkingPort hc = healthCheckPort(tg).map(NetworkingPort::tcp).orElse(traffic("tcp", tg));
        out.add(
            new TargetGroupNetworking(tg.resourceId(), tg.targetType(), List.of(hc), subnetCidrs));
      }
    }
    return out;
  }

  private static NetworkingPort traffic(String protocol, TargetGroupSpec tg) {
    return new NetworkingPort(protocol, tg.targetType().equals("ip") ? null : tg.port());
  }

  private static boolean healthCheckOnTrafficPort(TargetGroupSpec tg) {
    return healthCheckPort(tg).isEmpty();
  }

  /** The health-check port when it is a number other than the target group's port. */
  private static java.util.Optional<Integer> healthCheckPort(TargetGroupSpec tg) {
    String port = tg.healthCheck() == null ? null : tg.healthCheck().port();
    if (port == null || port.equals(TRAFFIC_PORT)) {
      return java.util.Optional.empty();
    }
    try {
      int p = Integer.parseInt(port);
      return p == tg.port() ? java.util.Optional.empty() : java.util.Optional.of(p);
    } catch (NumberFormatException e) {
      return java.util.Optional.empty();
    }
  }

  private static boolean preservesClientIp(TargetGroupSpec tg) {
    String v = tg.attributes().get(ATTR_PRESERVE_CLIENT_IP);
    return v == null ? tg.targetType().equals("instance") : v.equalsIgnoreCase("true");
  }
}
