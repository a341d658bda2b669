package dev.lbr.translate.service;

import static dev.lbr.translate.service.ServiceAnnotation.IP_ADDRESS_TYPE;

import dev.lbr.k8s.K8sService;
import dev.lbr.model.HealthCheck;
import dev.lbr.model.TargetGroupSpec;
import dev.lbr.translate.common.Annotations;
import dev.lbr.translate.common.EndpointResolver;
import dev.lbr.translate.common.Naming;

/**
 * One target group per Service port (LBC {@code model_build_target_group.go}), of the Service's
 * target type: port = the targetPort (ip) or the NodePort (instance).
 */
final class TargetGroupBuilder {
  static final String IPV4 = "ipv4";

  private final ServiceContext ctx;
  private final TagsBuilder tags;
  private final String targetType;
  private final HealthCheck healthCheck;

  TargetGroupBuilder(ServiceContext ctx, TagsBuilder tags) {
    this.ctx = ctx;
    this.tags = tags;
    this.targetType = TargetTypeResolver.resolve(ctx);
    this.healthCheck = HealthCheckBuilder.build(ctx, targetType);
  }

  /** LBC's resource id of a Service port's target group: {@code ns/name:<service port number>}. */
  static String resourceId(ServiceContext ctx, K8sService.Port port) {
    return ctx.namespace() + "/" + ctx.name() + ":" + port.port();
  }

  TargetGroupSpec build(K8sService.Port port, String protocol, String lbIpAddressType) {
    boolean instance = targetType.equals(TargetTypeResolver.INSTANCE);
    int tgPort = instance ? nodePort(ctx, port) : port(port);
    String resourceId = resourceId(ctx, port);
    return new TargetGroupSpec(
        resourceId,
        Naming.targetGroupName(
            ctx.facts().clusterName(),
            ctx.namespace(),
            ctx.name(),
            ctx.uid(),
            tgPort,
            port.port(),
            targetType,
            protocol,
            healthCheck.protocol(),
            healthCheck.intervalSeconds()),
        targetType,
        protocol,
        null,
        tgPort,
        ipAddressType(lbIpAddressType),
        ctx.facts().vpcId(),
        healthCheck,
        TargetGroupAttributesBuilder.build(ctx, port),
        tags.forResource(resourceId));
  }

  /** The port's NodePort; an error when it has none (instance targets need one). */
  static int nodePort(ServiceContext ctx, K8sService.Port port) {
    Integer n = port.nodePort();
    if (n == null || n < 1 || n > 65535) {
      throw ctx.annotations()
          .invalid(
              "port "
                  + port.port()
                  + " has no nodePort: instance targets need a NodePort or LoadBalancer Service"
                  + " with node ports allocated");
    }
    return n;
  }

  /**
   * The numeric targetPort; 1 for a named one, as LBC does (the port is not in the data path:
   * targets are registered with their own port).
   */
  private int port(K8sService.Port port) {
    if (!port.targetPortIsNumber()) {
      return 1;
    }
    int n = Annotations.parseInt32(port.effectiveTargetPort()).orElse(0);
    if (n < 1 || n > 65535) {
      throw ctx.annotations()
          .invalid(
              "port "
                  + port.port()
                  + " has targetPort "
                  + port.effectiveTargetPort()
                  + ", which is not between 1 and 65535");
    }
    return n;
  }

  /** ipv6 when the Service has the IPv6 family, which needs a dualstack NLB. */
  private String ipAddressType(String lbIpAddressType) {
    if (!ctx.service().spec().ipFamilies().contains("IPv6")) {
      return IPV4;
    }
    if (!LoadBalancerBuilder.DUALSTACK.equals(lbIpAddressType)) {
      throw ctx.annotations()
          .invalid(
              IP_ADDRESS_TYPE,
              "unsupported IPv6 configuration, lb not dual-stack: the Service has the IPv6 IP"
                  + " family, set the annotation to dualstack");
    }
    return EndpointResolver.IPV6;
  }
}
