package dev.lbr.translate.service;

import static dev.lbr.translate.service.ServiceAnnotation.ALPN_POLICY;
import static dev.lbr.translate.service.ServiceAnnotation.BACKEND_PROTOCOL;
import static dev.lbr.translate.service.ServiceAnnotation.SSL_CERT;
import static dev.lbr.translate.service.ServiceAnnotation.SSL_POLICY;
import static dev.lbr.translate.service.ServiceAnnotation.SSL_PORTS;

import dev.lbr.k8s.K8sService;
import dev.lbr.model.Action;
import dev.lbr.model.ListenerSpec;
import dev.lbr.model.TargetGroupRef;
import dev.lbr.model.TargetGroupSpec;
import dev.lbr.translate.common.Annotations;
import dev.lbr.translate.common.ElbLimits;
import dev.lbr.translate.common.SslPolicies;
import java.util.ArrayList;
import java.util.List;

/**
 * One listener per Service port, forwarding to that port's target group (LBC {@code
 * model_build_listener.go}); a TCP and a UDP port of one number share a {@code TCP_UDP} listener
 * and target group when asked ({@link ServicePorts}). A TCP port becomes TLS when {@code
 * aws-load-balancer-ssl-cert} is set and {@code aws-load-balancer-ssl-ports} is absent or names the
 * port (by name or number).
 */
final class ListenerBuilder {
  static final String DEFAULT_SSL_POLICY = "ELBSecurityPolicy-2016-08";
  static final List<String> ALPN_POLICIES =
      List.of("HTTP1Only", "HTTP2Only", "HTTP2Optional", "HTTP2Preferred", "None");

  /**
   * A Service port's listener and the target group it forwards to (for a TCP_UDP listener, the
   * first of its two ports).
   */
  record PortModel(K8sService.Port port, ListenerSpec listener, TargetGroupSpec targetGroup) {}

  private final ServiceContext ctx;
  private final TagsBuilder tags;
  private final TargetGroupBuilder targetGroups;
  private final List<String> certificates;
  private final List<String> sslPorts;
  private final String sslPolicy;
  private final boolean sslBackend;

  ListenerBuilder(ServiceContext ctx, TagsBuilder tags) {
    this.ctx = ctx;
    this.tags = tags;
    this.targetGroups = new TargetGroupBuilder(ctx, tags);
    Annotations a = ctx.annotations();
    this.certificates = certificates(a);
    this.sslPorts = sslPorts(ctx);
    this.sslPolicy = a.string(SSL_POLICY).orElse(DEFAULT_SSL_POLICY);
    SslPolicies.check(sslPolicy)
        .ifPresent(
            problem -> {
              throw a.invalid(SSL_POLICY, problem);
            });
    // LBC: only "ssl" means TLS to the targets; any other value is TCP.
    this.sslBackend = a.string(BACKEND_PROTOCOL).orElse("").equals("ssl");
  }

  List<PortModel> build(String lbIpAddressType) {
    List<PortModel> models = new ArrayList<>();
    for (ServicePorts.Listened listened : ServicePorts.of(ctx)) {
      models.add(build(listened, lbIpAddressType));
    }
    return models;
  }

  private PortModel build(ServicePorts.Listened listened, String lbIpAddressType) {
    K8sService.Port port = listened.port();
    String protocol = listened.tcpUdp() ? ServicePorts.TCP_UDP : protocol(port);
    boolean tls = protocol.equals("TCP") && isTlsPort(port);
    String listenerProtocol = tls ? "TLS" : protocol;
    String tgProtocol = tls && sslBackend ? "TLS" : protocol;
    TargetGroupSpec tg = targetGroups.build(port, tgProtocol, lbIpAddressType);
    ListenerSpec listener =
        new ListenerSpec(
            port.port(),
            listenerProtocol,
            tls ? certificates : List.of(),
            tls ? sslPolicy : null,
            tls ? alpnPolicy() : null,
            List.of(Action.Forward.to(TargetGroupRef.managed(tg.resourceId()))),
            List.of(),
            tags.forResource(Integer.toString(port.port())));
    return new PortModel(port, listener, tg);
  }

  private String protocol(K8sService.Port port) {
    return switch (port.protocol()) {
      case "TCP", "UDP" -> port.protocol();
      default ->
          throw ctx.annotations()
              .invalid(
                  "port "
                      + port.port()
                      + " uses protocol "
                      + port.protocol()
                      + ", which NLB does not support (TCP or UDP)");
    };
  }

  private boolean isTlsPort(K8sService.Port port) {
    return !certificates.isEmpty()
        && (sslPorts.isEmpty()
            || sslPorts.contains(Integer.toString(port.port()))
            || (!port.name().isEmpty() && sslPorts.contains(port.name())));
  }

  /** The default certificate and at most 25 more (ELBv2's certificates per listener). */
  private static List<String> certificates(Annotations a) {
    List<String> certs = a.stringList(SSL_CERT).orElse(List.of());
    if (certs.size() - 1 > ElbLimits.CERTIFICATES_PER_LISTENER) {
      throw a.invalid(
          SSL_CERT,
          certs.size()
              + " certificates; a listener takes the default one and at most "
              + ElbLimits.CERTIFICATES_PER_LISTENER
              + " more");
    }
    return certs;
  }

  /** Validated like LBC: every entry must name a Service port; {@code *} matches none. */
  private static List<String> sslPorts(ServiceContext ctx) {
    List<String> raw = ctx.annotations().stringList(SSL_PORTS).orElse(List.of());
    List<String> unused = new ArrayList<>();
    for (String entry : raw) {
      boolean used =
          ctx.service().spec().ports().stream()
              .anyMatch(p -> p.name().equals(entry) || Integer.toString(p.port()).equals(entry));
      if (!used) {
        unused.add(entry);
      }
    }
    if (unused.contains("*")) {
      throw ctx.annotations()
          .invalid(
              SSL_PORTS,
              "* does not match any port (as in LBC): list port names or numbers, or omit the"
                  + " annotation to make every TCP port TLS");
    }
    if (!unused.isEmpty()) {
      throw ctx.annotations().invalid(SSL_PORTS, "unused port in ssl-ports annotation " + unused);
    }
    return raw;
  }

  /** Only read for TLS listeners, as in LBC. */
  private String alpnPolicy() {
    String raw = ctx.annotations().string(ALPN_POLICY).orElse(null);
    if (raw != null && !ALPN_POLICIES.contains(raw)) {
      throw ctx.annotations()
          .invalid(
              ALPN_POLICY, "invalid ALPN policy \"" + raw + "\", must be one of " + ALPN_POLICIES);
    }
    return raw;
  }
}
