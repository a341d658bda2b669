package dev.lbr.k8s;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Declared for the event contract; used by the Ingress → ALB issue. The spec is kept as JSON: the
 * CRD is wide and its fields are read by that builder.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record K8sIngressClassParams(ObjectMeta metadata, JsonNode spec) implements K8sObject {

  @Override
  public K8sIngressClassParams withMetadata(ObjectMeta m) {
    return new K8sIngressClassParams(m, spec);
  }

  @Override
  public Kind kind() {
    return Kind.INGRESS_CLASS_PARAMS;
  }
}
