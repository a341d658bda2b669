package dev.lbr.forwarder.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lbr.event.StackResult;
import dev.lbr.event.StackResult.Outcome;
import dev.lbr.k8s.Json;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The Service condition LBC lacks (LBC issues #2338, #1169), pure: type {@value #TYPE}, True with
 * {@code SuccessfullyReconciled} for a reconciled stack, False with {@code FailedBuildModel} or
 * {@code FailedDeployModel} and the message otherwise. Unprefixed, like the one condition
 * Kubernetes defines for Services ({@code LoadBalancerPortsError}, set by cloud providers). {@code
 * lastTransitionTime} moves only when the status flips. Ingresses have no {@code
 * status.conditions}.
 */
final class ReconciledCondition {
  static final String TYPE = "LoadBalancerReconciled";
  static final int MAX_MESSAGE = 32768; // metav1.Condition's limit

  private ReconciledCondition() {}

  /**
   * {@code current} (a {@code status.conditions} list, possibly missing) with ours set for {@code
   * r}, or removed when {@code r} is null or deleted; the others kept in place.
   */
  static ArrayNode next(JsonNode current, StackResult r, long generation, Instant now) {
    ArrayNode out = Json.mapper().createArrayNode();
    ObjectNode mine = r == null || r.outcome() == Outcome.DELETED ? null : condition(r);
    boolean placed = false;
    for (JsonNode c : current) {
      if (!TYPE.equals(c.path("type").asText())) {
        out.add(c);
      } else if (mine != null && !placed) {
        out.add(finish(mine, c, generation, now));
        placed = true;
      }
    }
    if (mine != null && !placed) {
      out.add(finish(mine, null, generation, now));
    }
    return out;
  }

  private static ObjectNode condition(StackResult r) {
    boolean ok = r.outcome() == Outcome.RECONCILED;
    String reason = ResultText.reason(r);
    String message = ResultText.message(r);
    if (message.length() > MAX_MESSAGE) {
      message = message.substring(0, MAX_MESSAGE);
    }
    ObjectNode c = Json.mapper().createObjectNode();
    c.put("type", TYPE).put("status", ok ? "True" : "False");
    c.put("reason", reason).put("message", message);
    return c;
  }

  private static ObjectNode finish(ObjectNode mine, JsonNode old, long generation, Instant now) {
    ObjectNode c = Json.mapper().createObjectNode();
    c.put("type", TYPE).put("status", mine.path("status").asText());
    if (generation > 0) {
      c.put("observedGeneration", generation);
    } else if (old != null && old.has("observedGeneration")) {
      c.set("observedGeneration", old.get("observedGeneration"));
    }
    boolean flipped =
        old == null
            || !old.path("status").asText().equals(mine.path("status").asText())
            || !old.hasNonNull("lastTransitionTime");
    c.put(
        "lastTransitionTime",
        flipped
            ? now.truncatedTo(ChronoUnit.SECONDS).toString()
            : old.path("lastTransitionTime").asText());
    c.set("reason", mine.get("reason"));
    c.set("message", mine.get("message"));
    return c;
  }
}
