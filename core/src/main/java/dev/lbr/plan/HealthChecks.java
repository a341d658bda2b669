package dev.lbr.plan;

import dev.lbr.model.HealthCheck;
import java.util.Set;

/**
 * Health check drift, as LBC's {@code isSDKTargetGroupHealthCheckDrifted}: only fields the desired
 * check sets are compared; path and matcher mean nothing for TCP, UDP and TLS checks; an unset port
 * means {@code traffic-port}.
 */
final class HealthChecks {
  private static final Set<String> L4 = Set.of("TCP", "UDP", "TLS", "TCP_UDP");
  private static final String TRAFFIC_PORT = "traffic-port";

  private HealthChecks() {}

  static boolean drifted(HealthCheck desired, HealthCheck actual) {
    if (desired == null) {
      return false;
    }
    if (actual == null) {
      return true;
    }
    if (!Semantics.isBlank(desired.protocol())
        && !Semantics.sameIgnoreCase(desired.protocol(), actual.protocol())) {
      return true;
    }
    if (!port(desired).equalsIgnoreCase(port(actual))) {
      return true;
    }
    String protocol =
        Semantics.isBlank(desired.protocol()) ? actual.protocol() : desired.protocol();
    if (!L4.contains(Semantics.upper(protocol))
        && (Semantics.driftedIfSet(desired.path(), actual.path())
            || Semantics.driftedIfSet(desired.matcher(), actual.matcher()))) {
      return true;
    }
    return driftedIfSet(desired.intervalSeconds(), actual.intervalSeconds())
        || driftedIfSet(desired.timeoutSeconds(), actual.timeoutSeconds())
        || driftedIfSet(desired.healthyThreshold(), actual.healthyThreshold())
        || driftedIfSet(desired.unhealthyThreshold(), actual.unhealthyThreshold());
  }

  private static String port(HealthCheck hc) {
    return Semantics.isBlank(hc.port()) ? TRAFFIC_PORT : hc.port();
  }

  /** Zero is not a valid value for any of the numbers, so it stands for "not set". */
  private static boolean driftedIfSet(int desired, int actual) {
    return desired != 0 && desired != actual;
  }
}
