package dev.lbr.translate.ingress;

import static dev.lbr.translate.common.HealthCheckValues.TRAFFIC_PORT;
import static dev.lbr.translate.ingress.IngressAnnotation.HC_HEALTHY;
import static dev.lbr.translate.ingress.IngressAnnotation.HC_INTERVAL;
import static dev.lbr.translate.ingress.IngressAnnotation.HC_PATH;
import static dev.lbr.translate.ingress.IngressAnnotation.HC_PORT;
import static dev.lbr.translate.ingress.IngressAnnotation.HC_PROTOCOL;
import static dev.lbr.translate.ingress.IngressAnnotation.HC_TIMEOUT;
import static dev.lbr.translate.ingress.IngressAnnotation.HC_UNHEALTHY;
import static dev.lbr.translate.ingress.IngressAnnotation.SUCCESS_CODES;

import dev.lbr.k8s.K8sService;
import dev.lbr.model.HealthCheck;
import dev.lbr.translate.common.HealthCheckValues;
import java.util.function.ToIntFunction;
import java.util.regex.Pattern;

/**
 * An ALB target group's health check ({@code buildTargetGroupHealthCheckConfig}): the target group
 * protocol on the traffic port, path {@code /} ({@code /AWS.ALB/healthcheck} for gRPC), 15 s
 * interval, 5 s timeout, 2/2 thresholds, matcher {@code 200} ({@code 12} for gRPC). ALB's ranges
 * are checked here, so bad input fails before any AWS call (LBC leaves that to ELB).
 */
final class AlbHealthCheck {
  static final String GRPC = "GRPC";
  private static final Pattern CODES = Pattern.compile("\\d+(-\\d+)?(,\\d+(-\\d+)?)*");

  private AlbHealthCheck() {}

  static HealthCheck build(
      BackendAnnotations a,
      K8sService service,
      String protocol,
      String protocolVersion,
      boolean instance) {
    boolean grpc = protocolVersion.equals(GRPC);
    int interval = inRange(a, HC_INTERVAL, 15, 5, 300);
    int timeout = inRange(a, HC_TIMEOUT, 5, 2, 120);
    if (timeout >= interval) {
      throw a.invalid(
          a.has(HC_TIMEOUT) ? HC_TIMEOUT : HC_INTERVAL,
          "the health check timeout ("
              + timeout
              + " s) must be smaller than the interval ("
              + interval
              + " s)");
    }
    return new HealthCheck(
        protocol(a, protocol),
        port(a, service, instance),
        path(a, grpc),
        interval,
        timeout,
        inRange(a, HC_HEALTHY, 2, 2, 10),
        inRange(a, HC_UNHEALTHY, 2, 2, 10),
        matcher(a, grpc));
  }

  /** {@code healthcheck-path}: starts with a slash, at most 1024 characters. */
  private static String path(BackendAnnotations a, boolean grpc) {
    return HealthCheckValues.path(
        a.string(HC_PATH).orElse(grpc ? "/AWS.ALB/healthcheck" : "/"),
        problem -> a.invalid(HC_PATH, problem));
  }

  private static String protocol(BackendAnnotations a, String targetGroupProtocol) {
    String raw = a.string(HC_PROTOCOL).orElse(targetGroupProtocol);
    if (!raw.equals("HTTP") && !raw.equals("HTTPS")) {
      throw a.invalid(HC_PROTOCOL, "healthCheckProtocol must be within [HTTP, HTTPS]: " + raw);
    }
    return raw;
  }

  /**
   * {@code traffic-port}, a port number, or the name of a Service port whose targetPort is a number
   * ({@code buildTargetGroupHealthCheckValues}); instance targets: the named port's nodePort.
   */
  private static String port(BackendAnnotations a, K8sService service, boolean instance) {
    ToIntFunction<K8sService.Port> nodePort =
        p -> {
          if (p.nodePort() == null || p.nodePort() < 1) {
            throw a.invalid(
                HC_PORT,
                "port "
                    + p.name()
                    + " of service "
                    + service.metadata().key()
                    + " has no nodePort");
          }
          return p.nodePort();
        };
    return HealthCheckValues.port(
        a.string(HC_PORT).orElse(TRAFFIC_PORT),
        service,
        instance ? nodePort : null,
        problem -> a.invalid(HC_PORT, problem));
  }

  /** HTTP codes 200-499 for HTTP(S), gRPC codes 0-99; lists and ranges ({@code 200,300-399}). */
  private static String matcher(BackendAnnotations a, boolean grpc) {
    String codes = a.string(SUCCESS_CODES).orElse(grpc ? "12" : "200");
    int min = grpc ? 0 : 200;
    int max = grpc ? 99 : 499;
    String expected =
        grpc
            ? "gRPC codes 0-99 (e.g. 12 or 0-99), as the backend protocol version is GRPC"
            : "HTTP codes 200-499 (e.g. 200, 200,302 or 200-299)";
    if (!CODES.matcher(codes).matches()) {
      throw a.invalid(SUCCESS_CODES, "\"" + codes + "\" is not a list of " + expected);
    }
    for (String code : codes.split("[,-]")) {
      long c = Long.parseLong(code.length() > 9 ? "999999999" : code);
      if (c < min || c > max) {
        throw a.invalid(SUCCESS_CODES, "code " + code + " is out of range: expected " + expected);
      }
    }
    return codes;
  }

  private static int inRange(BackendAnnotations a, String suffix, int dflt, int min, int max) {
    int value = a.int32(suffix).orElse(dflt);
    if (value < min || value > max) {
      throw a.invalid(suffix, value + " is out of range: ALB allows " + min + "-" + max);
    }
    return value;
  }
}
