package dev.lbr.k8s;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Declared for the event contract; used by the Ingress → ALB issue. The spec is kept as JSON: the
 * CRD is wide and its fields are read by that builder.
 */
@ProjectedJson
public record K8sIngressClassParams(ObjectMeta metadata, JsonNode spec) implements K8sObject {

  @Override
  public K8sIngressClassParams withMetadata(ObjectMeta m) {
    return new K8sIngressClassParams(m, spec);
  }
}
