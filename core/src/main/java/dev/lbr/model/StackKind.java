package dev.lbr.model;

/**
 * What a stack is built from. A Service stack owns an NLB, an Ingress stack (group) an ALB; a
 * binding stack is a user's TargetGroupBinding and owns no AWS resource, only the targets it
 * registered in the user's target group and its share of the targets' security group rules (its tag
 * prefix is never written).
 */
public enum StackKind {
  SERVICE("service"),
  INGRESS("ingress"),
  BINDING("binding");

  private final String prefix;

  StackKind(String prefix) {
    this.prefix = prefix;
  }

  public String prefix() {
    return prefix;
  }

  /** LBC's prefix of the stack's tag keys: {@code service.k8s.aws}, {@code ingress.k8s.aws}. */
  public String tagPrefix() {
    return prefix + ".k8s.aws";
  }
}
