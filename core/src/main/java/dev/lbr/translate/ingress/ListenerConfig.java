package dev.lbr.translate.ingress;

import static dev.lbr.translate.ingress.IngressAnnotation.INBOUND_CIDRS;
import static dev.lbr.translate.ingress.IngressAnnotation.LISTEN_PORTS;
import static dev.lbr.translate.ingress.IngressAnnotation.SG_PREFIX_LISTS;
import static dev.lbr.translate.ingress.IngressAnnotation.SSL_POLICY;

import dev.lbr.translate.common.Cidrs;
import dev.lbr.translate.ingress.Exclusive.Sourced;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One listener's configuration, merged from the members that listen on its port (LBC {@code
 * mergeListenPortConfigs}): one protocol; inbound CIDRs, prefix lists and SSL policy must agree
 * among the members that set them; certificates are unioned, the first member's first certificate
 * being the default. Without CIDRs or prefix lists the port is open to {@code 0.0.0.0/0} and {@code
 * ::/0}.
 */
record ListenerConfig(
    int port,
    String protocol,
    List<String> certificates,
    String sslPolicy,
    List<String> cidrV4,
    List<String> cidrV6,
    List<String> prefixLists,
    List<Member> members) {
  static final String DEFAULT_SSL_POLICY = "ELBSecurityPolicy-2016-08";

  boolean https() {
    return protocol.equals(ListenPorts.HTTPS);
  }

  /** Listeners by port, from every member's listen ports (members in group order). */
  static SortedMap<Integer, ListenerConfig> merge(List<ListenPorts> perMember) {
    Map<Integer, List<ListenPorts>> byPort = new TreeMap<>();
    for (ListenPorts lp : perMember) {
      for (int port : lp.protocols().keySet()) {
        byPort.computeIfAbsent(port, p -> new ArrayList<>()).add(lp);
      }
    }
    SortedMap<Integer, ListenerConfig> out = new TreeMap<>();
    byPort.forEach((port, configs) -> out.put(port, merge(port, configs)));
    return out;
  }

  private static ListenerConfig merge(int port, List<ListenPorts> configs) {
    Sourced<String> protocol = null;
    Sourced<Set<String>> cidrs = null;
    Sourced<Set<String>> prefixLists = null;
    Sourced<String> sslPolicy = null;
    for (ListenPorts c : configs) {
      Member m = c.member();
      Sourced<String> p = Sourced.annotation(m, c.protocols().get(port));
      if (protocol == null) {
        protocol = p;
      } else if (!protocol.value().equals(p.value())) {
        throw Exclusive.conflict(m, LISTEN_PORTS, "protocol of port " + port, protocol, p);
      }
      cidrs = agree(m, INBOUND_CIDRS, port, cidrs, union(c.cidrV4(), c.cidrV6()));
      prefixLists = agree(m, SG_PREFIX_LISTS, port, prefixLists, new TreeSet<>(c.prefixLists()));
      if (c.sslPolicy().isPresent() && p.value().equals(ListenPorts.HTTPS)) {
        Sourced<String> s = Sourced.annotation(m, c.sslPolicy().get());
        if (sslPolicy == null) {
          sslPolicy = s;
        } else if (!sslPolicy.value().equals(s.value())) {
          throw Exclusive.conflict(m, SSL_POLICY, "ssl-policy of port " + port, sslPolicy, s);
        }
      }
    }
    boolean https = protocol.value().equals(ListenPorts.HTTPS);
    List<String> v4 = new ArrayList<>();
    List<String> v6 = new ArrayList<>();
    if (cidrs == null && prefixLists == null) {
      v4.add("0.0.0.0/0");
      v6.add("::/0");
    } else if (cidrs != null) {
      cidrs.value().forEach(cidr -> (Cidrs.isIpv6(cidr) ? v6 : v4).add(cidr));
    }
    return new ListenerConfig(
        port,
        protocol.value(),
        https ? certificates(configs) : List.of(),
        https ? (sslPolicy == null ? DEFAULT_SSL_POLICY : sslPolicy.value()) : null,
        List.copyOf(v4),
        List.copyOf(v6),
        prefixLists == null ? List.of() : List.copyOf(prefixLists.value()),
        configs.stream().map(ListenPorts::member).toList());
  }

  /** The first value set wins; a member setting another (as a set) conflicts. */
  private static Sourced<Set<String>> agree(
      Member m, String suffix, int port, Sourced<Set<String>> chosen, Set<String> value) {
    if (value.isEmpty()) {
      return chosen;
    }
    Sourced<Set<String>> v = Sourced.annotation(m, value);
    if (chosen == null) {
      return v;
    }
    if (!chosen.value().equals(value)) {
      throw Exclusive.conflict(m, suffix, suffix + " of port " + port, chosen, v);
    }
    return chosen;
  }

  private static Set<String> union(Collection<String> a, Collection<String> b) {
    Set<String> out = new TreeSet<>(a);
    out.addAll(b);
    return out;
  }

  /**
   * The default certificate (the first member's first) then every other certificate once, in member
   * order; as in LBC the default may appear again as an SNI certificate.
   */
  private static List<String> certificates(List<ListenPorts> configs) {
    List<String> out = new ArrayList<>();
    ListenPorts defaultOwner = null;
    for (ListenPorts c : configs) {
      if (!c.certificates().isEmpty()) {
        out.add(c.certificates().get(0));
        defaultOwner = c;
        break;
      }
    }
    Set<String> others = new LinkedHashSet<>();
    for (ListenPorts c : configs) {
      for (int i = 0; i < c.certificates().size(); i++) {
        if (c != defaultOwner || i > 0) {
          others.add(c.certificates().get(i));
        }
      }
    }
    out.addAll(others);
    return List.copyOf(out);
  }
}
