package dev.lbr.translate.ingress;

import static dev.lbr.translate.ingress.IngressAnnotation.AUTH_TYPE;
import static dev.lbr.translate.ingress.IngressAnnotation.BACKEND_PROTOCOL;
import static dev.lbr.translate.ingress.IngressAnnotation.BACKEND_PROTOCOL_VERSION;
import static dev.lbr.translate.ingress.IngressAnnotation.IP_ADDRESS_TYPE;
import static dev.lbr.translate.ingress.IngressAnnotation.MULTI_CLUSTER_TG;
import static dev.lbr.translate.ingress.IngressAnnotation.TARGET_TYPE;
import static dev.lbr.translate.ingress.IngressAnnotation.TG_ATTRIBUTES;

import dev.lbr.k8s.K8sService;
import dev.lbr.model.HealthCheck;
import dev.lbr.model.InvalidInputException;
import dev.lbr.model.LoadBalancerType;
import dev.lbr.model.TargetGroupRef;
import dev.lbr.translate.common.Annotations;
import dev.lbr.translate.common.AttributeRules;
import dev.lbr.translate.common.EndpointResolver;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The group's target groups, created as rules and default actions reference them (LBC {@code
 * model_build_target_group.go}): one per (Ingress, Service, Service port as written), ip or
 * instance targets. Per-backend settings come from the Service's annotations, then the Ingress's.
 */
final class TargetGroups {
  static final String IP = "ip";
  static final String INSTANCE = "instance";
  static final String IPV4 = "ipv4";
  private static final List<String> VERSIONS = List.of("HTTP1", "HTTP2", "GRPC");

  private final String lbIpAddressType;
  private final Map<String, TargetGroupDraft> byId = new TreeMap<>();

  TargetGroups(String lbIpAddressType) {
    this.lbIpAddressType = lbIpAddressType;
  }

  Collection<TargetGroupDraft> all() {
    return byId.values();
  }

  /**
   * The target group of {@code service}'s port {@code servicePort} (a number or a name) for {@code
   * m}'s rules; {@code reference} names where it was asked for, for errors.
   */
  TargetGroupRef ref(Member m, K8sService service, String servicePort, Reference reference) {
    String id = TargetGroupDraft.resourceId(m, service.metadata().name(), servicePort);
    if (!byId.containsKey(id)) {
      byId.put(id, draft(id, m, service, servicePort, reference));
    }
    return TargetGroupRef.managed(id);
  }

  /** Where a Service port was referenced: the Ingress and, for actions, the annotation. */
  record Reference(Annotations ingress, String suffix) {
    InvalidInputException invalid(String problem) {
      return suffix == null ? ingress.invalid(problem) : ingress.invalid(suffix, problem);
    }
  }

  private TargetGroupDraft draft(
      String id, Member m, K8sService svc, String servicePort, Reference reference) {
    K8sService.Port port = lookupPort(svc, servicePort, reference);
    Annotations svcAnnotations = Annotations.of(svc, IngressAnnotation.PREFIX);
    rejectUnsupported(svcAnnotations);
    BackendAnnotations a = new BackendAnnotations(svcAnnotations, m.annotations());
    String targetType = targetType(m, a);
    boolean instance = targetType.equals(INSTANCE);
    String protocol = oneOf(a, BACKEND_PROTOCOL, "HTTP", List.of("HTTP", "HTTPS"));
    String version = oneOf(a, BACKEND_PROTOCOL_VERSION, "HTTP1", VERSIONS);
    HealthCheck healthCheck = AlbHealthCheck.build(a, svc, protocol, version, instance);
    Map<String, String> attributes =
        new TreeMap<>(a.source(TG_ATTRIBUTES).stringMap(TG_ATTRIBUTES).orElse(Map.of()));
    AttributeRules.targetGroup(LoadBalancerType.APPLICATION, attributes)
        .ifPresent(
            problem -> {
              throw a.invalid(TG_ATTRIBUTES, problem);
            });
    int tgPort =
        instance ? InstanceMode.nodePort(m, a, svc, port) : targetGroupPort(port, reference, svc);
    return new TargetGroupDraft(
        id,
        m,
        svc,
        port,
        servicePort,
        targetType,
        protocol,
        version,
        tgPort,
        ipAddressType(m, svc),
        healthCheck,
        attributes,
        IngressTags.backend(m, svcAnnotations),
        instance ? InstanceMode.nodeLabels(a) : Map.of());
  }

  /** LBC's {@code LookupServicePort}: by name, or by port number. */
  static K8sService.Port lookupPort(K8sService svc, String servicePort, Reference reference) {
    boolean byNumber = Annotations.parseInt32(servicePort).isPresent();
    for (K8sService.Port p : svc.spec().ports()) {
      if (byNumber
          ? Integer.toString(p.port()).equals(servicePort)
          : p.name().equals(servicePort)) {
        return p;
      }
    }
    throw reference.invalid(
        "unable to find port " + servicePort + " on service " + svc.metadata().key());
  }

  /**
   * IngressClassParams {@code targetType}, else the Service's or Ingress's annotation, else LBC's
   * default {@code instance}.
   */
  private static String targetType(Member m, BackendAnnotations a) {
    Optional<String> fromParams = m.classParams().flatMap(ClassParams::targetType);
    String raw = fromParams.orElseGet(() -> a.string(TARGET_TYPE).orElse(INSTANCE));
    if (raw.equals(IP) || raw.equals(INSTANCE)) {
      return raw;
    }
    String problem = "unknown targetType: " + raw + " (expected ip or instance)";
    if (fromParams.isPresent()) {
      throw new InvalidInputException(m.params().object(), null, "spec.targetType: " + problem);
    }
    throw a.invalid(TARGET_TYPE, problem);
  }

  private static String oneOf(
      BackendAnnotations a, String suffix, String dflt, List<String> allowed) {
    String raw = a.string(suffix).orElse(dflt);
    if (!allowed.contains(raw)) {
      throw a.invalid(suffix, suffix + " must be within " + allowed + ": " + raw);
    }
    return raw;
  }

  /** ip: the numeric targetPort; 1 for a named one, as LBC (targets carry their own port). */
  private static int targetGroupPort(K8sService.Port port, Reference reference, K8sService svc) {
    if (!port.targetPortIsNumber()) {
      return 1;
    }
    int n = Annotations.parseInt32(port.effectiveTargetPort()).orElse(0);
    if (n < 1 || n > 65535) {
      throw reference.invalid(
          "port "
              + port.port()
              + " of service "
              + svc.metadata().key()
              + " has targetPort "
              + port.effectiveTargetPort()
              + ", which is not between 1 and 65535");
    }
    return n;
  }

  /** ipv6 for a Service with the IPv6 family, which needs a dualstack ALB. */
  private String ipAddressType(Member m, K8sService svc) {
    if (!svc.spec().ipFamilies().contains("IPv6")) {
      return IPV4;
    }
    if (!lbIpAddressType.startsWith("dualstack")) {
      throw m.annotations()
          .invalid(
              IP_ADDRESS_TYPE,
              "unsupported IPv6 configuration, lb not"
                  + " dual-stack: Service "
                  + svc.metadata().key()
                  + " has the IPv6 IP family");
    }
    return EndpointResolver.IPV6;
  }

  private static void rejectUnsupported(Annotations svc) {
    String auth = svc.string(AUTH_TYPE).orElse("none");
    if (!auth.equals("none")) {
      throw svc.invalid(AUTH_TYPE, "authentication (" + auth + ") is not supported yet");
    }
    if (svc.bool(MULTI_CLUSTER_TG).orElse(false)) {
      throw svc.invalid(
          MULTI_CLUSTER_TG, "sharing target groups between clusters is not supported yet");
    }
  }
}
