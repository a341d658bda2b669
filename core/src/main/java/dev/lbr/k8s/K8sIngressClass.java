package dev.lbr.k8s;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** Declared for the event contract; used by the Ingress → ALB issue. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record K8sIngressClass(ObjectMeta metadata, Spec spec) implements K8sObject {

  @Override
  public K8sIngressClass withMetadata(ObjectMeta m) {
    return new K8sIngressClass(m, spec);
  }

  @Override
  public Kind kind() {
    return Kind.INGRESS_CLASS;
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record Spec(String controller, Parameters parameters) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record Parameters(String apiGroup, String kind, String name) {}
}
