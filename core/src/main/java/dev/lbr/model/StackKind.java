package dev.lbr.model;

public enum StackKind {
  SERVICE("service", "service.k8s.aws"),
  INGRESS("ingress", "ingress.k8s.aws");

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
