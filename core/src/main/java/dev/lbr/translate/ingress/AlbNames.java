package dev.lbr.translate.ingress;

import dev.lbr.model.StackId;
import dev.lbr.translate.common.Naming;

/**
 * LBC's generated names for an Ingress stack (LBC's {@code
 * pkg/ingress/model_build_load_balancer.go}): implicit groups {@code k8s-<ns8>-<name8>-<hash10>},
 * explicit groups {@code k8s-<group17>-<hash10>}; target groups {@code
 * k8s-<svcns8>-<svcname8>-<hash10>}. The hash is the hex SHA-256 of the inputs written one after
 * another.
 */
final class AlbNames {
  private AlbNames() {}

  /** An explicit group's stack name is its group name, which cannot contain a slash. */
  static boolean isExplicit(StackId id) {
    return !id.name().contains("/");
  }

  /** {@code buildLoadBalancerName}: hash of clusterName, group id and scheme. */
  static String loadBalancer(String clusterName, StackId id, String scheme) {
    return forGroup(id, Naming.sha256Hex(clusterName, id.name(), scheme));
  }

  /** {@code buildManagedSecurityGroupName}: hash of clusterName and group id. */
  static String securityGroup(String clusterName, StackId id) {
    return forGroup(id, Naming.sha256Hex(clusterName, id.name()));
  }

  /**
   * {@code buildTargetGroupName}: hash of clusterName, group id, Ingress namespace and name,
   * Service UID, Service port as written, target group port, target type, protocol and protocol
   * version.
   */
  static String targetGroup(String clusterName, StackId id, TargetGroupDraft tg) {
    String uid = tg.service().metadata().uid();
    String hash =
        Naming.sha256Hex(
            clusterName,
            id.name(),
            tg.member().namespace(),
            tg.member().name(),
            uid == null ? "" : uid,
            tg.servicePort(),
            Integer.toString(tg.port()),
            tg.targetType(),
            tg.protocol(),
            tg.protocolVersion());
    return Naming.format(tg.service().metadata().namespace(), tg.service().metadata().name(), hash);
  }

  private static String forGroup(StackId id, String hash) {
    if (isExplicit(id)) {
      return "k8s-" + prefix(Naming.sanitize(id.name()), 17) + "-" + prefix(hash, 10);
    }
    int slash = id.name().indexOf('/');
    return Naming.format(id.name().substring(0, slash), id.name().substring(slash + 1), hash);
  }

  private static String prefix(String s, int n) {
    return s.length() <= n ? s : s.substring(0, n);
  }
}
