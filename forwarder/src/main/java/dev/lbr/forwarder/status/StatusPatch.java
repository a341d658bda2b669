package dev.lbr.forwarder.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lbr.event.StackResult;
import dev.lbr.event.StackResult.Outcome;
import dev.lbr.k8s.Json;
import java.time.Instant;

/**
 * The merge patch of a served or released object's {@code /status} (pure): the load balancer's
 * address and, on Services, the {@link ReconciledCondition}, in one patch; on a user's
 * TargetGroupBinding only its {@code observedGeneration}; null when the object already says it all,
 * so an unchanged result writes nothing.
 */
final class StatusPatch {
  private StatusPatch() {}

  /**
   * For an object the stack serves: the address when the result has one (an invalid or failed pass
   * keeps the address the object shows), and the condition on a Service.
   */
  static ObjectNode served(
      ApiResource kind, ObjectNode object, StackResult r, long generation, Instant now) {
    if (kind == ApiResource.TARGET_GROUP_BINDINGS) {
      return observed(object, r, generation);
    }
    boolean service = kind == ApiResource.SERVICES;
    JsonNode status = object.path("status");
    ArrayNode ingress = null;
    if (r.loadBalancer() != null && r.outcome() != Outcome.DELETED) {
      String dns = r.loadBalancer().dnsName();
      ingress =
          service
              ? LoadBalancerStatus.forService(object, dns)
              : LoadBalancerStatus.forIngress(r.loadBalancer().listenerPorts(), dns);
    }
    ArrayNode conditions =
        service ? ReconciledCondition.next(status.path("conditions"), r, generation, now) : null;
    return patch(status, ingress, conditions);
  }

  /**
   * A user's TargetGroupBinding, as LBC's binding controller writes it: only {@code
   * status.observedGeneration}, the generation the reconciled pass read, after a reconciled pass
   * and when it differs. No address, no condition.
   */
  private static ObjectNode observed(ObjectNode object, StackResult r, long memberGeneration) {
    // The event contract's projection carries no generation, so results name none (0): the live
    // binding's is taken. A spec change between the pass and this write has its own pass and
    // result, which finds the generation it read already observed or observes the next one.
    long generation =
        memberGeneration > 0
            ? memberGeneration
            : object.path("metadata").path("generation").asLong(0);
    JsonNode observed = object.path("status").path("observedGeneration");
    if (r.outcome() != Outcome.RECONCILED
        || generation <= 0
        || (observed.canConvertToLong() && observed.asLong() == generation)) {
      return null;
    }
    ObjectNode patch = Json.mapper().createObjectNode();
    patch.putObject("status").put("observedGeneration", generation);
    return patch;
  }

  /**
   * For a released object, or any when the stack is deleted: no address, no condition. Nothing for
   * a TargetGroupBinding (LBC leaves its status as it is).
   */
  static ObjectNode released(ApiResource kind, ObjectNode object) {
    if (kind == ApiResource.TARGET_GROUP_BINDINGS) {
      return null;
    }
    JsonNode status = object.path("status");
    ArrayNode none = Json.mapper().createArrayNode();
    ArrayNode conditions =
        kind == ApiResource.SERVICES
            ? ReconciledCondition.next(status.path("conditions"), null, 0, Instant.EPOCH)
            : null;
    return patch(status, none, conditions);
  }

  /** {@code ingress} / {@code conditions}: null to leave as is, empty to remove. */
  private static ObjectNode patch(JsonNode status, ArrayNode ingress, ArrayNode conditions) {
    ObjectNode patch = Json.mapper().createObjectNode();
    ObjectNode s = Json.mapper().createObjectNode();
    JsonNode currentIngress = status.path("loadBalancer").path("ingress");
    if (ingress != null && !LoadBalancerStatus.same(currentIngress, ingress)) {
      // merge patch: {"loadBalancer": {}} would change nothing, so clearing sets ingress to null
      s.putObject("loadBalancer").set("ingress", ingress.isEmpty() ? null : ingress);
    }
    JsonNode currentConditions = status.path("conditions");
    if (conditions != null
        && !Trees.same(
            currentConditions.isArray() ? currentConditions : Json.mapper().createArrayNode(),
            conditions)) {
      s.set("conditions", conditions.isEmpty() ? null : conditions);
    }
    if (s.isEmpty()) {
      return null;
    }
    patch.set("status", s);
    return patch;
  }
}
