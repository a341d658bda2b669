package dev.lbr.translate.common;

import static dev.lbr.translate.common.AttributeType.bool;
import static dev.lbr.translate.common.AttributeType.oneOf;
import static dev.lbr.translate.common.AttributeType.range;
import static dev.lbr.translate.common.AttributeType.text;

import dev.lbr.model.LoadBalancerType;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The load balancer and target group attribute keys ELBv2 knows, per load balancer type, with their
 * value types (ELBv2 API reference, {@code LoadBalancerAttribute} and {@code
 * TargetGroupAttribute}). An unknown key or a value of the wrong type is refused before any AWS
 * call, instead of failing {@code ModifyLoadBalancerAttributes} after the load balancer was
 * created.
 */
public final class AttributeRules {
  private static final Map<String, AttributeType> LB_COMMON =
      Map.of(
          "deletion_protection.enabled", bool(),
          "load_balancing.cross_zone.enabled", bool(),
          "access_logs.s3.enabled", bool(),
          "access_logs.s3.bucket", text(),
          "access_logs.s3.prefix", text(),
          "ipv6.deny_all_igw_traffic", bool(),
          "zonal_shift.config.enabled", bool());

  private static final Map<String, AttributeType> LB_ALB =
      Map.ofEntries(
          Map.entry("idle_timeout.timeout_seconds", range(1, 4000)),
          Map.entry("client_keep_alive.seconds", range(60, 604800)),
          Map.entry("connection_logs.s3.enabled", bool()),
          Map.entry("connection_logs.s3.bucket", text()),
          Map.entry("connection_logs.s3.prefix", text()),
          Map.entry("health_check_logs.s3.enabled", bool()),
          Map.entry("health_check_logs.s3.bucket", text()),
          Map.entry("health_check_logs.s3.prefix", text()),
          Map.entry(
              "routing.http.desync_mitigation_mode", oneOf("monitor", "defensive", "strictest")),
          Map.entry("routing.http.drop_invalid_header_fields.enabled", bool()),
          Map.entry("routing.http.preserve_host_header.enabled", bool()),
          Map.entry("routing.http.x_amzn_tls_version_and_cipher_suite.enabled", bool()),
          Map.entry("routing.http.xff_client_port.enabled", bool()),
          Map.entry(
              "routing.http.xff_header_processing.mode", oneOf("append", "preserve", "remove")),
          Map.entry("routing.http2.enabled", bool()),
          Map.entry("waf.fail_open.enabled", bool()));

  private static final Map<String, AttributeType> LB_NLB =
      Map.of(
          "dns_record.client_routing_policy",
              oneOf(
                  "any_availability_zone",
                  "partial_availability_zone_affinity",
                  "availability_zone_affinity"),
          "secondary_ips.auto_assign.per_subnet", range(0, 7));

  private static final Map<String, AttributeType> TG_COMMON =
      Map.of(
          "deregistration_delay.timeout_seconds", range(0, 3600),
          "stickiness.enabled", bool(),
          "load_balancing.cross_zone.enabled",
              oneOf("true", "false", "use_load_balancer_configuration"),
          "target_group_health.dns_failover.minimum_healthy_targets.count",
              range(1, Integer.MAX_VALUE).or("off"),
          "target_group_health.dns_failover.minimum_healthy_targets.percentage",
              range(1, 100).or("off"),
          "target_group_health.unhealthy_state_routing.minimum_healthy_targets.count",
              range(1, Integer.MAX_VALUE),
          "target_group_health.unhealthy_state_routing.minimum_healthy_targets.percentage",
              range(1, 100).or("off"));

  private static final Map<String, AttributeType> TG_ALB =
      Map.of(
          "stickiness.type", oneOf("lb_cookie", "app_cookie"),
          "load_balancing.algorithm.type",
              oneOf("round_robin", "least_outstanding_requests", "weighted_random"),
          "load_balancing.algorithm.anomaly_mitigation", oneOf("on", "off"),
          "slow_start.duration_seconds", new AttributeType.SlowStart(),
          "stickiness.app_cookie.cookie_name", text(),
          "stickiness.app_cookie.duration_seconds", range(1, 604800),
          "stickiness.lb_cookie.duration_seconds", range(1, 604800));

  private static final Map<String, AttributeType> TG_NLB =
      Map.of(
          "stickiness.type", oneOf("source_ip"),
          "deregistration_delay.connection_termination.enabled", bool(),
          "preserve_client_ip.enabled", bool(),
          "proxy_protocol_v2.enabled", bool(),
          "target_health_state.unhealthy.connection_termination.enabled", bool(),
          "target_health_state.unhealthy.draining_interval_seconds", range(0, 360000));

  private AttributeRules() {}

  /** The first problem of a load balancer's attributes (keys in order), or empty. */
  public static Optional<String> loadBalancer(LoadBalancerType type, Map<String, String> values) {
    return check(
        type == LoadBalancerType.APPLICATION ? merge(LB_COMMON, LB_ALB) : merge(LB_COMMON, LB_NLB),
        "load balancer",
        type,
        values);
  }

  /** The first problem of a target group's attributes (keys in order), or empty. */
  public static Optional<String> targetGroup(LoadBalancerType type, Map<String, String> values) {
    return check(
        type == LoadBalancerType.APPLICATION ? merge(TG_COMMON, TG_ALB) : merge(TG_COMMON, TG_NLB),
        "target group",
        type,
        values);
  }

  private static Optional<String> check(
      Map<String, AttributeType> known,
      String what,
      LoadBalancerType type,
      Map<String, String> values) {
    String lb = type == LoadBalancerType.APPLICATION ? "an ALB" : "an NLB";
    for (Map.Entry<String, String> e : new TreeMap<>(values).entrySet()) {
      AttributeType t = known.get(e.getKey());
      if (t == null) {
        return Optional.of(
            "unknown "
                + what
                + " attribute \""
                + e.getKey()
                + "\" for "
                + lb
                + " (known: "
                + new TreeMap<>(known).keySet()
                + ")");
      }
      if (!t.accepts(e.getValue())) {
        return Optional.of(
            what
                + " attribute "
                + e.getKey()
                + "=\""
                + e.getValue()
                + "\" is invalid: expected "
                + t.expected());
      }
    }
    return Optional.empty();
  }

  private static Map<String, AttributeType> merge(
      Map<String, AttributeType> a, Map<String, AttributeType> b) {
    Map<String, AttributeType> out = new TreeMap<>(a);
    out.putAll(b);
    return out;
  }
}
