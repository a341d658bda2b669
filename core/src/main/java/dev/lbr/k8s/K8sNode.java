package dev.lbr.k8s;

import java.util.List;

/** Declared for the event contract; used by the instance-target-mode issue. */
@ProjectedJson
public record K8sNode(ObjectMeta metadata, Spec spec, Status status) implements K8sObject {

  @Override
  public K8sNode withMetadata(ObjectMeta m) {
    return new K8sNode(m, spec, status);
  }

  @ProjectedJson
  public record Spec(String providerID, List<Taint> taints, Boolean unschedulable) {}

  @ProjectedJson
  public record Taint(String key, String value, String effect) {}

  @ProjectedJson
  public record Status(List<Condition> conditions) {}

  @ProjectedJson
  public record Condition(String type, String status) {}
}
