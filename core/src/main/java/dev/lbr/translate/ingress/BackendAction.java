package dev.lbr.translate.ingress;

import dev.lbr.model.Action;
import java.util.List;

/**
 * What an Ingress backend asks for, before target groups are resolved (LBC's {@code
 * ingress.Action}): a ready action (fixed response, redirect), or a forward to Services and target
 * group ARNs.
 */
sealed interface BackendAction {

  /** A fixed-response or redirect action, used as is. */
  record Ready(Action action) implements BackendAction {}

  /** A forward; {@code stickinessDurationSeconds} null means stickiness off. */
  record Forward(List<Tuple> targetGroups, Integer stickinessDurationSeconds)
      implements BackendAction {
    public Forward {
      targetGroups = List.copyOf(targetGroups);
    }

    /** The plain forward of a rule backend: one Service port, no weight. */
    static Forward toService(String serviceName, String servicePort) {
      return new Forward(List.of(new Tuple(null, serviceName, servicePort, null)), null);
    }
  }

  /**
   * One target group of a forward: an existing one by ARN, or a Service port (a number or a port
   * name, as text) in the Ingress's namespace.
   */
  record Tuple(String targetGroupArn, String serviceName, String servicePort, Integer weight) {}
}
