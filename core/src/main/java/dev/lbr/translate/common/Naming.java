package dev.lbr.translate.common;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * LBC's generated names ({@code buildLoadBalancerName} and {@code buildTargetGroupName} in LBC):
 * {@code k8s-%.8s-%.8s-%.10s} of the sanitized namespace, the sanitized name and the hex SHA-256 of
 * the hash inputs written one after another.
 */
public final class Naming {
  private Naming() {}

  /** NLB name: hash of clusterName, service UID, scheme ({@code buildLoadBalancerName}). */
  public static String loadBalancerName(
      String clusterName, String namespace, String name, String uid, String scheme) {
    return format(namespace, name, sha256Hex(clusterName, uid, scheme));
  }

  /**
   * Service target group name ({@code buildTargetGroupName}, without a base Service): hash of
   * clusterName, service UID, target group port, service port, target type, protocol, health check
   * protocol and health check interval.
   */
  public static String targetGroupName(
      String clusterName,
      String namespace,
      String name,
      String uid,
      int targetGroupPort,
      int servicePort,
      String targetType,
      String protocol,
      String healthCheckProtocol,
      int healthCheckInterval) {
    return format(
        namespace,
        name,
        sha256Hex(
            clusterName,
            uid,
            Integer.toString(targetGroupPort),
            Integer.toString(servicePort),
            targetType,
            protocol,
            healthCheckProtocol,
            Integer.toString(healthCheckInterval)));
  }

  /**
   * LBC's shared backend security group: {@code k8s-traffic-<cluster, letters and digits only, at
   * most 232>-<sha256(cluster), 10 hex>}.
   */
  public static String backendSecurityGroup(String clusterName) {
    return "k8s-traffic-"
        + prefix(sanitize(clusterName), 232)
        + "-"
        + prefix(sha256Hex(clusterName), 10);
  }

  public static String format(String namespace, String name, String hash) {
    return "k8s-"
        + prefix(sanitize(namespace), 8)
        + "-"
        + prefix(sanitize(name), 8)
        + "-"
        + prefix(hash, 10);
  }

  /** Removes every character that is not an ASCII letter or digit. */
  public static String sanitize(String s) {
    return s == null ? "" : s.replaceAll("[^A-Za-z0-9]", "");
  }

  /** Hex SHA-256 of the parts' UTF-8 bytes, concatenated without separators. */
  public static String sha256Hex(String... parts) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (String part : parts) {
        digest.update((part == null ? "" : part).getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private static String prefix(String s, int n) {
    return s.length() <= n ? s : s.substring(0, n);
  }
}
