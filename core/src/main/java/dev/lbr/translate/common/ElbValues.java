package dev.lbr.translate.common;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Syntax of the values ELBv2 takes as they are: ports, health check paths, load balancer names,
 * CIDRs. Each check returns the problem (what is wrong and what is allowed), or empty when the
 * value is fine; the caller names the object and annotation.
 */
public final class ElbValues {
  private static final Pattern NAME_CHARS =
      Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?");

  private ElbValues() {}

  /** A TCP/UDP port: 1–65535. */
  public static Optional<String> port(long port) {
    return port >= 1 && port <= 65535
        ? Optional.empty()
        : Optional.of("port " + port + " is not between 1 and 65535");
  }

  /** A health check path: starts with {@code /}, at most 1024 characters, printable ASCII. */
  public static Optional<String> healthCheckPath(String path) {
    if (!path.startsWith("/")) {
      return Optional.of("health check path \"" + path + "\" must start with /");
    }
    if (path.length() > ElbLimits.HEALTH_CHECK_PATH_LENGTH) {
      return Optional.of(
          "health check path is "
              + path.length()
              + " characters long; at most "
              + ElbLimits.HEALTH_CHECK_PATH_LENGTH
              + " are allowed");
    }
    if (!path.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      return Optional.of(
          "health check path \"" + path + "\" may contain only printable ASCII, no spaces");
    }
    return Optional.empty();
  }

  /**
   * A load balancer name: at most 32 characters, ASCII letters, digits and hyphens, not starting or
   * ending with a hyphen, not starting with {@code internal-}.
   */
  public static Optional<String> loadBalancerName(String name) {
    if (name.length() > ElbLimits.LOAD_BALANCER_NAME_LENGTH) {
      return Optional.of(
          "load balancer name cannot be longer than "
              + ElbLimits.LOAD_BALANCER_NAME_LENGTH
              + " characters");
    }
    if (!NAME_CHARS.matcher(name).matches() || name.startsWith("internal-")) {
      return Optional.of(
          "\""
              + name
              + "\" is not a valid load balancer name (letters, digits and hyphens, not starting"
              + " or ending with a hyphen, not starting with internal-)");
    }
    return Optional.empty();
  }

  /** An IPv4 or IPv6 CIDR block, e.g. {@code 10.0.0.0/16} or {@code 2001:db8::/32}. */
  public static Optional<String> cidr(String cidr) {
    return Cidrs.isValid(cidr)
        ? Optional.empty()
        : Optional.of("\"" + cidr + "\" is not a CIDR block (e.g. 10.0.0.0/16 or 2001:db8::/32)");
  }
}
