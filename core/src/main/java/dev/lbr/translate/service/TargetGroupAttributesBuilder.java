package dev.lbr.translate.service;

import static dev.lbr.translate.service.ServiceAnnotation.PROXY_PROTOCOL;
import static dev.lbr.translate.service.ServiceAnnotation.PROXY_PROTOCOL_PER_TG;
import static dev.lbr.translate.service.ServiceAnnotation.TG_ATTRIBUTES;

import dev.lbr.k8s.K8sService;
import dev.lbr.model.LoadBalancerType;
import dev.lbr.translate.common.Annotations;
import dev.lbr.translate.common.AttributeRules;
import dev.lbr.translate.common.ElbValues;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Target group attributes ({@code buildTargetGroupAttributes}), later steps overriding earlier
 * ones: {@code proxy_protocol_v2.enabled=false} (LBC's default, always written), {@code
 * aws-load-balancer-target-group-attributes}, its per-port form {@code ...-attributes.<port>}
 * (empty values keep the base), {@code aws-load-balancer-proxy-protocol-per-target-group}, and
 * finally {@code aws-load-balancer-proxy-protocol: "*"}.
 */
final class TargetGroupAttributesBuilder {
  static final String PROXY_PROTOCOL_V2 = "proxy_protocol_v2.enabled";
  static final String PRESERVE_CLIENT_IP = "preserve_client_ip.enabled";

  private TargetGroupAttributesBuilder() {}

  static Map<String, String> build(ServiceContext ctx, K8sService.Port port) {
    Annotations a = ctx.annotations();
    Map<String, String> attributes = new TreeMap<>();
    attributes.put(PROXY_PROTOCOL_V2, "false");
    attributes.putAll(validated(ctx, TG_ATTRIBUTES));
    validated(ctx, TG_ATTRIBUTES + "." + port.port())
        .forEach(
            (k, v) -> {
              if (!v.isEmpty()) {
                attributes.put(k, v);
              }
            });
    a.string(PROXY_PROTOCOL_PER_TG)
        .ifPresent(
            raw ->
                attributes.put(
                    PROXY_PROTOCOL_V2,
                    Boolean.toString(proxyProtocolPorts(ctx, raw).contains(port.port() + ""))));
    a.string(PROXY_PROTOCOL)
        .ifPresent(
            raw -> {
              if (!raw.equals("*")) {
                throw a.invalid(
                    PROXY_PROTOCOL, "invalid value \"" + raw + "\", the only value supported is *");
              }
              attributes.put(PROXY_PROTOCOL_V2, "true");
            });
    if (attributes.get(PROXY_PROTOCOL_V2).isEmpty()) {
      attributes.remove(PROXY_PROTOCOL_V2);
    }
    return attributes;
  }

  private static Map<String, String> validated(ServiceContext ctx, String suffix) {
    Map<String, String> attributes = ctx.annotations().stringMap(suffix).orElse(Map.of());
    String preserve = attributes.get(PRESERVE_CLIENT_IP);
    if (preserve != null && Annotations.parseBool(preserve).isEmpty()) {
      throw ctx.annotations()
          .invalid(suffix, PRESERVE_CLIENT_IP + "=" + preserve + " is not a boolean");
    }
    Map<String, String> set = new TreeMap<>(attributes);
    set.values().removeIf(String::isEmpty); // an empty per-port value keeps the common one
    AttributeRules.targetGroup(LoadBalancerType.NETWORK, set)
        .ifPresent(
            problem -> {
              throw ctx.annotations().invalid(suffix, problem);
            });
    return attributes;
  }

  private static Set<String> proxyProtocolPorts(ServiceContext ctx, String raw) {
    Set<String> ports = new HashSet<>();
    for (String item : raw.split(",", -1)) {
      String p = item.trim();
      if (p.isEmpty()) {
        continue;
      }
      if (Annotations.parseInt32(p).isEmpty()) {
        throw ctx.annotations().invalid(PROXY_PROTOCOL_PER_TG, "invalid port number \"" + p + "\"");
      }
      ElbValues.port(Annotations.parseInt32(p).get())
          .ifPresent(
              problem -> {
                throw ctx.annotations().invalid(PROXY_PROTOCOL_PER_TG, problem);
              });
      ports.add(p);
    }
    return ports;
  }
}
