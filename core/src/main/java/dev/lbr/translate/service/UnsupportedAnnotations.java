package dev.lbr.translate.service;

import static dev.lbr.translate.service.ServiceAnnotation.ACTIONS_PREFIX;
import static dev.lbr.translate.service.ServiceAnnotation.EIP_ALLOCATIONS;
import static dev.lbr.translate.service.ServiceAnnotation.IPV6_ADDRESSES;
import static dev.lbr.translate.service.ServiceAnnotation.LISTENER_ATTRIBUTES_PREFIX;
import static dev.lbr.translate.service.ServiceAnnotation.MINIMUM_CAPACITY;
import static dev.lbr.translate.service.ServiceAnnotation.MULTI_CLUSTER_TG;
import static dev.lbr.translate.service.ServiceAnnotation.PREFIX_FOR_IPV6_SOURCE_NAT;
import static dev.lbr.translate.service.ServiceAnnotation.PRIVATE_IPV4_ADDRESSES;
import static dev.lbr.translate.service.ServiceAnnotation.QUIC_ENABLED_PORTS;
import static dev.lbr.translate.service.ServiceAnnotation.SG_RULES_ON_PRIVATE_LINK;
import static dev.lbr.translate.service.ServiceAnnotation.SOURCE_NAT_IPV6_PREFIXES;

import dev.lbr.translate.common.Annotations;
import java.util.Map;

/**
 * Rejects what LBC would honour but this builder cannot yet, where silently ignoring it would
 * change who can reach the NLB, its addresses, or its listeners (docs/annotations.md).
 */
final class UnsupportedAnnotations {
  private static final String NOT_YET = Annotations.NOT_YET;

  /** Annotations refused whenever present, with what they ask for. */
  private static final Map<String, String> REJECTED =
      Annotations.inOrder(
          EIP_ALLOCATIONS, "assigning Elastic IPs",
          PRIVATE_IPV4_ADDRESSES, "assigning private IPv4 addresses",
          IPV6_ADDRESSES, "assigning IPv6 addresses",
          SOURCE_NAT_IPV6_PREFIXES, "IPv6 source NAT prefixes",
          MINIMUM_CAPACITY, "reserving load balancer capacity",
          QUIC_ENABLED_PORTS, "QUIC listeners");

  private UnsupportedAnnotations() {}

  static void check(ServiceContext ctx) {
    Annotations a = ctx.annotations();
    a.refuseAny(REJECTED);
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
    a.string(SG_RULES_ON_PRIVATE_LINK)
        .ifPresent(
            v -> {
              if (!v.equals("on") && !v.equals("off")) {
                throw a.invalid(SG_RULES_ON_PRIVATE_LINK, "\"" + v + "\" must be on or off");
              }
            });
  }
}
