package dev.lbr.translate.ingress;

import dev.lbr.k8s.K8sService;
import dev.lbr.model.HealthCheck;
import java.util.Map;

/**
 * One target group of the group's stack before the AWS facts are known (it lacks its name and VPC):
 * one per (Ingress, Service, Service port as the Ingress wrote it), as LBC keys them.
 *
 * @param resourceId LBC's resource id {@code ingNs/ingName-svcName:port}
 * @param servicePort the Service port as referenced: a number or a port name, as text
 * @param port the target group port: instance, the nodePort; ip, the numeric targetPort, or 1 for a
 *     named one
 * @param nodeLabels instance: {@code target-node-labels} the nodes must carry (empty: all)
 * @param userTags IngressClassParams, then Service, then Ingress {@code tags}
 */
record TargetGroupDraft(
    String resourceId,
    Member member,
    K8sService service,
    K8sService.Port servicePortSpec,
    String servicePort,
    String targetType,
    String protocol,
    String protocolVersion,
    int port,
    String ipAddressType,
    HealthCheck healthCheck,
    Map<String, String> attributes,
    Map<String, String> userTags,
    Map<String, String> nodeLabels) {

  boolean instance() {
    return targetType.equals(TargetGroups.INSTANCE);
  }

  /** LBC's {@code buildTargetGroupResourceID}. */
  static String resourceId(Member m, String serviceName, String servicePort) {
    return m.namespace() + "/" + m.name() + "-" + serviceName + ":" + servicePort;
  }
}
