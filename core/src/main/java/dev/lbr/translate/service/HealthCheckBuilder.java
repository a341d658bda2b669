package dev.lbr.translate.service;

import static dev.lbr.translate.common.HealthCheckValues.TRAFFIC_PORT;
import static dev.lbr.translate.service.ServiceAnnotation.HC_HEALTHY;
import static dev.lbr.translate.service.ServiceAnnotation.HC_INTERVAL;
import static dev.lbr.translate.service.ServiceAnnotation.HC_PATH;
import static dev.lbr.translate.service.ServiceAnnotation.HC_PORT;
import static dev.lbr.translate.service.ServiceAnnotation.HC_PROTOCOL;
import static dev.lbr.translate.service.ServiceAnnotation.HC_SUCCESS_CODES;
import static dev.lbr.translate.service.ServiceAnnotation.HC_TIMEOUT;
import static dev.lbr.translate.service.ServiceAnnotation.HC_UNHEALTHY;

import dev.lbr.k8s.K8sService;
import dev.lbr.model.HealthCheck;
import dev.lbr.model.InvalidInputException;
import dev.lbr.translate.common.Annotations;
import dev.lbr.translate.common.HealthCheckValues;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The target group health check ({@code buildTargetGroupHealthCheckConfig}). Default: TCP on the
 * traffic port, 3/3 thresholds, 10 s timeout and interval; HTTP(S) adds path {@code /} and success
 * codes {@code 200-399}. Instance mode with {@code externalTrafficPolicy: Local} on a LoadBalancer
 * Service defaults to HTTP {@code /healthz} on the healthCheckNodePort, timeout 6, thresholds 2/2.
 * Annotations override either. Ranges are NLB's, and the timeout may not exceed the interval,
 * checked here so bad input fails before any AWS call (LBC leaves both to ELB).
 */
final class HealthCheckBuilder {
  private static final Pattern SUCCESS_CODES =
      Pattern.compile("[0-9]{3}(-[0-9]{3})?(,[0-9]{3}(-[0-9]{3})?)*");

  private HealthCheckBuilder() {}

  static HealthCheck build(ServiceContext ctx, String targetType) {
    boolean instance = TargetTypeResolver.INSTANCE.equals(targetType);
    K8sService.Spec spec = ctx.service().spec();
    boolean local =
        instance
            && "Local".equals(spec.externalTrafficPolicy())
            && "LoadBalancer".equals(spec.type());
    String protocol = protocol(ctx, local ? "HTTP" : "TCP");
    boolean http = !protocol.equals("TCP");
    Annotations a = ctx.annotations();
    int interval = inRange(ctx, HC_INTERVAL, 10, 5, 300);
    int timeout = inRange(ctx, HC_TIMEOUT, local ? 6 : 10, 2, 120);
    refuseTimeoutAboveInterval(ctx, timeout, interval);
    return new HealthCheck(
        protocol,
        port(ctx, instance, local),
        http ? path(ctx, local) : null,
        interval,
        timeout,
        inRange(ctx, HC_HEALTHY, local ? 2 : 3, 2, 10),
        inRange(ctx, HC_UNHEALTHY, local ? 2 : 3, 2, 10),
        http ? successCodes(ctx) : null);
  }

  /**
   * ELBv2 refuses an NLB target group (TCP, UDP, TLS, TCP_UDP) whose health check timeout exceeds
   * its interval; equal is allowed (LBC's own TCP default is 10/10). ALB's stricter rule is in
   * {@code AlbHealthCheck}. The annotation named is the one set, the timeout's when both are.
   */
  private static void refuseTimeoutAboveInterval(ServiceContext ctx, int timeout, int interval) {
    if (timeout <= interval) {
      return;
    }
    Annotations a = ctx.annotations();
    throw a.invalid(
        a.has(HC_TIMEOUT) ? HC_TIMEOUT : HC_INTERVAL,
        "the health check timeout ("
            + timeout
            + " s) must not be greater than the interval ("
            + interval
            + " s)");
  }

  /** {@code healthcheck-path}: starts with a slash, at most 1024 characters. */
  private static String path(ServiceContext ctx, boolean local) {
    Annotations a = ctx.annotations();
    return HealthCheckValues.path(
        a.string(HC_PATH).orElse(local ? "/healthz" : "/"), problem -> a.invalid(HC_PATH, problem));
  }

  private static String protocol(ServiceContext ctx, String dflt) {
    String raw = ctx.annotations().string(HC_PROTOCOL).orElse(dflt);
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
   * {@code traffic-port}, a port number, or the name of a Service port: its NodePort in instance
   * mode, else its targetPort, which must be a number (LBC {@code
   * buildTargetGroupHealthCheckValues}). Without the annotation: the healthCheckNodePort when
   * {@code local}, else the traffic port.
   */
  private static String port(ServiceContext ctx, boolean instance, boolean local) {
    Annotations a = ctx.annotations();
    Function<String, InvalidInputException> invalid = problem -> a.invalid(HC_PORT, problem);
    if (local && !a.has(HC_PORT)) {
      Integer hcNodePort = ctx.service().spec().healthCheckNodePort();
      if (hcNodePort == null || hcNodePort == 0) {
        throw a.invalid(
            "externalTrafficPolicy Local without spec.healthCheckNodePort: set the "
                + a.key(HC_PORT)
                + " annotation or let Kubernetes allocate one");
      }
      return HealthCheckValues.valid(hcNodePort, invalid);
    }
    return HealthCheckValues.port(
        a.string(HC_PORT).orElse(TRAFFIC_PORT),
        ctx.service(),
        instance ? p -> TargetGroupBuilder.nodePort(ctx, p) : null,
        invalid);
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
