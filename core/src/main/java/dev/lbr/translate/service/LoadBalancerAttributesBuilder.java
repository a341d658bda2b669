package dev.lbr.translate.service;

import static dev.lbr.translate.service.ServiceAnnotation.ACCESS_LOG_BUCKET;
import static dev.lbr.translate.service.ServiceAnnotation.ACCESS_LOG_ENABLED;
import static dev.lbr.translate.service.ServiceAnnotation.ACCESS_LOG_PREFIX;
import static dev.lbr.translate.service.ServiceAnnotation.CROSS_ZONE;
import static dev.lbr.translate.service.ServiceAnnotation.LB_ATTRIBUTES;

import dev.lbr.model.LoadBalancerType;
import dev.lbr.translate.common.Annotations;
import dev.lbr.translate.common.AttributeRules;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * NLB attributes ({@code buildLoadBalancerAttributes}): {@code aws-load-balancer-attributes}, with
 * the deprecated access-log and cross-zone annotations winning over it, as in LBC.
 */
final class LoadBalancerAttributesBuilder {
  static final String DELETION_PROTECTION = "deletion_protection.enabled";
  static final String ACCESS_LOGS_ENABLED = "access_logs.s3.enabled";
  static final String ACCESS_LOGS_BUCKET = "access_logs.s3.bucket";
  static final String ACCESS_LOGS_PREFIX = "access_logs.s3.prefix";
  static final String CROSS_ZONE_ENABLED = "load_balancing.cross_zone.enabled";
  static final String DNS_CLIENT_ROUTING_POLICY = "dns_record.client_routing_policy";
  private static final List<String> ROUTING_POLICIES =
      List.of(
          "any_availability_zone",
          "partial_availability_zone_affinity",
          "availability_zone_affinity");

  private LoadBalancerAttributesBuilder() {}

  static Map<String, String> build(ServiceContext ctx) {
    Map<String, String> attributes = new TreeMap<>(annotated(ctx));
    attributes.putAll(deprecatedAnnotations(ctx));
    return attributes;
  }

  /** True when {@code aws-load-balancer-attributes} turns deletion protection on. */
  static boolean deletionProtection(ServiceContext ctx) {
    String value =
        ctx.annotations().stringMap(LB_ATTRIBUTES).orElse(Map.of()).get(DELETION_PROTECTION);
    if (value == null) {
      return false;
    }
    return Annotations.parseBool(value)
        .orElseThrow(
            () ->
                ctx.annotations()
                    .invalid(
                        LB_ATTRIBUTES, DELETION_PROTECTION + "=" + value + " is not a boolean"));
  }

  private static Map<String, String> annotated(ServiceContext ctx) {
    Map<String, String> attributes = ctx.annotations().stringMap(LB_ATTRIBUTES).orElse(Map.of());
    String policy = attributes.get(DNS_CLIENT_ROUTING_POLICY);
    if (policy != null && !ROUTING_POLICIES.contains(policy)) {
      throw ctx.annotations()
          .invalid(
              LB_ATTRIBUTES,
              "invalid "
                  + DNS_CLIENT_ROUTING_POLICY
                  + " '"
                  + policy
                  + "', expected one of "
                  + ROUTING_POLICIES);
    }
    AttributeRules.loadBalancer(LoadBalancerType.NETWORK, attributes)
        .ifPresent(
            problem -> {
              throw ctx.annotations().invalid(LB_ATTRIBUTES, problem);
            });
    return attributes;
  }

  private static Map<String, String> deprecatedAnnotations(ServiceContext ctx) {
    Annotations a = ctx.annotations();
    Map<String, String> attributes = new TreeMap<>();
    if (a.bool(ACCESS_LOG_ENABLED).orElse(false)) {
      attributes.put(ACCESS_LOGS_ENABLED, "true");
      a.string(ACCESS_LOG_BUCKET).ifPresent(b -> attributes.put(ACCESS_LOGS_BUCKET, b));
      a.string(ACCESS_LOG_PREFIX).ifPresent(p -> attributes.put(ACCESS_LOGS_PREFIX, p));
    }
    Optional<Boolean> crossZone = a.bool(CROSS_ZONE);
    crossZone.ifPresent(c -> attributes.put(CROSS_ZONE_ENABLED, Boolean.toString(c)));
    return attributes;
  }
}
