package dev.lbr.build;

import static dev.lbr.build.ServiceAnnotation.ACTIONS_PREFIX;
import static dev.lbr.build.ServiceAnnotation.DISABLE_NLB_SG;
import static dev.lbr.build.ServiceAnnotation.EIP_ALLOCATIONS;
import static dev.lbr.build.ServiceAnnotation.IPV6_ADDRESSES;
import static dev.lbr.build.ServiceAnnotation.LISTENER_ATTRIBUTES_PREFIX;
import static dev.lbr.build.ServiceAnnotation.MANAGE_BACKEND_SG_RULES;
import static dev.lbr.build.ServiceAnnotation.MINIMUM_CAPACITY;
import static dev.lbr.build.ServiceAnnotation.MULTI_CLUSTER_TG;
import static dev.lbr.build.ServiceAnnotation.PREFIX_FOR_IPV6_SOURCE_NAT;
import static dev.lbr.build.ServiceAnnotation.PRIVATE_IPV4_ADDRESSES;
import static dev.lbr.build.ServiceAnnotation.QUIC_ENABLED_PORTS;
import static dev.lbr.build.ServiceAnnotation.SECURITY_GROUPS;
import static dev.lbr.build.ServiceAnnotation.SG_PREFIX_LISTS;
import static dev.lbr.build.ServiceAnnotation.SG_RULES_ON_PRIVATE_LINK;
import static dev.lbr.build.ServiceAnnotation.SOURCE_NAT_IPV6_PREFIXES;
import static dev.lbr.build.ServiceAnnotation.SOURCE_RANGES;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Rejects what LBC would honour but this builder cannot yet, where silently ignoring it would
 * change who can reach the NLB, its addresses, or its listeners (docs/annotations.md). The
 * security-group knobs that only tune rules we do not manage are validated and otherwise ignored.
 */
final class UnsupportedAnnotations {
  private static final String NOT_YET = Annotations.NOT_YET;

  private static final String NEEDS_SGS = " (it needs managed security groups)";

  /** Annotations refused whenever present, with what they ask for. */
  private static final Map<String, String> REJECTED = rejected();

  private UnsupportedAnnotations() {}

  private static Map<String, String> rejected() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put(SOURCE_RANGES, "restricting source ranges" + NEEDS_SGS);
    m.put(SG_PREFIX_LISTS, "restricting sources to prefix lists" + NEEDS_SGS);
    m.put(SECURITY_GROUPS, "attaching security groups");
    m.put(EIP_ALLOCATIONS, "assigning Elastic IPs");
    m.put(PRIVATE_IPV4_ADDRESSES, "assigning private IPv4 addresses");
    m.put(IPV6_ADDRESSES, "assigning IPv6 addresses");
    m.put(SOURCE_NAT_IPV6_PREFIXES, "IPv6 source NAT prefixes");
    m.put(MINIMUM_CAPACITY, "reserving load balancer capacity");
    m.put(QUIC_ENABLED_PORTS, "QUIC listeners");
    return m;
  }

  static void check(ServiceContext ctx) {
    Annotations a = ctx.annotations();
    a.refuseAny(REJECTED);
    if (!ctx.service().spec().loadBalancerSourceRanges().isEmpty()) {
      throw a.invalid(
          "spec.loadBalancerSourceRanges: restricting source ranges" + NOT_YET + NEEDS_SGS);
    }
    a.refuseAnyStartingWith(LISTENER_ATTRIBUTES_PREFIX, "setting listener attributes");
    a.refuseAnyStartingWith(ACTIONS_PREFIX, "a listener action (weighted target groups)");
    if (a.bool(MULTI_CLUSTER_TG).orElse(false)) {
      throw a.invalid(MULTI_CLUSTER_TG, "sharing target groups between clusters" + NOT_YET);
    }
    a.string(PREFIX_FOR_IPV6_SOURCE_NAT)
        .ifPresent(
            v -> {
              if (!v.equals("off")) {
                throw a.invalid(
                    PREFIX_FOR_IPV6_SOURCE_NAT,
                    "only off is supported (IPv6 source NAT" + NOT_YET + ")");
              }
            });
    // Without managed security groups these have nothing to act on; still reject bad values.
    a.bool(DISABLE_NLB_SG);
    a.bool(MANAGE_BACKEND_SG_RULES);
    a.string(SG_RULES_ON_PRIVATE_LINK)
        .ifPresent(
            v -> {
              if (!v.equals("on") && !v.equals("off")) {
                throw a.invalid(SG_RULES_ON_PRIVATE_LINK, "\"" + v + "\" must be on or off");
              }
            });
  }
}
