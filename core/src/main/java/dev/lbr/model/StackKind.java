package dev.lbr.model;

public enum StackKind {
  SERVICE("service"),
  INGRESS("ingress");

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
