package dev.lbr.translate.ingress;

import static dev.lbr.translate.ingress.IngressAnnotation.CERTIFICATE_ARN;
import static dev.lbr.translate.ingress.IngressAnnotation.INBOUND_CIDRS;
import static dev.lbr.translate.ingress.IngressAnnotation.LISTEN_PORTS;
import static dev.lbr.translate.ingress.IngressAnnotation.SG_PREFIX_LISTS;

import dev.lbr.model.SecurityGroupRule;
import dev.lbr.translate.common.ElbLimits;
import dev.lbr.translate.common.StackQuotas;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.SortedMap;

/**
 * The count quotas of a group's ALB, checked once the members' listen ports are merged: listeners
 * per ALB, certificates per listener, target groups per ALB and the managed security group's
 * inbound rules. A refusal names the member whose addition crossed the limit (the one that added
 * the 51st port, the 101st target group, ...) and its annotation.
 */
final class GroupLimits {
  private GroupLimits() {}

  /** Listeners per ALB and certificates per listener. */
  static void listeners(SortedMap<Integer, ListenerConfig> configs) {
    List<Integer> ports = new ArrayList<>();
    for (ListenerConfig c : configs.values()) {
      ports.add(c.port());
      if (ports.size() > ElbLimits.LISTENERS_PER_LOAD_BALANCER) {
        Member m = c.members().get(0);
        throw m.annotations()
            .invalid(
                LISTEN_PORTS,
                "the IngressGroup needs "
                    + configs.size()
                    + " listeners (port "
                    + c.port()
                    + " is one too many); an ALB takes at most "
                    + ElbLimits.LISTENERS_PER_LOAD_BALANCER);
      }
      int extra = c.certificates().size() - 1;
      if (extra > ElbLimits.CERTIFICATES_PER_LISTENER) {
        Member m = c.members().get(c.members().size() - 1);
        throw m.annotations()
            .invalid(
                CERTIFICATE_ARN,
                "listener port "
                    + c.port()
                    + " would have "
                    + c.certificates().size()
                    + " certificates; a listener takes the default one and at most "
                    + ElbLimits.CERTIFICATES_PER_LISTENER
                    + " more");
      }
    }
  }

  /** Target groups per ALB; {@code drafts} in the order they were created. */
  static void targetGroups(Collection<TargetGroupDraft> drafts) {
    if (drafts.size() <= ElbLimits.TARGET_GROUPS_PER_ALB) {
      return;
    }
    Member m = drafts.stream().map(TargetGroupDraft::member).reduce((a, b) -> b).orElseThrow();
    throw m.annotations()
        .invalid(
            "the IngressGroup needs "
                + drafts.size()
                + " target groups (one per Ingress, Service and port); an ALB takes at most "
                + ElbLimits.TARGET_GROUPS_PER_ALB);
  }

  /**
   * The managed security group's inbound rules, as {@link SecurityGroups#managed} makes them:
   * listen port × (inbound CIDRs, IPv6 ones on a dualstack ALB only, and prefix lists).
   */
  static void inboundRules(SortedMap<Integer, ListenerConfig> configs, boolean ipv6) {
    List<SecurityGroupRule> rules = new ArrayList<>();
    for (ListenerConfig c : configs.values()) {
      rules.addAll(SecurityGroups.rules(c, ipv6));
      var problem = StackQuotas.inboundRules(rules);
      if (problem.isPresent()) {
        Member m = culprit(c);
        String suffix =
            m.annotations().has(INBOUND_CIDRS)
                ? INBOUND_CIDRS
                : m.annotations().has(SG_PREFIX_LISTS) ? SG_PREFIX_LISTS : LISTEN_PORTS;
        throw m.annotations().invalid(suffix, problem.get());
      }
    }
  }

  /** The member of a listener that sets its sources, else its last member. */
  private static Member culprit(ListenerConfig c) {
    for (Member m : c.members()) {
      if (m.annotations().has(INBOUND_CIDRS) || m.annotations().has(SG_PREFIX_LISTS)) {
        return m;
      }
    }
    return c.members().get(c.members().size() - 1);
  }
}
