package dev.lbr.translate.common;

import dev.lbr.k8s.K8sService;
import dev.lbr.model.InvalidInputException;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * The health check port annotation of a target group, as LBC resolves it ({@code
 * buildTargetGroupHealthCheckValues}), for NLB and ALB alike.
 */
public final class HealthCheckValues {
  /** The port the targets receive traffic on. */
  public static final String TRAFFIC_PORT = "traffic-port";

  private HealthCheckValues() {}

  /**
   * {@code traffic-port}, a port number, or the name of a Service port: for instance targets what
   * {@code nodePort} gives for it, else its targetPort, which must be a number.
   *
   * @param raw the annotation's value
   * @param nodePort the NodePort of a Service port (it may refuse one); null for IP targets
   * @param invalid an error about the annotation, saying what is wrong with it
   */
  public static String port(
      String raw,
      K8sService service,
      ToIntFunction<K8sService.Port> nodePort,
      Function<String, InvalidInputException> invalid) {
    if (raw.equals(TRAFFIC_PORT)) {
      return raw;
    }
    Optional<Integer> number = Annotations.parseInt32(raw);
    if (number.isPresent()) {
      return valid(number.get(), invalid);
    }
    for (K8sService.Port p : service.spec().ports()) {
      if (p.name().equals(raw)) {
        if (nodePort != null) {
          return valid(nodePort.applyAsInt(p), invalid);
        }
        if (!p.targetPortIsNumber()) {
          throw invalid.apply(
              "cannot use named healthCheckPort for IP TargetType when service's targetPort is a"
                  + " named port");
        }
        return valid(Annotations.parseInt32(p.effectiveTargetPort()).orElse(0), invalid);
      }
    }
    throw invalid.apply(
        "failed to resolve healthCheckPort: unable to find port "
            + raw
            + " on service "
            + service.metadata().key());
  }

  /** The port as the health check takes it, refused unless it is between 1 and 65535. */
  public static String valid(int port, Function<String, InvalidInputException> invalid) {
    if (port < 1 || port > 65535) {
      throw invalid.apply("port " + port + " is not between 1 and 65535");
    }
    return Integer.toString(port);
  }

  /** The path, refused unless ELB takes it ({@link ElbValues#healthCheckPath}). */
  public static String path(String path, Function<String, InvalidInputException> invalid) {
    ElbValues.healthCheckPath(path)
        .ifPresent(
            problem -> {
              throw invalid.apply(problem);
            });
    return path;
  }
}
