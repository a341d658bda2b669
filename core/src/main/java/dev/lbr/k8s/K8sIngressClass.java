package dev.lbr.k8s;

/** Declared for the event contract; used by the Ingress → ALB issue. */
@ProjectedJson
public record K8sIngressClass(ObjectMeta metadata, Spec spec) implements K8sObject {

  @Override
  public K8sIngressClass withMetadata(ObjectMeta m) {
    return new K8sIngressClass(m, spec);
  }

  @ProjectedJson
  public record Spec(String controller, Parameters parameters) {}

  @ProjectedJson
  public record Parameters(String apiGroup, String kind, String name) {}
}
