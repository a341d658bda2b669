package dev.lbr.k8s;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** Declared for the event contract; used by the instance-target-mode issue. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record K8sNode(ObjectMeta metadata, Spec spec, Status status) implements K8sObject {

  @Override
  public K8sNode withMetadata(ObjectMeta m) {
    return new K8sNode(m, spec, status);
  }

  @Override
  public Kind kind() {
    return Kind.NODE;
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record Spec(String providerID, List<Taint> taints, Boolean unschedulable) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record Taint(String key, String value, String effect) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record Status(List<Condition> conditions) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record Condition(String type, String status) {}
}
