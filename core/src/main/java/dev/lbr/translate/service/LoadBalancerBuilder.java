package dev.lbr.translate.service;

import static dev.lbr.translate.service.ServiceAnnotation.INTERNAL;
import static dev.lbr.translate.service.ServiceAnnotation.IP_ADDRESS_TYPE;
import static dev.lbr.translate.service.ServiceAnnotation.NAME;
import static dev.lbr.translate.service.ServiceAnnotation.SCHEME;
import static dev.lbr.translate.service.ServiceAnnotation.SUBNETS;

import dev.lbr.model.LoadBalancerSpec;
import dev.lbr.model.LoadBalancerType;
import dev.lbr.model.Tags;
import dev.lbr.translate.common.Annotations;
import dev.lbr.translate.common.ElbValues;
import dev.lbr.translate.common.Naming;
import dev.lbr.translate.common.SubnetResolver;
import java.util.List;

/** The NLB itself (LBC {@code pkg/service/model_build_load_balancer.go}). */
final class LoadBalancerBuilder {
  static final String INTERNAL_SCHEME = "internal";
  static final String INTERNET_FACING = "internet-facing";
  static final String IPV4 = "ipv4";
  static final String DUALSTACK = "dualstack";

  private final ServiceContext ctx;
  private final TagsBuilder tags;

  LoadBalancerBuilder(ServiceContext ctx, TagsBuilder tags) {
    this.ctx = ctx;
    this.tags = tags;
  }

  LoadBalancerSpec build() {
    String scheme = scheme();
    String ipAddressType = ipAddressType();
    List<String> subnets = subnets(scheme);
    return new LoadBalancerSpec(
        name(scheme),
        LoadBalancerType.NETWORK,
        scheme,
        ipAddressType,
        subnets,
        List.of(),
        LoadBalancerAttributesBuilder.build(ctx),
        tags.forResource(Tags.LOAD_BALANCER_RESOURCE));
  }

  /** {@code aws-load-balancer-subnets} (IDs or Name tags, in that order), else discovery. */
  private List<String> subnets(String scheme) {
    Annotations a = ctx.annotations();
    SubnetResolver resolver =
        new SubnetResolver(ctx.facts(), a.object(), ServiceAnnotation.key(SUBNETS));
    return a.stringList(SUBNETS)
        .map(resolver::resolveExplicit)
        .orElseGet(() -> resolver.discover(scheme));
  }

  /**
   * {@code aws-load-balancer-scheme}, else the legacy boolean {@code aws-load-balancer-internal},
   * else {@code internal}. (LBC keeps an existing NLB's scheme when neither is set; the builder is
   * pure and does not see the existing NLB.)
   */
  String scheme() {
    Annotations a = ctx.annotations();
    if (a.has(SCHEME)) {
      String raw = a.string(SCHEME).orElseThrow();
      if (raw.equals(INTERNAL_SCHEME) || raw.equals(INTERNET_FACING)) {
        return raw;
      }
      throw a.invalid(
          SCHEME, "unknown scheme \"" + raw + "\" (expected internal or internet-facing)");
    }
    return a.bool(INTERNAL)
        .map(internal -> internal ? INTERNAL_SCHEME : INTERNET_FACING)
        .orElse(INTERNAL_SCHEME);
  }

  String ipAddressType() {
    String raw = ctx.annotations().string(IP_ADDRESS_TYPE).orElse(IPV4);
    if (raw.equals(IPV4) || raw.equals(DUALSTACK)) {
      return raw;
    }
    throw ctx.annotations()
        .invalid(
            IP_ADDRESS_TYPE,
            "unknown IP address type \"" + raw + "\" (expected ipv4 or dualstack)");
  }

  private String name(String scheme) {
    Annotations a = ctx.annotations();
    if (a.has(NAME)) {
      String name = a.string(NAME).orElseThrow();
      ElbValues.loadBalancerName(name)
          .ifPresent(
              problem -> {
                throw a.invalid(NAME, problem);
              });
      return name;
    }
    return Naming.loadBalancerName(
        ctx.facts().clusterName(), ctx.namespace(), ctx.name(), ctx.uid(), scheme);
  }
}
