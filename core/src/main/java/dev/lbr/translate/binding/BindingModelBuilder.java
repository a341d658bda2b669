package dev.lbr.translate.binding;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lbr.k8s.K8sService;
import dev.lbr.k8s.K8sTargetGroupBinding;
import dev.lbr.model.ActualTargetGroup;
import dev.lbr.model.InvalidInputException;
import dev.lbr.model.NetworkingPort;
import dev.lbr.model.TargetGroupNetworking;
import dev.lbr.model.TargetSource;
import dev.lbr.translate.common.TargetSources;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A user's TargetGroupBinding against its Service and the target group it names, as LBC's
 * TargetGroupBinding reconciler reads them ({@code pkg/targetgroupbinding/resource_manager.go},
 * {@code networking_manager.go}): the Service port by number or name; ip targets are the port's
 * ready pods, instance targets the selected nodes on its NodePort; the target type and address
 * family default to the target group's own and must agree with it.
 */
public final class BindingModelBuilder {
  private BindingModelBuilder() {}

  /**
   * @param service the Service the binding references, or empty when it does not exist
   * @param targetGroup the target group the binding names, as read
   * @throws InvalidInputException naming the binding and the field at fault
   */
  public static BindingModel build(
      K8sTargetGroupBinding binding, Optional<K8sService> service, ActualTargetGroup targetGroup) {
    K8sTargetGroupBinding.Spec spec = binding.spec();
    String type = targetType(binding, targetGroup);
    K8sService svc =
        service.orElseThrow(
            () ->
                invalid(
                    binding,
                    "spec.serviceRef.name: Service "
                        + binding.metadata().namespace()
                        + "/"
                        + spec.serviceRef().name()
                        + " not found"));
    K8sService.Port port = port(binding, svc);
    TargetSource source;
    if (type.equals(TargetSource.INSTANCE)) {
      source = TargetSource.nodes(nodePort(binding, svc, port), nodeLabels(binding));
    } else {
      source = TargetSources.pods(svc, port, ipAddressType(binding, targetGroup));
    }
    return new BindingModel(targetGroup.arn(), source, networking(binding, targetGroup, type));
  }

  /** The spec's target type, else the target group's; only ip and instance groups take pods. */
  private static String targetType(K8sTargetGroupBinding binding, ActualTargetGroup tg) {
    String own = tg.targetType() == null ? "" : tg.targetType().toLowerCase(Locale.ROOT);
    String asked = binding.spec().targetType();
    if (!own.equals(TargetSource.IP) && !own.equals(TargetSource.INSTANCE)) {
      throw invalid(
          binding,
          "target group " + tg.name() + " has target type " + own + ": only ip and instance");
    }
    agrees(binding, "targetType", asked, own, tg, "target type");
    return own;
  }

  private static K8sService.Port port(K8sTargetGroupBinding binding, K8sService svc) {
    String wanted = binding.spec().serviceRef().port();
    boolean number = wanted != null && wanted.chars().allMatch(Character::isDigit);
    for (K8sService.Port p : svc.spec().ports()) {
      if (number ? Integer.toString(p.port()).equals(wanted) : p.name().equals(wanted)) {
        return p;
      }
    }
    throw invalid(
        binding,
        "spec.serviceRef.port: Service "
            + svc.metadata().key()
            + " has no port "
            + (number ? wanted : "named " + wanted));
  }

  private static int nodePort(K8sTargetGroupBinding binding, K8sService svc, K8sService.Port p) {
    String type = svc.spec().type();
    Integer n = p.nodePort();
    if (!"NodePort".equals(type) && !"LoadBalancer".equals(type) || n == null || n < 1) {
      throw invalid(
          binding,
          "instance targets need a NodePort or LoadBalancer Service with a node port allocated;"
              + " Service "
              + svc.metadata().key()
              + " is "
              + type
              + (n == null || n < 1 ? " without a node port for port " + p.port() : ""));
    }
    return n;
  }

  private static java.util.Map<String, String> nodeLabels(K8sTargetGroupBinding binding) {
    K8sTargetGroupBinding.NodeSelector selector = binding.spec().nodeSelector();
    if (selector == null) {
      return java.util.Map.of();
    }
    JsonNode expressions = selector.matchExpressions();
    if (expressions != null && !expressions.isMissingNode() && !expressions.isEmpty()) {
      throw invalid(
          binding,
          "spec.nodeSelector.matchExpressions is not supported yet; select nodes with"
              + " matchLabels");
    }
    return selector.matchLabels();
  }

  /** The spec's address family, else the target group's (LBC's defaulting webhook does this). */
  private static String ipAddressType(K8sTargetGroupBinding binding, ActualTargetGroup tg) {
    String own = tg.ipAddressType() == null ? "ipv4" : tg.ipAddressType();
    String asked = binding.spec().ipAddressType();
    agrees(binding, "ipAddressType", asked, own, tg, "ip address type");
    return own;
  }

  /**
   * {@code networking.ingress}: one rule per entry, from its security groups and CIDRs to its
   * ports. A port left out is the targets' own port (LBC: every port); a named port is refused.
   */
  private static List<TargetGroupNetworking> networking(
      K8sTargetGroupBinding binding, ActualTargetGroup tg, String type) {
    JsonNode networking = binding.spec().networking();
    List<TargetGroupNetworking> out = new ArrayList<>();
    if (networking == null) {
      return out;
    }
    JsonNode ingress = networking.path("ingress");
    for (int i = 0; i < ingress.size(); i++) {
      String at = "spec.networking.ingress[" + i + "]";
      JsonNode rule = ingress.get(i);
      List<String> peers = new ArrayList<>();
      JsonNode from = rule.path("from");
      for (int j = 0; j < from.size(); j++) {
        JsonNode peer = from.get(j);
        String group = peer.path("securityGroup").path("groupID").asText("");
        String cidr = peer.path("ipBlock").path("cidr").asText("");
        if (group.isEmpty() == cidr.isEmpty()) {
          throw invalid(
              binding, at + ".from[" + j + "]: give exactly one of securityGroup and ipBlock");
        }
        peers.add(group.isEmpty() ? cidr : group);
      }
      List<NetworkingPort> ports = new ArrayList<>();
      JsonNode list = rule.path("ports");
      for (int j = 0; j < list.size(); j++) {
        ports.add(port(binding, at + ".ports[" + j + "]", list.get(j)));
      }
      if (list.isEmpty()) {
        ports.add(new NetworkingPort("tcp", null));
      }
      if (!peers.isEmpty()) {
        out.add(new TargetGroupNetworking(BindingModel.TARGET_GROUP, type, ports, peers));
      }
    }
    return out;
  }

  private static NetworkingPort port(K8sTargetGroupBinding binding, String at, JsonNode port) {
    String protocol = port.path("protocol").asText("TCP").toLowerCase(Locale.ROOT);
    if (!protocol.equals("tcp") && !protocol.equals("udp")) {
      throw invalid(binding, at + ".protocol: " + protocol + " is not TCP or UDP");
    }
    JsonNode number = port.path("port");
    if (number.isMissingNode() || number.isNull()) {
      return new NetworkingPort(protocol, null);
    }
    if (!number.canConvertToInt() || number.asInt() < 1 || number.asInt() > 65535) {
      throw invalid(
          binding,
          at + ".port: " + number + " is not a port number (named ports are not supported yet)");
    }
    return new NetworkingPort(protocol, number.asInt());
  }

  /** A field the spec may leave to the target group must agree with it when it is given. */
  private static void agrees(
      K8sTargetGroupBinding binding,
      String field,
      String asked,
      String own,
      ActualTargetGroup tg,
      String what) {
    if (asked != null && !asked.equals(own)) {
      throw invalid(
          binding,
          "spec."
              + field
              + ": "
              + asked
              + " does not match target group "
              + tg.name()
              + " ("
              + what
              + " "
              + own
              + ")");
    }
  }

  private static InvalidInputException invalid(K8sTargetGroupBinding binding, String problem) {
    return new InvalidInputException(
        "TargetGroupBinding " + binding.metadata().key(), null, problem);
  }
}
