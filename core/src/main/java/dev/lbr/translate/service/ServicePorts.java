package dev.lbr.translate.service;

import static dev.lbr.translate.service.ServiceAnnotation.ENABLE_TCP_UDP;

import dev.lbr.k8s.K8sService;
import dev.lbr.translate.common.Annotations;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Service ports that become listeners (LBC {@code buildListeners} in {@code
 * pkg/service/model_build_listener.go}). With {@code aws-load-balancer-enable-tcp-udp-listener:
 * true} a TCP and a UDP port of one number become one {@code TCP_UDP} listener and target group,
 * built from the first of the two in the Service's order (as LBC's {@code
 * buildListenersWithTCPUDPSupport}). Without it (LBC's {@code EnableTCPUDPListener} feature gate is
 * off by default) a port number used twice is refused: LBC would keep only the first port's
 * listener and silently drop the other.
 */
final class ServicePorts {
  static final String TCP_UDP = "TCP_UDP";
  private static final Set<String> MERGEABLE = Set.of("TCP", "UDP");

  /** A Service port that gets a listener, alone or as the first of a TCP_UDP pair. */
  record Listened(K8sService.Port port, boolean tcpUdp) {}

  private ServicePorts() {}

  static List<Listened> of(ServiceContext ctx) {
    Map<Integer, List<K8sService.Port>> byNumber = new LinkedHashMap<>();
    for (K8sService.Port p : ctx.service().spec().ports()) {
      byNumber.computeIfAbsent(p.port(), n -> new ArrayList<>()).add(p);
    }
    boolean merge = tcpUdpEnabled(ctx);
    List<Listened> out = new ArrayList<>();
    byNumber.forEach(
        (number, ports) -> {
          if (ports.size() == 1) {
            out.add(new Listened(ports.get(0), false));
            return;
          }
          if (!merge) {
            throw unmerged(ctx, number, ports);
          }
          validateMerge(ctx, ports);
          out.add(new Listened(ports.get(0), true));
        });
    return out;
  }

  /**
   * LBC reads the annotation with {@code ParseBoolAnnotation} and, on a value that is not a
   * boolean, falls back to the feature gate (off): so does this.
   */
  static boolean tcpUdpEnabled(ServiceContext ctx) {
    return ctx.annotations().string(ENABLE_TCP_UDP).flatMap(Annotations::parseBool).orElse(false);
  }

  /** LBC's {@code validateMultiProtocolUsage}, with its messages. */
  private static void validateMerge(ServiceContext ctx, List<K8sService.Port> ports) {
    Annotations a = ctx.annotations();
    if (ports.size() != 2) {
      throw a.invalid(
          ENABLE_TCP_UDP,
          "can only merge two ports, not " + ports.size() + " (" + describe(ports) + ")");
    }
    for (K8sService.Port p : ports) {
      if (!MERGEABLE.contains(p.protocol())) {
        throw a.invalid(ENABLE_TCP_UDP, "unsupported protocol for merging: " + p.protocol());
      }
    }
    if (ports.get(0).protocol().equals(ports.get(1).protocol())) {
      throw a.invalid(
          ENABLE_TCP_UDP, "protocols can't match for merging: " + ports.get(0).protocol());
    }
  }

  private static RuntimeException unmerged(
      ServiceContext ctx, int number, List<K8sService.Port> ports) {
    Annotations a = ctx.annotations();
    String problem = "service ports " + describe(ports) + " share port number " + number;
    Optional<String> raw = a.string(ENABLE_TCP_UDP);
    if (raw.isPresent()) {
      String why =
          Annotations.parseBool(raw.get()).isPresent()
              ? "it is false"
              : "\"" + raw.get() + "\" is not a boolean, which LBC reads as unset";
      return a.invalid(ENABLE_TCP_UDP, problem + ": they need one TCP_UDP listener, and " + why);
    }
    return a.invalid(
        problem
            + ": one listener per port number; set "
            + a.key(ENABLE_TCP_UDP)
            + ": \"true\" to merge a TCP and a UDP port into one TCP_UDP listener");
  }

  private static String describe(List<K8sService.Port> ports) {
    return ports.stream().map(p -> p.port() + "/" + p.protocol()).toList().toString();
  }
}
