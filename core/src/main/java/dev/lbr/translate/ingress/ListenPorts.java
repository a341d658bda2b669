package dev.lbr.translate.ingress;

import static dev.lbr.translate.ingress.IngressAnnotation.CERTIFICATE_ARN;
import static dev.lbr.translate.ingress.IngressAnnotation.INBOUND_CIDRS;
import static dev.lbr.translate.ingress.IngressAnnotation.LISTEN_PORTS;
import static dev.lbr.translate.ingress.IngressAnnotation.SG_PREFIX_LISTS;
import static dev.lbr.translate.ingress.IngressAnnotation.SSL_POLICY;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lbr.k8s.Json;
import dev.lbr.model.InvalidInputException;
import dev.lbr.translate.common.Annotations;
import dev.lbr.translate.common.Cidrs;
import dev.lbr.translate.common.SslPolicies;
import dev.lbr.translate.common.StackQuotas;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One Ingress's listen ports and their settings (LBC {@code computeIngressListenPortConfigByPort}):
 * {@code listen-ports} (default HTTP:80, or HTTPS:443 when the Ingress has certificates), and for
 * HTTPS ports its certificates and SSL policy (and {@link MutualAuthentication}, mode off only);
 * its inbound CIDRs and prefix lists apply to every port. IngressClassParams fields replace the
 * annotations.
 */
record ListenPorts(
    Member member,
    Map<Integer, String> protocols,
    List<String> certificates,
    Optional<String> sslPolicy,
    List<String> cidrV4,
    List<String> cidrV6,
    List<String> prefixLists) {
  static final String HTTP = "HTTP";
  static final String HTTPS = "HTTPS";

  static ListenPorts of(Member m) {
    Annotations a = m.annotations();
    Optional<ClassParams> p = m.classParams();
    List<String> certs = p.map(ClassParams::certificateArns).orElse(List.of());
    if (certs.isEmpty()) {
      certs = a.stringList(CERTIFICATE_ARN).orElse(List.of());
    }
    Optional<String> sslPolicy = sslPolicy(m);
    List<String> prefixLists = p.map(ClassParams::prefixLists).orElse(List.of());
    if (prefixLists.isEmpty()) {
      prefixLists = a.stringList(SG_PREFIX_LISTS).orElse(List.of());
    }
    List<String> v4 = new ArrayList<>();
    List<String> v6 = new ArrayList<>();
    splitCidrs(m, v4, v6);
    Map<Integer, String> mutualAuthentication = MutualAuthentication.modes(a);
    Map<Integer, String> protocols = protocols(a, !certs.isEmpty());
    MutualAuthentication.refuseEnabled(a, mutualAuthentication, protocols);
    if (protocols.containsValue(HTTPS) && certs.isEmpty()) {
      throw a.invalid(
          CERTIFICATE_ARN,
          "an HTTPS listen port needs a certificate and the Ingress names none: certificate"
              + " discovery is not supported yet; set certificate-arn");
    }
    return new ListenPorts(
        m, protocols, List.copyOf(certs), sslPolicy, List.copyOf(v4), List.copyOf(v6), prefixLists);
  }

  /** IngressClassParams {@code sslPolicy}, else the annotation: an ELBv2 predefined policy. */
  private static Optional<String> sslPolicy(Member m) {
    Optional<ClassParams> p = m.classParams();
    Optional<String> fromParams = p.flatMap(ClassParams::sslPolicy);
    Optional<String> policy = fromParams.or(() -> m.annotations().string(SSL_POLICY));
    policy
        .flatMap(SslPolicies::check)
        .ifPresent(
            problem -> {
              throw fromParams.isPresent()
                  ? new InvalidInputException(p.get().object(), null, "spec.sslPolicy: " + problem)
                  : m.annotations().invalid(SSL_POLICY, problem);
            });
    return policy;
  }

  private static void splitCidrs(Member m, List<String> v4, List<String> v6) {
    Optional<ClassParams> p = m.classParams();
    boolean fromParams = p.isPresent() && !p.get().inboundCidrs().isEmpty();
    List<String> raw =
        fromParams
            ? p.get().inboundCidrs()
            : m.annotations().stringList(INBOUND_CIDRS).orElse(List.of());
    for (String cidr : raw) {
      if (!Cidrs.isValid(cidr)) {
        String problem = "invalid CIDR \"" + cidr + "\"";
        throw fromParams
            ? new InvalidInputException(p.get().object(), null, "spec.inboundCIDRs: " + problem)
            : m.annotations().invalid(INBOUND_CIDRS, problem);
      }
      (Cidrs.isIpv6(cidr) ? v6 : v4).add(cidr);
    }
  }

  /** Port → protocol, in the annotation's order. */
  private static Map<Integer, String> protocols(Annotations a, boolean preferTls) {
    Optional<String> raw = a.string(LISTEN_PORTS);
    if (raw.isEmpty()) {
      return preferTls ? Map.of(443, HTTPS) : Map.of(80, HTTP);
    }
    JsonNode entries;
    try {
      entries = Json.mapper().readTree(raw.get());
    } catch (IOException e) {
      throw a.invalid(LISTEN_PORTS, "failed to parse listen-ports configuration: " + brief(e));
    }
    if (entries == null || entries.isNull() || (entries.isArray() && entries.isEmpty())) {
      throw a.invalid(LISTEN_PORTS, "empty listen-ports configuration");
    }
    if (!entries.isArray()) {
      throw a.invalid(LISTEN_PORTS, malformed("a JSON array of objects"));
    }
    Map<Integer, String> protocols = new LinkedHashMap<>();
    for (JsonNode entry : entries) {
      if (!entry.isObject()) {
        throw a.invalid(LISTEN_PORTS, malformed("a JSON array of objects"));
      }
      for (Map.Entry<String, JsonNode> e : entry.properties()) {
        JsonNode port = e.getValue();
        if (!port.isIntegralNumber() || !port.canConvertToInt()) {
          throw a.invalid(LISTEN_PORTS, malformed("port numbers, got " + port));
        }
        int n = port.intValue();
        if (n < 1 || n > 65535) {
          throw a.invalid(LISTEN_PORTS, "listen port must be within [1, 65535]: " + n);
        }
        if (!e.getKey().equals(HTTP) && !e.getKey().equals(HTTPS)) {
          throw a.invalid(
              LISTEN_PORTS, "listen protocol must be within [HTTP, HTTPS]: " + e.getKey());
        }
        if (protocols.containsKey(n)) {
          throw a.invalid(LISTEN_PORTS, "duplicate listen port " + n);
        }
        protocols.put(n, e.getKey());
      }
    }
    if (protocols.isEmpty()) {
      throw a.invalid(LISTEN_PORTS, malformed("at least one port"));
    }
    StackQuotas.listeners(protocols.size())
        .ifPresent(
            problem -> {
              throw a.invalid(LISTEN_PORTS, problem);
            });
    return protocols;
  }

  private static String malformed(String expected) {
    return "failed to parse listen-ports configuration: expected "
        + expected
        + ", e.g. [{\"HTTP\": 80}, {\"HTTPS\": 443}]";
  }

  static String brief(IOException e) {
    String message = e.getMessage() == null ? e.toString() : e.getMessage();
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
