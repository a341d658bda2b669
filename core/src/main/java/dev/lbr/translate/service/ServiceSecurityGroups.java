package dev.lbr.translate.service;

import static dev.lbr.translate.service.ServiceAnnotation.DISABLE_NLB_SG;
import static dev.lbr.translate.service.ServiceAnnotation.ICMP_PATH_MTU;
import static dev.lbr.translate.service.ServiceAnnotation.MANAGE_BACKEND_SG_RULES;
import static dev.lbr.translate.service.ServiceAnnotation.SECURITY_GROUPS;
import static dev.lbr.translate.service.ServiceAnnotation.SG_PREFIX_LISTS;
import static dev.lbr.translate.service.ServiceAnnotation.SOURCE_RANGES;

import dev.lbr.k8s.K8sService;
import dev.lbr.model.SecurityGroupRule;
import dev.lbr.model.SecurityGroupSpec;
import dev.lbr.translate.common.Annotations;
import dev.lbr.translate.common.ElbValues;
import dev.lbr.translate.common.Naming;
import dev.lbr.translate.common.SecurityGroupNames;
import dev.lbr.translate.common.StackQuotas;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The NLB's security groups (LBC v2.6+ {@code buildLoadBalancerSecurityGroups} and {@code
 * pkg/service/model_build_managed_sg.go}): none with {@code disable-nlb-sg}; the groups of {@code
 * aws-load-balancer-security-groups} (plus the backend group with {@code
 * manage-backend-security-group-rules}); else a managed frontend group opening every Service port
 * to the source ranges, plus the cluster's backend group.
 */
final class ServiceSecurityGroups {
  static final String ICMP_V4 = "icmp";
  static final String ICMP_V6 = "icmpv6";
  private static final int ICMP_V4_TYPE = 3;
  private static final int ICMP_V4_CODE = 4;
  private static final int ICMP_V6_TYPE = 2;
  private static final int ICMP_V6_CODE = 0;

  /**
   * @param managed the managed frontend group, if the NLB gets one
   * @param userGroups the groups the annotation names, resolved to ids
   * @param backend whether the NLB carries the cluster's backend group
   * @param enabled whether the NLB has security groups at all
   */
  record Result(
      Optional<SecurityGroupSpec> managed,
      List<String> userGroups,
      boolean backend,
      boolean enabled) {}

  private ServiceSecurityGroups() {}

  static Result build(ServiceContext ctx, TagsBuilder tags, String ipAddressType) {
    Annotations a = ctx.annotations();
    if (a.bool(DISABLE_NLB_SG).orElse(false)) {
      return new Result(Optional.empty(), List.of(), false, false);
    }
    Optional<List<String>> named = a.stringList(SECURITY_GROUPS).filter(l -> !l.isEmpty());
    if (named.isPresent()) {
      boolean manage = a.bool(MANAGE_BACKEND_SG_RULES).orElse(false);
      List<String> ids =
          SecurityGroupNames.resolve(
              named.get(), ctx.facts(), problem -> a.invalid(SECURITY_GROUPS, problem));
      return new Result(Optional.empty(), ids, manage, true);
    }
    return new Result(Optional.of(managed(ctx, tags, ipAddressType)), List.of(), true, true);
  }

  /**
   * {@code spec.loadBalancerSourceRanges}, else the {@code load-balancer-source-ranges} one; each a
   * CIDR.
   */
  static List<String> sourceRanges(ServiceContext ctx) {
    List<String> ranges = ctx.service().spec().loadBalancerSourceRanges();
    if (ranges.isEmpty()) {
      ranges = ctx.annotations().stringList(SOURCE_RANGES).orElse(List.of());
    }
    for (String cidr : ranges) {
      ElbValues.cidr(cidr)
          .ifPresent(
              problem -> {
                throw invalidRange(ctx, problem);
              });
    }
    return ranges;
  }

  private static SecurityGroupSpec managed(
      ServiceContext ctx, TagsBuilder tags, String ipAddressType) {
    Annotations a = ctx.annotations();
    boolean dualstack = ipAddressType.startsWith(LoadBalancerBuilder.DUALSTACK);
    List<String> prefixLists = a.stringList(SG_PREFIX_LISTS).orElse(List.of());
    boolean icmp = a.string(ICMP_PATH_MTU).map("on"::equals).orElse(false);
    List<String> cidrs = new ArrayList<>(sourceRanges(ctx));
    for (String cidr : cidrs) {
      if (cidr.contains(":") && !dualstack) {
        throw invalidRange(ctx, "unsupported v6 cidr " + cidr + " when lb is not dualstack");
      }
    }
    if (cidrs.isEmpty() && !a.has(SG_PREFIX_LISTS)) {
      cidrs.add("0.0.0.0/0");
      if (dualstack) {
        cidrs.add("::/0");
      }
    }
    List<SecurityGroupRule> rules = new ArrayList<>();
    for (K8sService.Port port : ctx.service().spec().ports()) {
      String protocol = port.protocol() == null ? "tcp" : port.protocol().toLowerCase();
      int p = port.port();
      for (String cidr : cidrs) {
        rules.add(new SecurityGroupRule(protocol, p, p, cidr, null));
        if (icmp) {
          rules.add(
              cidr.contains(":")
                  ? new SecurityGroupRule(ICMP_V6, ICMP_V6_TYPE, ICMP_V6_CODE, cidr, null)
                  : new SecurityGroupRule(ICMP_V4, ICMP_V4_TYPE, ICMP_V4_CODE, cidr, null));
        }
      }
      for (String pl : prefixLists) {
        rules.add(new SecurityGroupRule(protocol, p, p, null, pl));
      }
    }
    StackQuotas.inboundRules(rules)
        .ifPresent(
            problem -> {
              if (!sourceRanges(ctx).isEmpty()) {
                throw invalidRange(ctx, problem);
              }
              throw a.has(SG_PREFIX_LISTS)
                  ? a.invalid(SG_PREFIX_LISTS, problem)
                  : a.invalid("spec.ports: " + problem);
            });
    return new SecurityGroupSpec(
        name(ctx),
        SecurityGroupSpec.DESCRIPTION,
        ctx.facts().vpcId(),
        rules,
        tags.forResource(SecurityGroupSpec.RESOURCE_ID));
  }

  /** {@code k8s-<ns,8>-<name,8>-<sha256(cluster, name, namespace, uid),10>}. */
  static String name(ServiceContext ctx) {
    return Naming.format(
        ctx.namespace(),
        ctx.name(),
        Naming.sha256Hex(ctx.facts().clusterName(), ctx.name(), ctx.namespace(), ctx.uid()));
  }

  private static RuntimeException invalidRange(ServiceContext ctx, String problem) {
    return ctx.service().spec().loadBalancerSourceRanges().isEmpty()
        ? ctx.annotations().invalid(SOURCE_RANGES, problem)
        : ctx.annotations().invalid("spec.loadBalancerSourceRanges: " + problem);
  }
}
