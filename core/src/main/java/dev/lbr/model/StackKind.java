package dev.lbr.model;

/**
 * What a stack is built from. A Service stack owns an NLB, an Ingress stack (group) an ALB; a
 * binding stack is a user's TargetGroupBinding and owns no AWS resource, only the targets it
 * registered in the user's target group and its share of the targets' security group rules (its tag
 * prefix is never written).
 */
public enum StackKind {
  SERVICE("service", "service.k8s.aws"),
  INGRESS("ingress", "ingress.k8s.aws"),
  BINDING("binding", "targetgroupbinding.k8s.aws");

  private final String prefix;
  private final String tagPrefix;

  StackKind(String prefix, String tagPrefix) {
    this.prefix = prefix;
    this.tagPrefix = tagPrefix;
  }

  public String prefix() {
    return prefix;
  }

  public String tagPrefix() {
    return tagPrefix;
  }
}
