package dev.lbr.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * A TargetGroupBinding ({@code elbv2.k8s.aws/v1beta1}, LBC's CRD): a Service's endpoints (or nodes)
 * registered in a target group made outside the cluster. The fields lbr reads; {@code networking}
 * is kept as JSON.
 */
@ProjectedJson
public record K8sTargetGroupBinding(ObjectMeta metadata, Spec spec) implements K8sObject {
  /** The label of the bindings lbr writes for its own stacks: they are not input. */
  public static final String MANAGED_BY = "app.kubernetes.io/managed-by";

  public static final String LBR = "lbr";

  @Override
  public K8sTargetGroupBinding withMetadata(ObjectMeta m) {
    return new K8sTargetGroupBinding(m, spec);
  }

  /** Whether lbr wrote this binding for one of its own stacks (then it is output, not input). */
  public boolean writtenByLbr() {
    return LBR.equals(metadata.labels().get(MANAGED_BY));
  }

  /**
   * @param targetType {@code ip} or {@code instance}; null: the target group's own
   * @param ipAddressType {@code ipv4} or {@code ipv6}; null: ipv4
   * @param multiClusterTargetGroup other clusters (or anything else) register in the same group
   */
  @ProjectedJson
  public record Spec(
      String targetGroupARN,
      String targetGroupName,
      String targetType,
      ServiceRef serviceRef,
      NodeSelector nodeSelector,
      JsonNode networking,
      String ipAddressType,
      String vpcID,
      Boolean multiClusterTargetGroup) {}

  /** The Service and its port: a number (the Service port) or a port name (IntOrString as text). */
  @ProjectedJson
  public record ServiceRef(String name, String port) {}

  /** The nodes of instance targets; {@code matchExpressions} are kept as JSON. */
  @ProjectedJson
  public record NodeSelector(Map<String, String> matchLabels, JsonNode matchExpressions) {
    public NodeSelector {
      matchLabels = matchLabels == null ? Map.of() : Map.copyOf(matchLabels);
    }
  }
}
