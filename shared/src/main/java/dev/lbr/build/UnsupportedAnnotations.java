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

import dev.lbr.model.InvalidInputException;
import java.util.List;

/**
 * Rejects what LBC would honour but this builder cannot yet, where silently ignoring it would
 * change who can reach the NLB, its addresses, or its listeners (docs/annotations.md). The
 * security-group knobs that only tune rules we do not manage are validated and otherwise ignored.
 */
final class UnsupportedAnnotations {
  private static final String NOT_YET = " is not supported yet";

  private UnsupportedAnnotations() {}

  static void check(ServiceContext ctx) {
    Annotations a = ctx.annotations();
    for (String suffix :
        List.of(
            SOURCE_RANGES,
            SG_PREFIX_LISTS,
            SECURITY_GROUPS,
            EIP_ALLOCATIONS,
            PRIVATE_IPV4_ADDRESSES,
            IPV6_ADDRESSES,
            SOURCE_NAT_IPV6_PREFIXES,
            MINIMUM_CAPACITY,
            QUIC_ENABLED_PORTS)) {
      if (a.has(suffix)) {
        throw a.invalid(suffix, "the annotation" + NOT_YET);
      }
    }
    if (!ctx.service().spec().loadBalancerSourceRanges().isEmpty()) {
      throw a.invalid(
          "spec.loadBalancerSourceRanges" + NOT_YET + " (it needs managed security groups)");
    }
    firstWithPrefix(ctx, LISTENER_ATTRIBUTES_PREFIX, "listener attributes");
    firstWithPrefix(ctx, ACTIONS_PREFIX, "listener actions (weighted target groups)");
    if (a.bool(MULTI_CLUSTER_TG).orElse(false)) {
      throw a.invalid(MULTI_CLUSTER_TG, "multi-cluster target groups are not supported yet");
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

  private static void firstWithPrefix(ServiceContext ctx, String suffixPrefix, String what) {
    List<String> keys = List.copyOf(ctx.annotations().keysStartingWith(suffixPrefix));
    if (!keys.isEmpty()) {
      throw new InvalidInputException(ctx.annotations().object(), keys.get(0), what + NOT_YET);
    }
  }
}
