package dev.lbr.model;

/**
 * A stack: everything one Service (NLB), one IngressGroup (ALB) or one user TargetGroupBinding
 * (targets in a target group made outside lbr) owns. {@code name} is LBC's stack id ({@code
 * ns/svc}, {@code ns/ing} or the group name), which is also the value of LBC's stack tag. {@link
 * #value()} adds the kind so Service and Ingress stacks never collide in our state table.
 */
public record StackId(StackKind kind, String name) {

  public static StackId service(String namespace, String name) {
    return new StackId(StackKind.SERVICE, namespace + "/" + name);
  }

  /** The stack of a user's TargetGroupBinding {@code namespace/name}. */
  public static StackId binding(String namespace, String name) {
    return new StackId(StackKind.BINDING, namespace + "/" + name);
  }

  /** {@code service/ns/name}, {@code ingress/ns/name} or {@code ingress/group}. */
  public String value() {
    return kind.prefix() + "/" + name;
  }

  public static StackId parse(String value) {
    int slash = value.indexOf('/');
    if (slash < 0) {
      throw new IllegalArgumentException("not a stack id: " + value);
    }
    String prefix = value.substring(0, slash);
    for (StackKind k : StackKind.values()) {
      if (k.prefix().equals(prefix)) {
        return new StackId(k, value.substring(slash + 1));
      }
    }
    throw new IllegalArgumentException("not a stack id: " + value);
  }

  /** LBC's stack tag key, e.g. {@code service.k8s.aws/stack}. */
  public String stackTagKey() {
    return kind.tagPrefix() + "/stack";
  }

  /** LBC's resource tag key, e.g. {@code service.k8s.aws/resource}. */
  public String resourceTagKey() {
    return kind.tagPrefix() + "/resource";
  }

  @Override
  public String toString() {
    return value();
  }
}
