package dev.lbr.build;

import static dev.lbr.build.ServiceAnnotation.HC_HEALTHY;
import static dev.lbr.build.ServiceAnnotation.HC_INTERVAL;
import static dev.lbr.build.ServiceAnnotation.HC_PATH;
import static dev.lbr.build.ServiceAnnotation.HC_PORT;
import static dev.lbr.build.ServiceAnnotation.HC_PROTOCOL;
import static dev.lbr.build.ServiceAnnotation.HC_SUCCESS_CODES;
import static dev.lbr.build.ServiceAnnotation.HC_TIMEOUT;
import static dev.lbr.build.ServiceAnnotation.HC_UNHEALTHY;

import dev.lbr.k8s.K8sService;
import dev.lbr.model.HealthCheck;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The target group health check for ip targets ({@code buildTargetGroupHealthCheckConfigDefault}):
 * TCP on the traffic port, 3/3 thresholds, 10 s timeout and interval; HTTP(S) adds path {@code /}
 * and success codes {@code 200-399}. Ranges are NLB's, checked here so bad input fails before any
 * AWS call.
 */
final class HealthCheckBuilder {
  static final String TRAFFIC_PORT = "traffic-port";
  private static final Pattern SUCCESS_CODES =
      Pattern.compile("[0-9]{3}(-[0-9]{3})?(,[0-9]{3}(-[0-9]{3})?)*");

  private HealthCheckBuilder() {}

  static HealthCheck build(ServiceContext ctx) {
    String protocol = protocol(ctx);
    boolean http = !protocol.equals("TCP");
    Annotations a = ctx.annotations();
    return new HealthCheck(
        protocol,
        port(ctx),
        http ? a.string(HC_PATH).orElse("/") : null,
        inRange(ctx, HC_INTERVAL, 10, 5, 300),
        inRange(ctx, HC_TIMEOUT, 10, 2, 120),
        inRange(ctx, HC_HEALTHY, 3, 2, 10),
        inRange(ctx, HC_UNHEALTHY, 3, 2, 10),
        http ? successCodes(ctx) : null);
  }

  private static String protocol(ServiceContext ctx) {
    String raw = ctx.annotations().string(HC_PROTOCOL).orElse("TCP");
    String upper = raw.toUpperCase(Locale.ROOT);
    return switch (upper) {
      case "TCP", "HTTP", "HTTPS" -> upper;
      default ->
          throw ctx.annotations()
              .invalid(
                  HC_PROTOCOL,
                  "unsupported health check protocol \""
                      + raw
                      + "\" (expected tcp, http or https)");
    };
  }

  /**
   * {@code traffic-port}, a port number, or the name of a Service port whose targetPort is a number
   * (LBC {@code buildTargetGroupHealthCheckPort}, ip target type).
   */
  private static String port(ServiceContext ctx) {
    Annotations a = ctx.annotations();
    String raw = a.string(HC_PORT).orElse(TRAFFIC_PORT);
    if (raw.equals(TRAFFIC_PORT)) {
      return raw;
    }
    if (Annotations.parseInt32(raw).isPresent()) {
      return validPort(ctx, Annotations.parseInt32(raw).get());
    }
    for (K8sService.Port p : ctx.service().spec().ports()) {
      if (p.name().equals(raw)) {
        if (!p.targetPortIsNumber()) {
          throw a.invalid(
              HC_PORT,
              "cannot use named healthCheckPort for IP TargetType when service's targetPort is a"
                  + " named port");
        }
        return validPort(ctx, Annotations.parseInt32(p.effectiveTargetPort()).orElse(0));
      }
    }
    throw a.invalid(
        HC_PORT,
        "failed to resolve healthCheckPort: unable to find port "
            + raw
            + " on service "
            + ctx.service().metadata().key());
  }

  private static String validPort(ServiceContext ctx, int port) {
    if (port < 1 || port > 65535) {
      throw ctx.annotations().invalid(HC_PORT, "port " + port + " is not between 1 and 65535");
    }
    return Integer.toString(port);
  }

  private static String successCodes(ServiceContext ctx) {
    String codes = ctx.annotations().string(HC_SUCCESS_CODES).orElse("200-399");
    if (!SUCCESS_CODES.matcher(codes).matches()) {
      throw ctx.annotations()
          .invalid(
              HC_SUCCESS_CODES,
              "\"" + codes + "\" is not a list of HTTP codes or ranges (e.g. 200-399 or 200,302)");
    }
    for (String code : codes.split("[,-]")) {
      int c = Integer.parseInt(code);
      if (c < 200 || c > 599) {
        throw ctx.annotations()
            .invalid(HC_SUCCESS_CODES, "code " + c + " is not between 200 and 599");
      }
    }
    return codes;
  }

  private static int inRange(ServiceContext ctx, String suffix, int dflt, int min, int max) {
    int value = ctx.annotations().int32(suffix).orElse(dflt);
    if (value < min || value > max) {
      throw ctx.annotations()
          .invalid(suffix, value + " is out of range: NLB allows " + min + "-" + max);
    }
    return value;
  }
}
